export { EXPORT_FORMATS, sortedClaims, placedTimelines, type ExportFormat, type ExportOptions, type LedgerSnapshot } from './ledger-snapshot.js';
export { toLedgerExportJson, LEDGER_EXPORT_VERSION } from './to-json.js';
export { toLedgerCsv, csvCell, acledType, ACLED_COLUMNS, CSV_COLUMNS, LEDGER_COLUMNS } from './to-csv.js';
export { toLedgerGeoJson } from './to-geojson.js';
export { toLedgerKml } from './to-kml.js';
export { toLedgerPlover, PLOVER_TYPES } from './to-plover.js';
export { toLedgerClaimReview, claimReviewsWithoutUrl, REVIEW_RATINGS } from './to-claimreview.js';
import type { ExportFormat, ExportOptions, LedgerSnapshot } from './ledger-snapshot.js';
import { toLedgerExportJson } from './to-json.js';
import { toLedgerCsv } from './to-csv.js';
import { toLedgerGeoJson } from './to-geojson.js';
import { toLedgerKml } from './to-kml.js';
import { toLedgerPlover } from './to-plover.js';
import { toLedgerClaimReview } from './to-claimreview.js';

/** The ledger in one export format (pure: the same snapshot and options give the same bytes). */
export function exportLedger(format: ExportFormat, snapshot: LedgerSnapshot, options: ExportOptions = {}): string {
  switch (format) {
    case 'json': return toLedgerExportJson(snapshot);
    case 'csv': return toLedgerCsv(snapshot);
    case 'geojson': return toLedgerGeoJson(snapshot);
    case 'kml': return toLedgerKml(snapshot, options);
    case 'plover': return toLedgerPlover(snapshot);
    case 'claimreview': return toLedgerClaimReview(snapshot, options);
  }
}
