import pg from 'pg';
import { StoreError } from '../../store.js';
import type { DeskSql } from '../desk-sql.js';
import { DESK_POSTGRES_MIGRATIONS } from './migrations.js';

/** Any number only the desk uses, so desk migrations from several processes run one after the other. */
const DESK_MIGRATION_LOCK = 0x6465736b; // "desk"

/** `?` placeholders numbered as PostgreSQL wants them (the desk's SQL has no `?` elsewhere). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const on = (client: pg.Pool | pg.PoolClient): Pick<DeskSql, 'all' | 'run'> => ({
  all: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(numbered(sql), [...params])).rows as T[],
  run: async (sql, params = []) => { await client.query(numbered(sql), [...params]); },
});

/** The desk on a small pool of its own to the store's PostgreSQL database. */
export async function openPostgresDeskSql(url: string): Promise<DeskSql> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`cannot open the desk tables: ${(error as Error).message}`, { cause: error });
  }
  const sql: DeskSql = {
    dialect: 'postgres',
    ...on(pool),
    async transaction(body) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: DeskSql = { ...sql, ...on(client), transaction: (inner) => inner(tx) };
        const result = await body(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return sql;
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [DESK_MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS desk_schema (version INTEGER NOT NULL)');
      const current = Number((await client.query<{ v: number | null }>('SELECT max(version) AS v FROM desk_schema')).rows[0]?.v ?? 0);
      const latest = DESK_POSTGRES_MIGRATIONS.at(-1)!.version;
      if (current > latest) throw new Error(`the desk tables have schema version ${current}, newer than this counterclaim understands (${latest})`);
      for (const migration of DESK_POSTGRES_MIGRATIONS) {
        if (migration.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('DELETE FROM desk_schema');
          await client.query('INSERT INTO desk_schema (version) VALUES ($1)', [migration.version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`desk migration ${migration.version} failed and was rolled back: ${(error as Error).message}`, { cause: error });
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [DESK_MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
