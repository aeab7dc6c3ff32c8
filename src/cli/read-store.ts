import { existsSync } from 'node:fs';
import type { Store } from '../store/store.js';
import { StoreError } from '../store/store.js';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../store/open-store.js';
import type { LedgerReader } from '../ledger/index.js';
import type { CliIo } from './io.js';

/**
 * The store a read command (search, claims, timeline, export...) reads: a
 * SQLite file that does not exist is refused rather than created empty, so a
 * mistyped `--db` says so instead of answering "0 claims".
 */
export async function openExistingStore(db: string | undefined): Promise<Store> {
  const location = db ?? process.env.COUNTERCLAIM_DB ?? DEFAULT_DB;
  if (!isPostgresUrl(location) && location !== ':memory:' && !existsSync(location)) {
    throw new StoreError(`no database at ${location}; read commands do not create one: run 'counterclaim ingest ...' first, or name the database with --db PATH`);
  }
  return openStore(location);
}

/** Known values listed in a warning at most. */
const LISTED = 12;

/**
 * When a filter found nothing, whether its value is one the ledger knows:
 * an unknown `--side` or `--place` is warned about with the values that are
 * known (a typo otherwise reads as "no claims"). Only run on an empty result.
 */
export async function warnUnknownFilters(ledger: LedgerReader, filters: { readonly side?: string | undefined; readonly place?: string | undefined }, command: string, io: CliIo): Promise<void> {
  if (filters.side !== undefined) {
    const sides = [...new Set((await ledger.listClaims({ limit: 10_000 })).map((c) => c.claim.side))].sort();
    if (!sides.includes(filters.side.toUpperCase())) {
      io.err(`counterclaim ${command}: warning: no claims for side ${JSON.stringify(filters.side)}; the sides in this ledger are ${sides.length ? sides.join(', ') : '(none: the ledger is empty)'}\n`);
    }
  }
  if (filters.place !== undefined) {
    const wanted = filters.place.trim().toLowerCase();
    const places = await ledger.listPlaces();
    const known = places.some((p) => p.place.toLowerCase() === wanted || p.label.toLowerCase() === wanted);
    const withClaims = known || (await ledger.listClaims({ place: filters.place, limit: 1 })).length > 0;
    if (!withClaims) {
      const names = [...new Set(places.map((p) => p.label))].sort();
      const list = names.length ? `${names.slice(0, LISTED).join(', ')}${names.length > LISTED ? `, and ${names.length - LISTED} more (counterclaim places)` : ''}` : '(none yet)';
      io.err(`counterclaim ${command}: warning: no place ${JSON.stringify(filters.place)} in this ledger; places with a control timeline: ${list}\n`);
    }
  }
}
