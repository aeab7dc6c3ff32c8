import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { everythingStored as everything } from '../../testing/store-answers.js';
import { recordedFixtureDocuments, writeFixture } from '../../testing/make-store-fixture.js';
import { StoreError, type Store } from '../store.js';
import { SQLITE_SCHEMA_VERSION } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';

/** A database written by the store code of version 14 (commit 258f4a6), as SQL: src/testing/make-store-fixture.ts. */
const VERSION_14 = readFileSync(fileURLToPath(new URL('./fixtures/version-14.sql', import.meta.url)), 'utf8');
/** Its documents as that commit read them: the fresh store holds the same analyses, whatever the reading does today. */
const VERSION_14_DOCUMENTS = recordedFixtureDocuments(fileURLToPath(new URL('./fixtures/version-14.documents.json', import.meta.url)));

const schemaOf = (file: string): unknown[] => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare(`SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all();
  db.close();
  return rows;
};

test('a version 14 database (made by that version\'s code) upgrades in place and reads exactly as a fresh one holding the same documents', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-migrate-'));
  try {
    const oldFile = path.join(dir, 'v14.db');
    const old = new Database(oldFile);
    old.exec(VERSION_14);
    assert.equal(old.pragma('user_version', { simple: true }), 14);
    old.close();
    const freshFile = path.join(dir, 'fresh.db');
    const fresh = openSqliteStore(freshFile);
    const upgraded = openSqliteStore(oldFile);
    try {
      await writeFixture(fresh, VERSION_14_DOCUMENTS);
      assert.equal(await upgraded.ping(), SQLITE_SCHEMA_VERSION);
      const { first } = VERSION_14_DOCUMENTS;
      const ids = first.map((d) => d.id);
      const expected = await everything(fresh, ids);
      const ledger = expected.ledger as { claims: unknown[]; contradictions: unknown[]; places: unknown[]; board: { total: number } };
      assert.ok(ledger.claims.length >= 4 && ledger.contradictions.length > 0 && ledger.places.length > 0 && ledger.board.total > 0, 'claims, contradictions and a timeline to carry over');
      assert.ok((expected.places as unknown[]).length > 3 && (expected.candidates as unknown[]).length === 5, 'places and near-duplicate bands to carry over');
      // Re-keyed: the unresolved places' ids are the ledger's place keys (Unicode lower case, a run of blanks one dash).
      const ids14 = (expected.ledger as { totals: { places: Array<{ id: string }> } }).totals.places.map((p) => p.id);
      assert.ok(ids14.includes('name-київ') && ids14.includes('name-nova-poshta'), ids14.join(' '));
      assert.deepEqual(await everything(upgraded, ids), expected);
      // Saved again after the upgrade: nothing changes, and a changed document is filed under its seq.
      for (const doc of first.slice(0, 2)) assert.equal(await upgraded.saveDocument(doc), 'unchanged');
      const changed = { ...first[0]!, title: 'Fixture f-capture, corrected' };
      assert.equal(await upgraded.saveDocument(changed), 'updated');
      assert.equal(await fresh.saveDocument(changed), 'updated');
      assert.deepEqual(await everything(upgraded, ids), await everything(fresh, ids));
    } finally {
      await fresh.close();
      await upgraded.close();
    }
    assert.deepEqual(schemaOf(oldFile), schemaOf(freshFile), 'the same tables, indexes and triggers as a fresh database');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database older than version 14 is refused with its version named; the file is left as it was', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-migrate-'));
  try {
    const file = path.join(dir, 'v12.db');
    const db = new Database(file);
    db.exec('CREATE TABLE documents (seq INTEGER PRIMARY KEY, id TEXT); PRAGMA user_version = 12;');
    db.close();
    assert.throws(() => openSqliteStore(file), (e: Error) => e instanceof StoreError && e.message.includes(file)
      && /schema version 12, older than this counterclaim upgrades in place \(14 and later\)/.test(e.message));
    const after = new Database(file, { readonly: true });
    assert.equal(after.pragma('user_version', { simple: true }), 12);
    after.close();
    const newer = path.join(dir, 'v99.db');
    const db99 = new Database(newer);
    db99.pragma('user_version = 99');
    db99.close();
    assert.throws(() => openSqliteStore(newer), /schema version 99, newer than this counterclaim understands \(15\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
