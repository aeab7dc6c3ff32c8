import type { TimeCandidate } from './time-spec.js';

/**
 * Refiner: where candidates overlap, the longest wins (leftmost on a tie):
 * "since late October" beats "October", "21 months ago" beats "21 months".
 * Candidates are returned in text order.
 */
export function refineOverlaps(candidates: readonly TimeCandidate[]): TimeCandidate[] {
  const sorted = [...candidates].sort(
    (a, b) => (b.span[1] - b.span[0]) - (a.span[1] - a.span[0]) || a.span[0] - b.span[0] || a.rule.localeCompare(b.rule),
  );
  const kept: TimeCandidate[] = [];
  // The characters of the candidates kept so far: a check costs the candidate's length, not the number kept (issue 19).
  const taken = new Uint8Array(candidates.reduce((m, c) => Math.max(m, c.span[1]), 0));
  for (const c of sorted) {
    let overlaps = false;
    for (let i = c.span[0]; i < c.span[1] && !overlaps; i++) overlaps = taken[i] === 1;
    if (overlaps) continue;
    taken.fill(1, c.span[0], c.span[1]);
    kept.push(c);
  }
  return kept.sort((a, b) => a.span[0] - b.span[0]);
}
