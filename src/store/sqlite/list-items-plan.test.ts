import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LIST_ITEMS_SQL, openSqliteStore } from './sqlite-store.js';
import { PLACE_MENTIONS_SQL } from './browse-index.js';

test('listItems walks documents by rowid and the items_doc_kind_span index, with no sort', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-list-plan-'));
  try {
    const file = path.join(dir, 'store.db');
    await openSqliteStore(file).close();
    const db = new Database(file);
    try {
      // With statistics too: ANALYZE after a large ingest must not bring the sort back.
      for (const analyse of [false, true]) {
        if (analyse) db.exec('ANALYZE');
        const plan = db.prepare<[string, number, number], { detail: string }>(`EXPLAIN QUERY PLAN ${LIST_ITEMS_SQL}`).all('places', 100, 0).map((r) => r.detail);
        assert.match(plan[0]!, /^SCAN d\b/, plan.join('\n'));
        assert.ok(plan.some((d) => /USING (?:COVERING )?INDEX items_doc_kind_span \(doc_id=\? AND kind=\?\)/.test(d)), plan.join('\n'));
        assert.ok(!plan.some((d) => /TEMP B-TREE/.test(d)), `no sort expected:\n${plan.join('\n')}`);
      }
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a page of a place's mentions walks the place's documents in seq order and each one's items by index, with no sort", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-mentions-plan-'));
  try {
    const file = path.join(dir, 'store.db');
    await openSqliteStore(file).close();
    const db = new Database(file);
    try {
      for (const analyse of [false, true]) {
        if (analyse) db.exec('ANALYZE');
        const plan = db.prepare<[string, string, number, number], { detail: string }>(`EXPLAIN QUERY PLAN ${PLACE_MENTIONS_SQL}`).all('geonames-1', 'geonames-1', 20, 0).map((r) => r.detail);
        assert.match(plan[0]!, /^SEARCH p USING (?:COVERING )?INDEX place_doc_mentions_seq \(place_id=\?\)/, plan.join('\n'));
        assert.ok(plan.some((d) => /USING INDEX items_doc_kind_span \(doc_id=\? AND kind=\?\)/.test(d)), plan.join('\n'));
        assert.ok(!plan.some((d) => /TEMP B-TREE/.test(d)), `no sort expected:\n${plan.join('\n')}`);
      }
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
