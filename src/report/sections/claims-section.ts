import { readableProposition } from '../../ledger/index.js';
import type { LedgerDocument } from '../ledger-json.js';
import { formatTable } from '../table.js';

/** Claims of the document: proposition, polarity and modality, who says it, for which side, evidence grade, when. */
export function claimsSection(doc: LedgerDocument): string {
  if (doc.claims.length === 0) return 'Claims: none found';
  const entities = new Map(doc.entities.map((e) => [e.id, e.name]));
  const rows = doc.claims.map((c) => [
    `${c.polarity === 'negative' ? 'NOT ' : ''}${readableProposition(c)}${c.modality === 'asserted' ? '' : ` [${c.modality}]`}`,
    c.voice === 'reporter' ? '(reporter)' : (c.source ? entities.get(c.source) ?? c.source : 'unnamed'),
    c.side,
    c.grade,
    c.about.window ? (c.about.window.start === c.about.window.end ? c.about.window.start : `${c.about.window.start}..${c.about.window.end}`) : '',
    c.trigger.text,
  ]);
  return `Claims (${doc.claims.length}):\n${formatTable(['proposition', 'source', 'side', 'grade', 'about', 'trigger'], rows, 60)}`;
}
