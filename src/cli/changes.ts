import { parseArgs } from 'node:util';
import { deskOf } from '../store/desk/open-desk.js';
import { StoreError } from '../store/store.js';
import { createDeskViews } from '../server/desk-views.js';
import { sinceInstant, sinceParam } from '../server/desk-common.js';
import { listChanges } from '../server/watching.js';
import type { CliIo } from './io.js';
import { openExistingStore } from './read-store.js';
import { EXIT_OK, UsageError } from './usage-error.js';

export const CHANGES_USAGE = `counterclaim changes --since DATE [options]

What changed in the ledger since DATE (ISO date or date-time, UTC): new claims, new
contradictions and control status changes, each with the claims that caused it,
oldest first. Changes are logged from when the database first had the desk tables.

Options:
  --since DATE       required
  --watchlist ID     only changes about this watchlist's places, actors or sources
  --limit N          at most N changes (default 200)
  --json             print them as JSON
  --db PATH          database file (default ./counterclaim.db, or $COUNTERCLAIM_DB)
`;

export async function changesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv], allowPositionals: false, strict: true,
      options: { since: { type: 'string' }, watchlist: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.since === undefined) throw new UsageError('changes needs --since DATE');
  if (!sinceParam.safeParse(values.since).success) throw new UsageError(`--since ${JSON.stringify(values.since)} must be an ISO date or date-time`);
  const limit = values.limit === undefined ? 200 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new UsageError('--limit must be a whole number from 1 to 100000');
  const store = await openExistingStore(values.db);
  try {
    const desk = deskOf(store);
    if (!desk) throw new StoreError('this database has no desk tables');
    const watchlist = values.watchlist === undefined ? null : await desk.getWatchlist(values.watchlist);
    if (values.watchlist !== undefined && !watchlist) throw new UsageError(`no watchlist ${values.watchlist} (GET /api/watchlists lists them)`);
    const views = createDeskViews({ store, desk, generation: () => 0 });
    await views.refresh();
    const { items, more } = await listChanges(store, desk, { since: sinceInstant(values.since), watchlist, registry: views.registry(), limit, offset: 0 });
    if (values.json) {
      io.out(`${JSON.stringify({ since: values.since, changes: items, more }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (items.length === 0) io.out(`no changes since ${values.since}\n`);
    const safe = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    for (const c of items) {
      io.out(`${c.at.slice(0, 19).replace('T', ' ')}  ${c.kind.padEnd(13)} ${safe(c.summary)}\n`);
      if (c.kind !== 'claim') for (const claim of c.claims) io.out(`    ${claim.side.padEnd(6)} ${safe(claim.source.name)}: ${safe(claim.readable)}${claim.outlet ? ` (${safe(claim.outlet)})` : ''}\n`);
    }
    if (more) io.out(`… more: --limit ${limit * 2}, or a later --since\n`);
  } finally {
    await store.close();
  }
  return EXIT_OK;
}
