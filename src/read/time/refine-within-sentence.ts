import type { Sentence } from '../../model/index.js';
import type { TimeCandidate } from './time-spec.js';

/**
 * Refiner: a time expression lies inside one sentence. Candidates that run
 * across a sentence break (a date line followed by a heading) are dropped;
 * the others learn their sentence index. Sentences are in text order.
 */
export function refineWithinSentence(candidates: readonly TimeCandidate[], sentences: readonly Sentence[]): Array<TimeCandidate & { readonly sentence: number }> {
  const out: Array<TimeCandidate & { readonly sentence: number }> = [];
  let i = 0;
  for (const c of candidates) {
    while (i < sentences.length && sentences[i]!.span[1] <= c.span[0]) i++;
    if (i >= sentences.length) {
      if (sentences.length === 0) out.push({ ...c, sentence: -1 });
      continue;
    }
    const s = sentences[i]!;
    if (c.span[0] >= s.span[0] && c.span[1] <= s.span[1]) out.push({ ...c, sentence: i });
  }
  return out;
}
