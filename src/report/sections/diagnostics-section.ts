import type { LedgerDocument } from '../ledger-json.js';

export function diagnosticsSection(doc: LedgerDocument): string {
  if (doc.diagnostics.length === 0) return '';
  const lines = doc.diagnostics.map((d) => {
    const where = d.span ? ` at ${d.span[0]}-${d.span[1]} "${doc.text.slice(d.span[0], d.span[1]).replace(/\s+/g, ' ')}"` : '';
    return `  ${d.severity} ${d.code}${where}: ${d.message}`;
  });
  return `Diagnostics (${doc.diagnostics.length}):\n${lines.join('\n')}`;
}
