import { findContradictions, ledgerClaimsOf } from '../../ledger/index.js';
import type { LedgerDocument } from '../ledger-json.js';

/** Contradictions within the document itself (the ledger finds those across documents: `counterclaim contradictions`). */
export function contradictionsSection(doc: LedgerDocument): string {
  const list = findContradictions(ledgerClaimsOf(doc));
  if (list.length === 0) return 'Contradictions: none within this document';
  return `Contradictions (${list.length}):\n${list.map((c) => `  [${c.kind}] ${c.explanation}`).join('\n')}`;
}
