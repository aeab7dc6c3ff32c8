import type { LedgerDocument } from '../ledger-json.js';
import { formatTable } from '../table.js';

/** Quantities: the text, value (or range), what it counts and its modifiers. */
export function quantitiesSection(doc: LedgerDocument): string {
  if (doc.quantities.length === 0) return 'Quantities: none found';
  const rows = doc.quantities.map((q) => [
    q.text, q.value === null ? '—' : q.high ? `${q.value}..${q.high}` : String(q.value), q.unit ?? '', q.modifiers.join(', '),
  ]);
  return `Quantities (${doc.quantities.length}):\n${formatTable(['text', 'value', 'unit', 'modifiers'], rows)}`;
}
