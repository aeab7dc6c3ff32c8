import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'counterclaim.db';

/** Opens the store a `--db` value names: a postgres:// URL for PostgreSQL, else a SQLite file path. */
export async function openStore(location: string = process.env.COUNTERCLAIM_DB ?? DEFAULT_DB): Promise<Store> {
  // pg is loaded only for PostgreSQL URLs: a SQLite user does not pay for it at start-up.
  if (isPostgresUrl(location)) return (await import('./postgres/postgres-store.js')).openPostgresStore(location);
  return openSqliteStore(location);
}

/** True for a `--db` value that names a PostgreSQL database. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}
