export { EXPORT_FORMATS, sortedClaims, type ExportFormat, type LedgerSnapshot } from './ledger-snapshot.js';
export { toLedgerExportJson, LEDGER_EXPORT_VERSION } from './to-json.js';
export { toLedgerCsv, csvCell, CSV_COLUMNS, ACLED_TYPES } from './to-csv.js';
export { toLedgerGeoJson } from './to-geojson.js';
export { toLedgerPlover, PLOVER_TYPES } from './to-plover.js';
export { toLedgerClaimReview } from './to-claimreview.js';
import type { ExportFormat, LedgerSnapshot } from './ledger-snapshot.js';
import { toLedgerExportJson } from './to-json.js';
import { toLedgerCsv } from './to-csv.js';
import { toLedgerGeoJson } from './to-geojson.js';
import { toLedgerPlover } from './to-plover.js';
import { toLedgerClaimReview } from './to-claimreview.js';

/** The ledger in one export format (pure: the same snapshot gives the same bytes). */
export function exportLedger(format: ExportFormat, snapshot: LedgerSnapshot): string {
  switch (format) {
    case 'json': return toLedgerExportJson(snapshot);
    case 'csv': return toLedgerCsv(snapshot);
    case 'geojson': return toLedgerGeoJson(snapshot);
    case 'plover': return toLedgerPlover(snapshot);
    case 'claimreview': return toLedgerClaimReview(snapshot);
  }
}
