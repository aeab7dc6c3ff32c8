import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createPipeline } from '../../read/pipeline.js';
import { loadResources } from '../../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../../report/ledger-json.js';
import { cohortOf } from '../../ledger/incremental.js';
import type { LedgerClaim } from '../../ledger/index.js';
import { storeAnswers } from '../../testing/store-answers.js';
import type { Store } from '../store.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { createLedgerIndex } from './ledger-queries.js';
import { openSqliteStore } from './sqlite-store.js';

const SEED = readFileSync(fileURLToPath(new URL('../../../../shared/seed/pokrovsk.txt', import.meta.url)), 'utf8');
const LISTS = ['sentences', 'times', 'places', 'entities', 'actors', 'attributions', 'quantities', 'events', 'claims'] as const;

/**
 * A database as version 8 wrote it: the whole analysis in `documents.analysis`,
 * items in the WITHOUT ROWID table without `ord`, the ledger kept by the index
 * code. That code writes and reads `cohort` (migration 12): the column and its
 * index are there while it runs and dropped after, so the upgrade fills them.
 */
function writeVersion8(file: string, docs: readonly LedgerDocument[]): void {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 8)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  db.exec('ALTER TABLE ledger_claims ADD COLUMN cohort TEXT; CREATE INDEX ledger_claims_cohort ON ledger_claims(proposition, cohort, about_end, doc_id, claim_id);');
  const ledger = createLedgerIndex(db);
  const insertDoc = db.prepare(`INSERT INTO documents (id, title, outlet, url, published, language, source, text, analysis, analysis_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertItem = db.prepare('INSERT INTO items (doc_id, id, kind, start, end, text, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const doc of docs) {
      const { text, ...rest } = doc;
      insertDoc.run(doc.id, doc.title, doc.outlet, doc.url, doc.published, doc.language, doc.source, text, JSON.stringify(rest), 'v8');
      for (const list of LISTS) {
        for (const item of doc[list] as ReadonlyArray<{ id: string; span?: readonly [number, number]; text?: string; name?: string }>) {
          insertItem.run(doc.id, item.id, list, item.span?.[0] ?? 0, item.span?.[1] ?? 0, item.text ?? item.name ?? '', JSON.stringify(item));
        }
      }
      ledger.onSave(doc);
    }
  })();
  db.exec('DROP INDEX ledger_claims_cohort; ALTER TABLE ledger_claims DROP COLUMN cohort;');
  db.close();
}

async function everything(store: Store, ids: readonly string[]): Promise<Record<string, unknown>> {
  return {
    ledger: await storeAnswers(store),
    documents: await Promise.all(ids.map((id) => store.getDocument(id))),
    places: await store.listItems('places'),
    claims: await store.listItems('claims', { limit: 5, offset: 3 }),
    totals: await store.browse!.listPlaces(),
    board: await store.browse!.listContradictions(),
    mentions: await store.browse!.placeMentions('geonames-704422'),
  };
}

test('migrations 9 to 12: a version 8 database upgrades in place and reads exactly as a fresh one holding the same documents', async () => {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const read = (id: string, text: string, published: string): LedgerDocument =>
    toLedgerDocument(pipeline.read({ id, text, meta: { title: id, outlet: 'Al Jazeera', url: null, published, language: 'en', source: null }, diagnostics: [] }));
  const docs = [
    read('seed', SEED, '2025-11-06'),
    read('denial', 'Ukraine denied that its troops were encircled in Pokrovsk. Russian forces shelled Kostiantynivka on Monday.', '2025-11-07'),
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'cc-migrate-'));
  try {
    const oldFile = path.join(dir, 'v8.db');
    writeVersion8(oldFile, docs);
    const fresh = openSqliteStore(path.join(dir, 'fresh.db'));
    const upgraded = openSqliteStore(oldFile);
    try {
      for (const doc of docs) await fresh.saveDocument(doc);
      assert.equal(await upgraded.ping!(), SQLITE_MIGRATIONS.at(-1)!.version);
      const expected = await everything(fresh, docs.map((d) => d.id));
      assert.ok((expected.ledger as { claims: unknown[] }).claims.length > 10, 'the documents have claims to carry over');
      assert.ok((expected.mentions as unknown[]).length > 0 && (expected.board as { total: number }).total > 0, 'mentions and contradictions to carry over');
      assert.deepEqual(await everything(upgraded, docs.map((d) => d.id)), expected);
      assert.deepEqual(await upgraded.getDocument('seed'), docs[0]);
      // A document stored before keeps its lists in `analysis`; saved again, they move to items.
      await upgraded.saveDocument(docs[0]!);
      assert.deepEqual(await everything(upgraded, docs.map((d) => d.id)), expected);
    } finally {
      await fresh.close();
      await upgraded.close();
    }
    const schema = (file: string): unknown[] => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare(`SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all();
      db.close();
      return rows;
    };
    assert.deepEqual(schema(oldFile), schema(path.join(dir, 'fresh.db')), 'the same tables, indexes and triggers as a fresh database');
    const db = new Database(oldFile, { readonly: true });
    const orderless = db.prepare(`SELECT count(*) AS n FROM items WHERE ord IS NULL`).get() as { n: number };
    // Migration 12's backfill (the rows of 'denial', never saved again) writes each claim's cohort as the code does.
    const cohorts = db.prepare<[], { doc_id: string; cohort: string | null; core: string }>('SELECT doc_id, cohort, core FROM ledger_claims').all();
    db.close();
    assert.ok(cohorts.some((r) => r.doc_id === 'denial'));
    assert.deepEqual(cohorts.map((r) => r.cohort), cohorts.map((r) => cohortOf((JSON.parse(r.core) as LedgerClaim).claim)));
    assert.ok(new Set(cohorts.map((r) => r.cohort)).size > 2, 'claims of several cohorts');
    assert.ok(orderless.n > 0 && orderless.n < docs.reduce((n, d) => n + LISTS.reduce((m, l) => m + (d[l] as unknown[]).length, 0), 0), 'only the document not saved again keeps items without order');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
