import { groupClaims } from '../group-claims.js';
import { sortedClaims, type LedgerSnapshot } from './ledger-snapshot.js';

export const LEDGER_EXPORT_VERSION = 1;

/**
 * The ledger as one JSON document: claims, claim groups with corroboration
 * per side (claims by reference), contradictions and control timelines.
 */
export function toLedgerExportJson(s: LedgerSnapshot): string {
  const claims = sortedClaims(s.claims);
  const groups = groupClaims(claims).map((g) => ({
    proposition: g.proposition, window: g.window, corroboration: g.corroboration,
    claims: g.claims.map((c) => ({ doc: c.doc, claim: c.claim.id })),
  }));
  const contradictions = [...s.contradictions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const timelines = [...s.timelines].sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : 0));
  return `${JSON.stringify({ version: LEDGER_EXPORT_VERSION, claims, groups, contradictions, timelines }, null, 2)}\n`;
}
