import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { everythingStored } from '../../testing/store-answers.js';
import { recordedFixtureDocuments, writeFixture } from '../../testing/make-store-fixture.js';
import { createTestDatabase, testPostgres } from '../../testing/postgres-test-server.js';
import { StoreError } from '../store.js';
import { POSTGRES_SCHEMA_VERSION } from './migrations.js';
import { openPostgresStore } from './postgres-store.js';

const postgres = testPostgres();
const skip = postgres.skip ?? false;
const adminUrl = 'adminUrl' in postgres ? postgres.adminUrl : '';

/**
 * A database written by the PostgreSQL store code of version 14 (commit 258f4a6,
 * the last of that schema) from the SQLite fixture's documents, dumped by pg_dump:
 * `node --import tsx src/testing/make-store-fixture.ts postgres OUT.sql RECORDED.documents.json`.
 */
const VERSION_14 = readFileSync(fileURLToPath(new URL('./fixtures/version-14.sql', import.meta.url)), 'utf8');
const VERSION_14_DOCUMENTS = recordedFixtureDocuments(fileURLToPath(new URL('../sqlite/fixtures/version-14.documents.json', import.meta.url)));

async function run<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  // A connection of its own: the dump sets the session's search_path.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Tables and columns, indexes, constraints and triggers of the public schema, by name. */
async function schemaOf(url: string): Promise<unknown> {
  return {
    columns: await run(url, `SELECT table_name, column_name, ordinal_position, data_type, is_nullable, collation_name, generation_expression
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 3`),
    indexes: await run(url, `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    constraints: await run(url, `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    triggers: await run(url, `SELECT tgrelid::regclass::text AS tbl, tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`),
    functions: await run(url, `SELECT proname, prosrc FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prolang <> 13 ORDER BY 1`),
  };
}

test('a version 14 PostgreSQL database (made by that version\'s code) upgrades in place and reads exactly as a fresh one holding the same documents', { skip, timeout: 300_000 }, async () => {
  const old = await createTestDatabase(adminUrl);
  const freshDb = await createTestDatabase(adminUrl);
  try {
    await run(old.url, VERSION_14);
    assert.deepEqual(await run(old.url, 'SELECT version FROM counterclaim_schema'), [{ version: 14 }]);
    const fresh = await openPostgresStore(freshDb.url);
    const upgraded = await openPostgresStore(old.url);
    try {
      await writeFixture(fresh, VERSION_14_DOCUMENTS);
      assert.equal(await upgraded.ping(), POSTGRES_SCHEMA_VERSION);
      const { first } = VERSION_14_DOCUMENTS;
      const ids = first.map((d) => d.id);
      const expected = await everythingStored(fresh, ids);
      const ledger = expected.ledger as { claims: unknown[]; contradictions: unknown[]; places: unknown[]; board: { total: number } };
      assert.ok(ledger.claims.length >= 4 && ledger.contradictions.length > 0 && ledger.places.length > 0 && ledger.board.total > 0, 'claims, contradictions and a timeline to carry over');
      assert.ok((expected.places as unknown[]).length > 3 && (expected.candidates as unknown[]).length === 5, 'places and near-duplicate bands to carry over');
      const ids14 = (expected.ledger as { totals: { places: Array<{ id: string }> } }).totals.places.map((p) => p.id);
      assert.ok(ids14.includes('name-київ') && ids14.includes('name-nova-poshta'), ids14.join(' '));
      assert.deepEqual(await everythingStored(upgraded, ids), expected);
      // Saved again after the upgrade: nothing changes, and a changed document is filed under its seq.
      for (const doc of first.slice(0, 2)) assert.equal(await upgraded.saveDocument(doc), 'unchanged');
      const changed = { ...first[0]!, title: 'Fixture f-capture, corrected' };
      assert.equal(await upgraded.saveDocument(changed), 'updated');
      assert.equal(await fresh.saveDocument(changed), 'updated');
      assert.deepEqual(await everythingStored(upgraded, ids), await everythingStored(fresh, ids));
    } finally {
      await fresh.close();
      await upgraded.close();
    }
    // The summary rows the saves kept equal a recount of the claims, on both.
    const summary = 'SELECT proposition, month, positive, negative, counted FROM ledger_proposition_months WHERE positive + negative + counted > 0 ORDER BY 1, 2';
    const recount = `SELECT proposition, coalesce(substr(about_end, 1, 7), 'undated') AS month,
        count(*) FILTER (WHERE data::jsonb #>> '{claim,polarity}' = 'positive')::int AS positive, count(*) FILTER (WHERE data::jsonb #>> '{claim,polarity}' = 'negative')::int AS negative,
        count(*) FILTER (WHERE data::jsonb #> '{claim,args}' @> '[{"role": "count"}]')::int AS counted
      FROM ledger_claims GROUP BY 1, 2 HAVING count(*) > 0 ORDER BY 1, 2`;
    for (const url of [old.url, freshDb.url]) {
      const rows = await run<{ positive: number; negative: number; counted: number }>(url, summary);
      assert.ok(rows.length > 0);
      assert.deepEqual(rows, (await run<{ positive: number; negative: number; counted: number }>(url, recount)).filter((r) => r.positive + r.negative + r.counted > 0));
    }
    assert.deepEqual(await schemaOf(old.url), await schemaOf(freshDb.url), 'the same tables, columns, indexes, constraints and triggers as a fresh database');
  } finally {
    await old.drop();
    await freshDb.drop();
  }
});

test('a PostgreSQL database older than version 14 is refused with its version named, and left as it was', { skip }, async () => {
  const db = await createTestDatabase(adminUrl);
  try {
    await run(db.url, 'CREATE TABLE counterclaim_schema (version INTEGER NOT NULL); INSERT INTO counterclaim_schema VALUES (12); CREATE TABLE documents (seq BIGINT, id TEXT)');
    await assert.rejects(openPostgresStore(db.url), (e: Error) => e instanceof StoreError
      && /schema version 12, older than this counterclaim upgrades in place \(14 and later\)/.test(e.message));
    assert.deepEqual(await run(db.url, 'SELECT version FROM counterclaim_schema'), [{ version: 12 }]);
    assert.deepEqual(await run(db.url, `SELECT to_regclass('place_items') IS NULL AS absent`), [{ absent: true }]);
  } finally {
    await db.drop();
  }
});
