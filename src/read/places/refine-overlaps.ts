import type { PlaceProposal } from './proposal.js';

/**
 * Refiner: where proposals overlap, the longer span wins ("Donetsk region"
 * over "Donetsk", "eastern Ukraine" over "Ukraine"); on equal length the
 * region phrase wins. Returns proposals in text order.
 */
export function refineOverlaps(proposals: readonly PlaceProposal[]): PlaceProposal[] {
  const ranked = [...proposals].sort((a, b) => (b.span[1] - b.span[0]) - (a.span[1] - a.span[0]) || Number(!!b.regionPhrase) - Number(!!a.regionPhrase) || a.span[0] - b.span[0]);
  const kept: PlaceProposal[] = [];
  for (const p of ranked) {
    if (kept.some((k) => p.span[0] < k.span[1] && k.span[0] < p.span[1])) continue;
    kept.push(p);
  }
  return kept.sort((a, b) => a.span[0] - b.span[0]);
}
