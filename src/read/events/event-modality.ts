import type { EventModality, Token } from '../../model/index.js';

const NEGATORS = new Set(['not', 'never', 'no', "n't", 'neither', 'nor', 'without']);
const MODALS = new Set(['may', 'might', 'could', 'would', 'will', 'shall', "'ll", 'plan', 'plans', 'planned', 'intend', 'intends', 'intended', 'likely', 'possibly', 'if']);
const CLAUSE_BREAK = new Set([',', ';', ':', '.', '"', '“', '”', 'that', 'but', 'and', 'while', 'as', 'because', 'which', 'who']);

/**
 * Rules for how a trigger is presented, read from the few tokens before it in
 * its clause: a negator ("did not attack", "have never met", "refused"-type
 * verbs are triggers of their own) → negated; a modal or a plan → possible;
 * "to" after an earlier trigger ("threatened to attack", "called on them to
 * surrender") → embedded, the content of that earlier event.
 */
export function eventModality(tokens: readonly Token[], sentenceFirst: number, triggerFrom: number, afterEarlierTrigger: boolean): EventModality {
  const prev = triggerFrom > sentenceFirst ? tokens[triggerFrom - 1]! : null;
  if (prev?.norm === 'to' && afterEarlierTrigger) return 'embedded';
  let modality: EventModality = 'asserted';
  for (let i = triggerFrom - 1; i >= Math.max(sentenceFirst, triggerFrom - 4); i--) {
    const t = tokens[i]!;
    if (CLAUSE_BREAK.has(t.norm)) break;
    if (NEGATORS.has(t.norm) || t.norm.endsWith("n't")) return 'negated';
    if (MODALS.has(t.norm)) modality = 'possible';
  }
  return modality;
}
