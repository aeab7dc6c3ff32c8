import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { StoreError } from '../store.js';
import { openPostgresStore } from './postgres-store.js';
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

test('a schema that fails halfway leaves nothing behind', { skip }, async () => {
  const db = await createTestDatabase(adminUrl);
  try {
    // A table of the schema already there makes the schema fail after its first tables.
    await query(db.url, 'CREATE TABLE ledger_timelines (x INTEGER)');
    await assert.rejects(openPostgresStore(db.url), (e: Error) => e instanceof StoreError && /creating the schema failed and was rolled back/.test(e.message));
    assert.equal((await query(db.url, 'SELECT version FROM counterclaim_schema')).rowCount, 0);
    assert.deepEqual((await query(db.url, `SELECT to_regclass('documents') IS NULL AS absent`)).rows, [{ absent: true }], 'nothing of the schema left behind');
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
