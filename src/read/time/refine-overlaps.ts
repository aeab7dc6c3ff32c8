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
  for (const c of sorted) {
    if (kept.some((k) => c.span[0] < k.span[1] && k.span[0] < c.span[1])) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.span[0] - b.span[0]);
}
