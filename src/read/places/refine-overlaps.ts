import type { AnalyzedDocument } from '../../model/index.js';
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

/**
 * Refiner: a name inside a time expression the time stage found is part of
 * that date, not a place: "Nov" in "KYIV, Nov 20 (Reuters)" (Nov is also a
 * town in Tajikistan), "March" in "March 3", "Sunday", "Christmas" (a name
 * that only starts or ends inside one, "Christmas Island", is kept).
 */
export function refineTimeOverlaps(doc: Pick<AnalyzedDocument, 'times'>, proposals: readonly PlaceProposal[]): PlaceProposal[] {
  if (doc.times.length === 0) return [...proposals];
  return proposals.filter((p) => !doc.times.some((t) => t.span[0] <= p.span[0] && p.span[1] <= t.span[1]));
}
