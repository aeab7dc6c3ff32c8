import type { AttributionCandidate } from './attribution-candidate.js';

/**
 * Refiner: one cue, one attribution. Widening a cue over its verb group or a
 * following medium ("says in a statement") can swallow the cue of another
 * candidate found on its own (the noun frame "a statement that ..."): both
 * report the same speech act. Where cues overlap, the candidate with the
 * longer cue stays (it has the verb, and so the source); on a tie, the earlier
 * one in the list (extractors run in order of reliability).
 */
export function dropOverlappingCues(candidates: readonly AttributionCandidate[]): AttributionCandidate[] {
  const order = candidates
    .map((c, index) => ({ c, index }))
    .sort((a, b) => (b.c.cue[1] - b.c.cue[0]) - (a.c.cue[1] - a.c.cue[0]) || a.index - b.index);
  const kept = new Set<number>();
  const taken: Array<readonly [number, number]> = [];
  for (const { c, index } of order) {
    if (taken.some(([a, b]) => a < c.cue[1] && c.cue[0] < b)) continue;
    taken.push(c.cue);
    kept.add(index);
  }
  return candidates.filter((_, index) => kept.has(index));
}
