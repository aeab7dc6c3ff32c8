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
  // The tokens of the cues kept so far (cues are token ranges, never empty): checking a cue
  // costs its length, not the number kept (issue 19).
  const taken = new Uint8Array(candidates.reduce((m, c) => Math.max(m, c.cue[1]), 0));
  for (const { c, index } of order) {
    let overlaps = false;
    for (let k = c.cue[0]; k < c.cue[1] && !overlaps; k++) overlaps = taken[k] === 1;
    if (overlaps) continue;
    taken.fill(1, c.cue[0], c.cue[1]);
    kept.add(index);
  }
  return candidates.filter((_, index) => kept.has(index));
}
