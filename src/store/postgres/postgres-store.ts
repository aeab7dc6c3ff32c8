import pg from 'pg';
import type { LedgerDocument } from '../../report/ledger-json.js';
import { StoreError, type DocumentSummary, type IngestExtras, type SaveOutcome, type SearchHit, type SearchQuery, type Store } from '../store.js';
import { insertPlaceItems, POSTGRES_OLDEST_UPGRADABLE, POSTGRES_SCHEMA_SQL, POSTGRES_SCHEMA_VERSION, upgrade } from './migrations.js';
import { toTsquery } from './fts-query.js';
import { createPostgresLedgerQueries } from './ledger-queries.js';
import { applyLedgerSave, createLedgerReader, planLedgerSave, runLedgerAsync } from '../../ledger/upkeep.js';
import { createBrowseReader, createDocumentReads, type SqlDialect } from '../sql-reads.js';
import { storedDocumentOf } from '../stored-analysis.js';
import { highlightsOf, MARK_END, MARK_START } from '../search-snippet.js';

/** `?` placeholders (the shared reads' spelling) numbered `$1`, `$2`, … in text order. */
export const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * A page of a place's mentions (parameters: place id twice, limit, offset): the place's documents in seq
 * order (the key of place_doc_mentions), each one's place items by index. The page is sorted a document at a
 * time (an incremental sort on seq) and the scan stops once it is full.
 */
export const PLACE_MENTIONS_SQL = `SELECT (SELECT id FROM documents WHERE seq = p.doc_seq) AS doc_id, x.data
  FROM (SELECT doc_seq FROM place_doc_mentions WHERE place_id = ? ORDER BY doc_seq) p
  CROSS JOIN LATERAL (SELECT i.data, i.start, i."end", i.id FROM place_items i WHERE i.doc_seq = p.doc_seq AND i.place_id = ?) x
  ORDER BY p.doc_seq, x.start, x."end" DESC, x.id COLLATE "C" LIMIT ? OFFSET ?`;

/** The shared reads' dialect (src/store/sql-reads.ts) over a pool. */
export function postgresDialect(db: Pick<pg.Pool, 'query'>): SqlDialect {
  return {
    all: async <T>(sql: string, params: readonly unknown[]) => (await db.query(numbered(sql), [...params])).rows as T[],
    byteOrder: ' COLLATE "C"',
    jsonText: (column, at) => `(${column}::jsonb #>> '{${at.replace(/\./g, ',')}}')`,
    placeFormsSql: `(SELECT coalesce(json_agg(form ORDER BY n DESC, form), '[]') FROM (SELECT form, n FROM place_forms f WHERE f.place_id = t.id
      ORDER BY n DESC, form LIMIT 12) s)::text`,
    placeMentionsSql: PLACE_MENTIONS_SQL,
  };
}

/** Any number only counterclaim uses, so migrations from several processes starting at once run one after the other. */
const MIGRATION_LOCK = 0x636c61696d; // "claim"

export interface PostgresStoreOptions {
  /** Connections in this process's pool (default 10); see docs/deployment.md for sizing. */
  readonly poolSize?: number;
}

/** A connection URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/**
 * Opens (and migrates) a PostgreSQL database as a Store. The pool is the only
 * shared state: every method takes a connection for one statement or one
 * transaction and gives it back.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server is an event, not a crash; the next query opens another.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, url);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(describeConnectError(error, url), { cause: error });
  }

  const transaction = async <T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const poolLedgerQueries = createPostgresLedgerQueries(pool);

  /**
   * Advisory transaction locks on the shared keys a save writes (propositions,
   * control places, place totals), all taken at once in hash order before any
   * write: concurrent saves of documents about the same place run their
   * recomputes one after the other, and never deadlock (every save takes its
   * locks in the same global order; the rows under them are touched only by
   * lock holders).
   */
  const lockKeys = async (client: pg.PoolClient, keys: readonly string[]): Promise<void> => {
    if (keys.length === 0) return;
    await client.query(
      'SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) k ORDER BY h) s',
      [keys],
    );
  };

  const save = async (client: pg.PoolClient, doc: LedgerDocument): Promise<SaveOutcome> => {
    const { text } = doc;
    const { analysis, hash, places } = storedDocumentOf(doc);
    // Two workers saving the same text at once: the second waits here, then sees the first's row.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [doc.id]);
    const existing = (await client.query<{ seq: string; analysis_hash: string }>('SELECT seq, analysis_hash FROM documents WHERE id = $1', [doc.id])).rows[0];
    if (existing?.analysis_hash === hash) return 'unchanged';
    const ledgerQueries = createPostgresLedgerQueries(client);
    const plan = await runLedgerAsync(planLedgerSave(doc), ledgerQueries);
    const oldPlaces = existing
      ? (await client.query<{ place_id: string }>('SELECT DISTINCT place_id FROM place_items WHERE doc_seq = $1', [existing.seq])).rows.map((r) => r.place_id)
      : [];
    const placeTotals = new Set([...oldPlaces, ...places.map((p) => p.placeId)]);
    await lockKeys(client, [...plan.lockKeys, ...[...placeTotals].map((id) => `place-totals:${id}`)]);
    const meta = [doc.id, doc.title, doc.outlet, doc.url, doc.published, doc.language, doc.source];
    let seq: string;
    if (existing) {
      await client.query(
        `UPDATE documents SET title=$2, outlet=$3, url=$4, published=$5, language=$6, source=$7, analysis=$8, analysis_hash=$9 WHERE id=$1`,
        [...meta, analysis, hash],
      );
      await client.query('DELETE FROM place_items WHERE doc_seq = $1', [seq = existing.seq]);
    } else {
      seq = (await client.query<{ seq: string }>(
        `INSERT INTO documents (id, title, outlet, url, published, language, source, text, analysis, analysis_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq`,
        [...meta, text, analysis, hash],
      )).rows[0]!.seq;
    }
    await insertPlaceItems(client, seq, places);
    await runLedgerAsync(applyLedgerSave(doc.id, doc.places, plan), ledgerQueries);
    return existing ? 'updated' : 'inserted';
  };

  const saveWithExtras = (doc: LedgerDocument, extras: IngestExtras | null): Promise<SaveOutcome> => transaction(async (client) => {
    const outcome = await save(client, doc);
    const analyzed = extras ? extras.analyzed : !doc.diagnostics.some((d) => d.code === 'input.language-unsupported');
    const { rows } = await client.query<{ seq: string }>(
      `UPDATE documents SET analyzed=$2, byline=$3, forwarded_from=$4, duplicate_of=$5, duplicate_similarity=$6 WHERE id=$1 RETURNING seq`,
      [doc.id, analyzed, extras?.byline ?? null, extras?.forwardedFrom ?? null, doc.duplicateOf?.id ?? null, doc.duplicateOf?.similarity ?? null],
    );
    if (extras?.minhash) {
      const seq = rows[0]!.seq;
      await client.query(
        'INSERT INTO minhash_signatures (seq, signature) VALUES ($1, $2) ON CONFLICT (seq) DO UPDATE SET signature = excluded.signature',
        [seq, Buffer.from(extras.minhash.signature.buffer, extras.minhash.signature.byteOffset, extras.minhash.signature.byteLength)],
      );
      // A new document has no bands yet.
      if (outcome !== 'inserted') await client.query('DELETE FROM minhash_bands WHERE seq = $1', [seq]);
      await client.query('INSERT INTO minhash_bands (key, seq) SELECT DISTINCT unnest($1::bigint[]), $2::bigint ON CONFLICT DO NOTHING', [extras.minhash.bandKeys.map(String), seq]);
    }
    return outcome;
  });

  const dialect = postgresDialect(pool);
  return {
    kind: 'postgres',
    ledger: createLedgerReader((steps) => runLedgerAsync(steps, poolLedgerQueries)),
    browse: createBrowseReader(dialect),
    ...createDocumentReads(dialect),
    ping: async () => Number((await pool.query<{ version: number }>('SELECT max(version) AS version FROM counterclaim_schema')).rows[0]?.version ?? 0),
    saveDocument: (doc) => saveWithExtras(doc, null),
    // Each save commits on its own: workers on many connections have no batch to share.
    beginBatch: async () => undefined,
    commitBatch: async () => undefined,
    saveIngested: (doc, extras) => saveWithExtras(doc, extras),
    searchDocuments: (query) => search(pool, query),
    async close() {
      await pool.end();
    },
  };
}

async function search(pool: pg.Pool, query: SearchQuery): Promise<SearchHit[]> {
  const tsquery = toTsquery(query.text, 1);
  const params: unknown[] = [...tsquery.params];
  const where = ['d.search @@ q.q'];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.outlet !== undefined) where.push(`lower(d.outlet) = lower(${bind(query.outlet)})`);
  if (query.language !== undefined) where.push(`d.language = ${bind(query.language)}`);
  if (query.since !== undefined) where.push(`d.published >= ${bind(query.since)}`);
  if (query.until !== undefined) {
    // A date includes its whole day: compare only as many characters as the bound has.
    const until = bind(query.until);
    where.push(`substr(d.published, 1, length(${until})) <= ${until}`);
  }
  const limit = bind(Math.max(0, Math.min(query.limit ?? 20, 1000)));
  const offset = bind(Math.max(0, query.offset ?? 0));
  // Title weight A (1.0) and text weight B (0.25): the title counts 4×, as bm25(…, 4.0, 1.0) in SQLite.
  // ts_headline is costly, so it runs only on the page of hits, not on every match.
  const sql = `
    WITH q AS (SELECT ${tsquery.sql} AS q),
    hits AS (
      SELECT d.seq, ts_rank('{0.1, 0.2, 0.25, 1.0}', d.search, q.q) AS rank
      FROM documents d, q WHERE ${where.join(' AND ')}
      ORDER BY rank DESC, d.seq LIMIT ${limit} OFFSET ${offset}
    )
    SELECT d.id, d.title, d.outlet, d.url, d.published, d.language, d.source, d.duplicate_of, d.analyzed,
      ts_headline('counterclaim', d.text, q.q, 'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=12, ShortWord=0, HighlightAll=false, MaxFragments=1, FragmentDelimiter=" … "') AS snippet
    FROM hits JOIN documents d ON d.seq = hits.seq, q
    ORDER BY hits.rank DESC, d.seq`;
  type Row = DocumentSummary & { duplicate_of: string | null; analyzed: boolean; snippet: string };
  const { rows } = await pool.query<Row>(sql, params);
  return rows.map(({ duplicate_of, analyzed, snippet, ...summary }) => ({ ...summary, duplicateOf: duplicate_of, analyzed, ...highlightsOf(snippet) }));
}

/**
 * Brings the schema to the current version: a new database gets it in one
 * piece, one of the previous version is upgraded in place, anything else is
 * refused with its version named. One transaction with the version bump; an
 * advisory lock makes processes that start at the same time (a fleet of
 * workers) migrate one after the other, each reading the version once it
 * holds the lock.
 */
async function migrate(pool: pg.Pool, url: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS counterclaim_schema (version INTEGER NOT NULL)');
      const current = Number((await client.query<{ version: number }>('SELECT max(version) AS version FROM counterclaim_schema')).rows[0]?.version ?? 0);
      if (current === POSTGRES_SCHEMA_VERSION) return;
      if (current > POSTGRES_SCHEMA_VERSION) {
        throw new StoreError(
          `${redactUrl(url)} has schema version ${current}, newer than this counterclaim understands (${POSTGRES_SCHEMA_VERSION}); upgrade counterclaim or use another database`,
        );
      }
      const empty = current === 0 && (await client.query(`SELECT to_regclass('documents') IS NULL AS empty`)).rows[0]!.empty === true;
      const step = empty ? async (c: pg.ClientBase) => void await c.query(POSTGRES_SCHEMA_SQL) : upgrade(current);
      if (step === null) {
        throw new StoreError(
          `${redactUrl(url)} has schema version ${current}, older than this counterclaim upgrades in place (${POSTGRES_OLDEST_UPGRADABLE} and later); `
          + 'upgrade it by opening it once with an earlier counterclaim release, or ingest its sources into a new database',
        );
      }
      await client.query('BEGIN');
      try {
        await step(client);
        await client.query('DELETE FROM counterclaim_schema');
        await client.query('INSERT INTO counterclaim_schema (version) VALUES ($1)', [POSTGRES_SCHEMA_VERSION]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new StoreError(`${redactUrl(url)}: ${empty ? 'creating the schema' : `upgrading schema ${current}`} failed and was rolled back (no partial schema): ${(error as Error).message}`, { cause: error });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/** What went wrong reaching the database, in words that say what to fix. */
function describeConnectError(error: unknown, url: string): string {
  const e = error as { code?: string; message?: string };
  const where = redactUrl(url);
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'ENOENT':
      return `cannot reach PostgreSQL at ${where} (${e.code}): is the server running, and are host and port right?`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the credentials for ${where}: check the user name and password (${e.message})`;
    case '3D000':
      return `${where}: ${e.message}; create it first (createdb)`;
    default:
      return `cannot use PostgreSQL database ${where}: ${e.message ?? String(error)}`;
  }
}
