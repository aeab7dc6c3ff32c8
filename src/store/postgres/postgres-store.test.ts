import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { StoreError } from '../store.js';
import { openPostgresStore } from './postgres-store.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { toTsquery } from './fts-query.js';
import { createTestDatabase, testPostgres } from '../../testing/postgres-test-server.js';

// PostgreSQL-only bad input: the shared behaviour is in ../store.test.ts.
const postgres = testPostgres();
const skip = postgres.skip ?? false;
const adminUrl = 'adminUrl' in postgres ? postgres.adminUrl : '';

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

test('a database from a newer schema version is refused with both versions named', { skip }, async () => {
  const db = await createTestDatabase(adminUrl);
  try {
    await (await openPostgresStore(db.url)).close();
    await query(db.url, 'UPDATE counterclaim_schema SET version = 999');
    await assert.rejects(openPostgresStore(db.url), (e: Error) => e instanceof StoreError && /schema version 999, newer than this counterclaim understands \(\d+\)/.test(e.message));
  } finally {
    await db.drop();
  }
});

test('a migration that fails halfway leaves no partial schema', { skip }, async () => {
  const db = await createTestDatabase(adminUrl);
  try {
    // Migration 2 creates the text search configuration; one already there makes it fail after its ALTER TABLEs.
    await query(db.url, 'CREATE TEXT SEARCH CONFIGURATION counterclaim (COPY = simple)');
    await assert.rejects(openPostgresStore(db.url), (e: Error) => e instanceof StoreError && /migration 2 failed and was rolled back/.test(e.message));
    const version = await query(db.url, 'SELECT version FROM counterclaim_schema');
    assert.deepEqual(version.rows, [{ version: 1 }]);
    const columns = await query(db.url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'analyzed'`);
    assert.equal(columns.rowCount, 0, 'migration 2 left nothing behind');
    assert.ok(POSTGRES_MIGRATIONS.length >= 2);
  } finally {
    await db.drop();
  }
});

test('an unreachable server and a missing database are clear StoreErrors, the password hidden', { skip }, async () => {
  await assert.rejects(openPostgresStore('postgres://someone:secret@127.0.0.1:1/counterclaim'), (e: Error) => e instanceof StoreError && /cannot reach PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1/.test(e.message) && !e.message.includes('secret'));
  const missing = adminUrl.replace(/\/postgres(\?|$)/, '/no_such_db$1');
  await assert.rejects(openPostgresStore(missing), (e: Error) => e instanceof StoreError && /create it first/.test(e.message));
});

test('search syntax: FTS5 forms become a parameterised tsquery; text never becomes SQL', () => {
  assert.deepEqual(toTsquery('encircl* OR "Pokrovsk direction"', 1), {
    sql: "(to_tsquery('counterclaim', $1) || phraseto_tsquery('counterclaim', $2))",
    params: ['encircl:*', 'Pokrovsk direction'],
  });
  assert.deepEqual(toTsquery("a NOT b c", 3).sql, "((phraseto_tsquery('counterclaim', $3) && !!phraseto_tsquery('counterclaim', $4)) && phraseto_tsquery('counterclaim', $5))");
  assert.deepEqual(toTsquery('"Robert\'); DROP TABLE documents; --"', 1).params, ["Robert'); DROP TABLE documents; --"]);
});

test('migrations 7 and 8 fill the filter columns and the proposition-month summary as saves keep them; the summary equals a recount', { skip, timeout: 120_000 }, async () => {
  const { createPipeline } = await import('../../read/pipeline.js');
  const { loadResources } = await import('../../read/load-resources.js');
  const { toLedgerDocument } = await import('../../report/ledger-json.js');
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const read = (id: string, text: string, outlet: string) => toLedgerDocument(pipeline.read({ id, text, meta: { title: null, outlet, url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] }));
  const db = await createTestDatabase(adminUrl);
  const filterColumns = 'SELECT doc_id, claim_id, stance, source_key, outlet FROM ledger_claims ORDER BY 1, 2';
  const summary = 'SELECT proposition, month, positive, negative, counted FROM ledger_proposition_months WHERE positive + negative + counted > 0 ORDER BY 1, 2';
  const recount = `SELECT proposition, coalesce(substr(about_end, 1, 7), 'undated') AS month,
      count(*) FILTER (WHERE core::jsonb #>> '{claim,polarity}' = 'positive')::int AS positive, count(*) FILTER (WHERE core::jsonb #>> '{claim,polarity}' = 'negative')::int AS negative,
      count(*) FILTER (WHERE core::jsonb #> '{claim,args}' @> '[{"role": "count"}]')::int AS counted
    FROM ledger_claims GROUP BY 1, 2 ORDER BY 1, 2`;
  try {
    const store = await openPostgresStore(db.url);
    await store.saveDocument(read('one', 'Russia’s Defence Ministry said its forces had captured Pokrovsk. Ukraine denied that its troops were encircled in Pokrovsk.', 'TASS'));
    await store.saveDocument(read('two', 'Ukraine denied that its troops were encircled in Pokrovsk.', 'Kyiv Independent'));
    await store.saveDocument(read('two', 'Russian forces encircled Ukrainian troops in Pokrovsk, analysts said.', 'Kyiv Independent'));
    await store.close();
    const saved = { columns: (await query(db.url, filterColumns)).rows, summary: (await query(db.url, summary)).rows };
    assert.ok(saved.columns.length > 2 && saved.columns.every((r) => r.stance !== null && r.source_key !== null && r.outlet === r.outlet?.toLowerCase()));
    assert.deepEqual(saved.summary.map((r) => ({ ...r })), (await query(db.url, recount)).rows.filter((r) => r.positive + r.negative + r.counted > 0));
    // Back to schema 6 (no filter columns, no summary), then open: migrations 7 and 8 must rebuild what saves kept.
    await query(db.url, `ALTER TABLE ledger_claims DROP COLUMN stance, DROP COLUMN source_key, DROP COLUMN outlet;
      DROP INDEX ledger_claims_predicate; DROP TABLE ledger_proposition_months; UPDATE counterclaim_schema SET version = 6`);
    const reopened = await openPostgresStore(db.url);
    assert.equal(await reopened.ping!(), POSTGRES_MIGRATIONS.at(-1)!.version);
    await reopened.close();
    assert.deepEqual((await query(db.url, filterColumns)).rows, saved.columns);
    assert.deepEqual((await query(db.url, summary)).rows, saved.summary);
    const indexes = (await query(db.url, `SELECT indexname FROM pg_indexes WHERE tablename = 'ledger_claims' AND indexname IN ('ledger_claims_place_stance', 'ledger_claims_source', 'ledger_claims_predicate') ORDER BY 1`)).rows;
    assert.deepEqual(indexes.map((r) => r.indexname), ['ledger_claims_place_stance', 'ledger_claims_predicate', 'ledger_claims_source']);
  } finally {
    await db.drop();
  }
});
