import type { LedgerDocument } from '../ledger-json.js';
import { formatTable } from '../table.js';

export function timesSection(doc: LedgerDocument): string {
  if (doc.times.length === 0) return 'Times: none found';
  const rows = doc.times.map((t) => [
    t.text,
    t.type,
    t.value ?? '(unresolved)',
    t.range ? `${t.range.start.mod ? `${t.range.start.mod} ` : ''}${t.range.start.value} .. ${t.range.end ? `${t.range.end.mod ? `${t.range.end.mod} ` : ''}${t.range.end.value}` : 'now'}` : (t.mod ?? ''),
    t.caption ? 'caption' : t.anchor === 'none' ? 'absolute' : t.anchor === 'publication' ? 'publication' : `rel. ${t.anchor.time}`,
  ]);
  return `Times (${doc.times.length}):\n${formatTable(['text', 'type', 'value', 'mod / range', 'anchor'], rows)}`;
}
