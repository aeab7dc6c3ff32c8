import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'counterclaim.db';

/** Opens the store a `--db` value names: a file path for SQLite (PostgreSQL URLs come with the postgres backend). */
export async function openStore(location: string = process.env.COUNTERCLAIM_DB ?? DEFAULT_DB): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error(`PostgreSQL databases are not supported yet (${location.replace(/\/\/[^@]*@/, '//***@')}); use a SQLite file path`);
  }
  return openSqliteStore(location);
}
