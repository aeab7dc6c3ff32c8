import type { Token } from '../../model/index.js';
import type { ClaimLexicon, CompiledTrigger } from './claim-lexicon.js';

/** A trigger of the predicate vocabulary matched on tokens [from, to). */
export interface TriggerMatch {
  readonly from: number;
  readonly to: number;
  readonly trigger: CompiledTrigger;
}

/** How many tokens a '*' in a trigger pattern may skip; '**' skips a longer phrase ("the battle ** is not over": "around the Republican Palace"). */
const MAX_SKIP = 2;
const MAX_LONG_SKIP = 4;

/**
 * Proposes trigger matches in tokens [from, to): at each token the longest
 * pattern of the lexicon that matches, without overlaps, skipping tokens
 * inside `exclude` (force mentions: "Separate Assault Regiment" is a unit's
 * name, not an assault).
 */
export function findTriggers(tokens: readonly Token[], from: number, to: number, lexicon: ClaimLexicon, exclude: Uint8Array): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  for (let i = from; i < to; i++) {
    if (exclude[i]) continue;
    const candidates = lexicon.triggersByFirst.get(tokens[i]!.norm);
    if (!candidates) continue;
    for (const trigger of candidates) {
      const end = matchAt(tokens, i, to, trigger.words, exclude);
      if (end > 0 && !(trigger.unlessFollowedBy && idiomAround(tokens, i, end, to, trigger))) {
        out.push({ from: i, to: end, trigger });
        i = end - 1;
        break;
      }
    }
  }
  return out;
}

/** Words between a verb and the noun of its idiom ("took all necessary steps", "took its toll"). */
const IDIOM_GAP = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'all', 'every', 'necessary', 'further', 'urgent', 'active', 'no', 'some']);

/** Auxiliaries between an idiom's noun and its passive participle ("steps were taken", "no action has been taken"). */
const PASSIVE_GAP = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'not', 'already', 'also']);

/**
 * Whether the trigger [start, end) is part of an idiom: one of its `unlessFollowedBy` nouns after it,
 * over articles and possessives ("took all necessary steps"), or, for a participle, before it over
 * auxiliaries ("measures were taken").
 */
function idiomAround(tokens: readonly Token[], start: number, end: number, limit: number, trigger: CompiledTrigger): boolean {
  const nouns = trigger.unlessFollowedBy!;
  let k = end;
  while (k < limit && k < end + 3 && IDIOM_GAP.has(tokens[k]!.norm)) k++;
  if (k < limit && nouns.includes(tokens[k]!.norm)) return true;
  if (trigger.form !== 'participle') return false;
  let j = start - 1;
  while (j >= 0 && j > start - 4 && PASSIVE_GAP.has(tokens[j]!.norm)) j--;
  return j >= 0 && j < start - 1 && nouns.includes(tokens[j]!.norm);
}

function matchAt(tokens: readonly Token[], start: number, limit: number, words: readonly string[], exclude: Uint8Array): number {
  let t = start;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word === '*' || word === '**') {
      const next = words[w + 1];
      if (next === undefined) return -1;
      let found = -1;
      for (let k = t; k < Math.min(limit, t + (word === '**' ? MAX_LONG_SKIP : MAX_SKIP) + 1); k++) {
        if (tokens[k]!.norm === next) { found = k; break; }
      }
      if (found < 0) return -1;
      t = found + 1;
      w++;
      continue;
    }
    if (t >= limit || tokens[t]!.norm !== word || exclude[t]) return -1;
    t++;
  }
  return t;
}
