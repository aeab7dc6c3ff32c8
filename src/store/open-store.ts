import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { withDesk } from './desk/open-desk.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'counterclaim.db';

/** Opens the store a `--db` value names: a postgres:// URL for PostgreSQL, else a SQLite file path. */
export async function openStore(location: string = process.env.COUNTERCLAIM_DB ?? DEFAULT_DB): Promise<Store> {
  // pg is loaded only for PostgreSQL URLs: a SQLite user does not pay for it at start-up.
  const postgres = isPostgresUrl(location);
  const store = postgres ? await (await import('./postgres/postgres-store.js')).openPostgresStore(location) : openSqliteStore(location);
  // The analyst's desk (users, reviews, audit, registry edits, watchlists) in its own tables beside the store.
  return withDesk(store, location, postgres);
}

/** True for a `--db` value that names a PostgreSQL database. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}
