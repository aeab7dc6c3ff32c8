import type { LedgerDocument } from '../ledger-json.js';
import { formatTable } from '../table.js';

/** The places of a document with their resolution, in text order. */
export function placesSection(doc: LedgerDocument): string {
  if (doc.places.length === 0) return 'Places: none found';
  const rows = doc.places.map((p) => [
    p.text,
    p.name === null ? '(unresolved)' : `${p.name}${p.historicName ? ' (historic name)' : ''}`,
    [p.admin1, p.country].filter(Boolean).join(', '),
    p.lat === null ? '' : `${p.lat.toFixed(2)}, ${p.lon!.toFixed(2)}`,
    p.featureCode ?? '',
    p.role,
    p.confidence.toFixed(2),
  ]);
  return `Places (${doc.places.length}):\n${formatTable(['text', 'place', 'region, country', 'lat, lon', 'code', 'role', 'conf.'], rows)}`;
}
