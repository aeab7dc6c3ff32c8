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
      if (end > 0) {
        out.push({ from: i, to: end, trigger });
        i = end - 1;
        break;
      }
    }
  }
  return out;
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
