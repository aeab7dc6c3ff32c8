import Database from 'better-sqlite3';
import { StoreError } from '../../store.js';
import type { DeskSql } from '../desk-sql.js';
import { DESK_SQLITE_MIGRATIONS } from './migrations.js';

/**
 * The desk on its own connection to the store's SQLite file. Statements are synchronous
 * underneath; transactions are queued one after another on this connection (an await inside
 * one must not let another request's statements into it), and a busy file (a bulk ingest
 * holding the write lock) is waited for up to 10 s rather than failing at once.
 */
export function openSqliteDeskSql(file: string): DeskSql {
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    migrate(db);
  } catch (error) {
    throw new StoreError(`cannot open the desk tables in ${file}: ${(error as Error).message}`, { cause: error });
  }
  let queue: Promise<unknown> = Promise.resolve();
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const direct: DeskSql = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: readonly unknown[] = []) => {
      const s = prepared(sql);
      return (s.reader ? s.all(...params) : (s.run(...params), [])) as T[];
    },
    run: async (sql, params = []) => { prepared(sql).run(...params); },
    transaction: (body) => body(direct),
    close: async () => undefined,
  };
  return {
    ...direct,
    transaction<T>(body: (tx: DeskSql) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await body(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await queue;
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS desk_schema (version INTEGER NOT NULL)');
  const current = (db.prepare('SELECT max(version) AS v FROM desk_schema').get() as { v: number | null }).v ?? 0;
  const latest = DESK_SQLITE_MIGRATIONS.at(-1)!.version;
  if (current > latest) throw new Error(`the desk tables have schema version ${current}, newer than this counterclaim understands (${latest})`);
  for (const migration of DESK_SQLITE_MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.exec('DELETE FROM desk_schema');
      db.prepare('INSERT INTO desk_schema (version) VALUES (?)').run(migration.version);
    }).immediate();
  }
}
