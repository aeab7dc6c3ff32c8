import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { claimReviewsWithoutUrl, EXPORT_FORMATS, exportLedger, type ExportFormat, type ExportOptions, type LedgerSnapshot } from '../ledger/index.js';
import { openExistingStore, warnUnknownFilters } from './read-store.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const EXPORT_USAGE = `counterclaim export --format json|csv|geojson|kml|plover|claimreview [options]

Exports the ledger (docs/ledger.md, "Export formats"):
  json         claims, claim groups with corroboration, contradictions, timelines
  csv          ACLED's 31 columns in ACLED's order, then the claim's: one row per
               claim of an event or state ('said' claims are left out)
  geojson      RFC 7946 points: places with their current control status and counts
  kml          KML 2.2 placemarks (Google Earth, QGIS): status, counts, claims
  plover       PLOVER events (one per claim group) in the gold records' format
  claimreview  schema.org ClaimReview JSON-LD per contradiction or claim group

Options:
  --format F     the format (required)
  --out FILE     write to FILE instead of standard output
  --place P      only claims, contradictions and the timeline of a place (name or key)
  --side S       only claims whose source speaks for side S (RU, UA, MEDIA, ...)
  --since DATE   only claims about DATE (ISO) or later
  --limit N      at most N claims (default 100000)
  --base-url URL where 'counterclaim serve' is reached: ClaimReview's url and KML's
                 links point to its page for each claim (else to the article)
  --db PATH      database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...argv], strict: true, options: {
      format: { type: 'string' }, out: { type: 'string' }, place: { type: 'string' }, side: { type: 'string' }, since: { type: 'string' },
      limit: { type: 'string' }, db: { type: 'string' }, 'base-url': { type: 'string' },
    } }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) throw new UsageError(`--since ${JSON.stringify(values.since)} is not an ISO date (YYYY-MM-DD)`);
  const limit = values.limit === undefined ? 100_000 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer');
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+/i.test(baseUrl)) throw new UsageError(`--base-url ${JSON.stringify(baseUrl)} is not an http(s) URL`);
  const options: ExportOptions = baseUrl ? { baseUrl } : {};
  const store = await openExistingStore(values.db);
  let output: string;
  try {
    const ledger = store.ledger;
    const claims = await ledger.listClaims({ place: values.place, side: values.side, since: values.since, limit });
    const selected = new Set(claims.map((c) => `${c.doc}\u0000${c.claim.id}`));
    const filtered = values.side !== undefined || values.since !== undefined;
    const contradictions = (await ledger.listContradictions({ place: values.place, limit: 100_000 }))
      // With --side or --since, a contradiction is exported when one of its two claims is.
      .filter((x) => !filtered || selected.has(`${x.a.doc}\u0000${x.a.claim}`) || selected.has(`${x.b.doc}\u0000${x.b.claim}`));
    const timelines = values.place !== undefined ? [await ledger.timeline(values.place)].filter((t) => t !== null) : await ledger.listPlaces();
    const snapshot: LedgerSnapshot = { claims, contradictions, timelines };
    if (claims.length === 0) await warnUnknownFilters(ledger, { side: values.side, place: values.place }, 'export', io);
    output = exportLedger(format, snapshot, options);
    const unreviewable = format === 'claimreview' ? claimReviewsWithoutUrl(snapshot, options) : 0;
    if (unreviewable > 0) io.err(`counterclaim export: ${unreviewable} review${unreviewable === 1 ? '' : 's'} left out: ClaimReview requires a url, and their documents have none; pass --base-url to link them to this ledger's pages\n`);
  } finally {
    await store.close();
  }
  if (values.out) {
    await writeFile(values.out, output, 'utf8');
    io.err(`counterclaim export: wrote ${format} to ${values.out}\n`);
  } else io.out(output);
  return EXIT_OK;
}
