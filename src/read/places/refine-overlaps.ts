import type { AnalyzedDocument } from '../../model/index.js';
import type { PlaceProposal } from './proposal.js';
import { spanCoverage } from '../position-index.js';

/**
 * Refiner: where proposals overlap, the longer span wins ("Donetsk region"
 * over "Donetsk", "eastern Ukraine" over "Ukraine"); on equal length the
 * region phrase wins. Returns proposals in text order.
 */
export function refineOverlaps(proposals: readonly PlaceProposal[]): PlaceProposal[] {
  const ranked = [...proposals].sort((a, b) => (b.span[1] - b.span[0]) - (a.span[1] - a.span[0]) || Number(!!b.regionPhrase) - Number(!!a.regionPhrase) || a.span[0] - b.span[0]);
  const kept: PlaceProposal[] = [];
  // The characters of the proposals kept so far: a check costs the proposal's length, not the number kept (issue 19).
  const taken = new Uint8Array(proposals.reduce((m, p) => Math.max(m, p.span[1]), 0));
  for (const p of ranked) {
    let overlaps = false;
    for (let i = p.span[0]; i < p.span[1] && !overlaps; i++) overlaps = taken[i] === 1;
    if (overlaps) continue;
    taken.fill(1, p.span[0], p.span[1]);
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
  const times = spanCoverage(doc.times.map((t) => t.span));
  return proposals.filter((p) => !times.covers(p.span[0], p.span[1]));
}
