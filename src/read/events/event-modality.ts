import type { EventModality, Token } from '../../model/index.js';

const NEGATORS = new Set(['not', 'never', 'no', "n't", 'neither', 'nor', 'without', 'failed', 'fails', 'fail', 'refused', 'refuses']);
const POSSIBLE = new Set(['may', 'might', 'could', 'possibly', 'if', 'likely']);
const INTENDED = new Set(['will', 'would', 'shall', "'ll", 'going']);
const REQUIRED = new Set(['must', 'should', 'ought']);
/** Words before "to" that make what follows an intention of the subject ("ready to contribute", "plans to impose"). */
const INTENT_TO = new Set(['ready', 'prepared', 'willing', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'going', 'decided', 'decides', 'vowed', 'vows', 'pledged', 'pledges', 'promised', 'promises', 'sworn', 'swore', 'committed', 'expected', 'set', 'want', 'wants', 'wanted', 'seeks', 'sought', 'hopes', 'offered', 'offers', 'agreed', 'agrees', 'threatened', 'threatens']);
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '"', '“', '”', 'that', 'but', 'and', 'while', 'as', 'because', 'which', 'who', 'after', 'before', 'since', 'when']);

/**
 * Rules for how a trigger is presented, read from the few tokens before it in
 * its clause (CAMEO codes intentions, demands and refusals as events of their
 * own, so these decide the code, see code-intent.ts):
 * - a negator or a failure ("did not meet", "failed to reach") → negated;
 * - "must", "should" → required;
 * - "will", "would", or "ready / plans / vowed to" → intended;
 * - "may", "could" → possible;
 * - "to" after an earlier trigger in the sentence ("threatened to attack",
 *   "called on them to surrender") → embedded, the content of that event.
 */
export function eventModality(tokens: readonly Token[], sentenceFirst: number, triggerFrom: number, afterEarlierTrigger: boolean): EventModality {
  const prev = triggerFrom > sentenceFirst ? tokens[triggerFrom - 1]! : null;
  const beforeTo = triggerFrom - 2 >= sentenceFirst ? tokens[triggerFrom - 2]! : null;
  if (prev?.norm === 'to') {
    if (beforeTo && NEGATORS.has(beforeTo.norm)) return 'negated';
    if (beforeTo && INTENT_TO.has(beforeTo.norm) && !afterEarlierTrigger) return 'intended';
    if (afterEarlierTrigger) return 'embedded';
  }
  let modality: EventModality = 'asserted';
  for (let i = triggerFrom - 1; i >= Math.max(sentenceFirst, triggerFrom - 5); i--) {
    const t = tokens[i]!;
    if (CLAUSE_BREAK.has(t.norm)) break;
    if (NEGATORS.has(t.norm) || t.norm.endsWith("n't")) return 'negated';
    if (modality === 'asserted') {
      if (REQUIRED.has(t.norm)) modality = 'required';
      else if (INTENDED.has(t.norm) || (t.norm === 'to' && INTENT_TO.has(tokens[i - 1]?.norm ?? ''))) modality = 'intended';
      else if (POSSIBLE.has(t.norm)) modality = 'possible';
    }
  }
  return modality;
}
