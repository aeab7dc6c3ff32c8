import { parseArgs } from 'node:util';
import { readableProposition } from '../ledger/index.js';
import { openExistingStore, warnUnknownFilters } from './read-store.js';
import { formatTable } from '../report/table.js';
import type { CliIo } from './io.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const CLAIMS_USAGE = `counterclaim claims [--place P] [--side S] [--since DATE] [--json]

Lists the ledger's claims, newest first: proposition, polarity, source, side, evidence grade, when.

Options:
  --place P      a place name or key (geonames:ID)
  --side S       the side of the source (RU, UA, MEDIA, ...)
  --since DATE   claims about DATE (ISO) or later
  --limit N      at most N claims (default 200)
  --json         JSON instead of a table
  --db PATH      database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function claimsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...argv], strict: true, options: {
      place: { type: 'string' }, side: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' },
    } }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) throw new UsageError(`--since ${JSON.stringify(values.since)} is not an ISO date (YYYY-MM-DD)`);
  const limit = values.limit === undefined ? 200 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer');
  const store = await openExistingStore(values.db);
  try {
    const claims = await store.ledger.listClaims({ place: values.place, side: values.side, since: values.since, limit });
    if (claims.length === 0) await warnUnknownFilters(store.ledger, { side: values.side, place: values.place }, 'claims', io);
    if (values.json) {
      io.out(`${JSON.stringify(claims, null, 2)}\n`);
      return EXIT_OK;
    }
    const rows = claims.map((c) => [
      c.claim.about.window?.end ?? '', `${c.claim.polarity === 'negative' ? 'NOT ' : ''}${readableProposition(c.claim)}${c.claim.modality === 'asserted' ? '' : ` [${c.claim.modality}]`}`,
      c.source.name, c.claim.side, c.claim.grade, c.claim.statedAt.value ?? '', c.doc.slice(0, 12),
    ]);
    io.out(`${claims.length} claims\n${formatTable(['about', 'proposition', 'source', 'side', 'grade', 'stated', 'document'], rows)}\n`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
