import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LIST_ITEMS_SQL, openSqliteStore } from './sqlite-store.js';
import { PLACE_MENTIONS_SQL } from './browse-index.js';

/**
 * The query plan of `sql` on a fresh store, without statistics and then with
 * them (ANALYZE after a large ingest must not bring a sort back): each plan's
 * steps, given to `check`.
 */
async function checkPlans(sql: string, params: ReadonlyArray<string | number>, check: (plan: string[]) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-plan-'));
  try {
    const file = path.join(dir, 'store.db');
    await openSqliteStore(file).close();
    const db = new Database(file);
    try {
      for (const analyse of [false, true]) {
        if (analyse) db.exec('ANALYZE');
        check(db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => r.detail));
      }
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const noSort = (plan: string[]): void => assert.ok(!plan.some((d) => /TEMP B-TREE/.test(d)), `no sort expected:\n${plan.join('\n')}`);

test('listItems walks documents by rowid and the items_doc_kind_span index, with no sort', async () => {
  await checkPlans(LIST_ITEMS_SQL, ['places', 100, 0], (plan) => {
    assert.match(plan[0]!, /^SCAN d\b/, plan.join('\n'));
    assert.ok(plan.some((d) => /USING (?:COVERING )?INDEX items_doc_kind_span \(doc_id=\? AND kind=\?\)/.test(d)), plan.join('\n'));
    noSort(plan);
  });
});

test("a page of a place's mentions walks the place's documents in seq order and each one's items by index, with no sort", async () => {
  await checkPlans(PLACE_MENTIONS_SQL, ['geonames-1', 'geonames-1', 20, 0], (plan) => {
    assert.match(plan[0]!, /^SEARCH p USING (?:COVERING )?INDEX place_doc_mentions_seq \(place_id=\?\)/, plan.join('\n'));
    assert.ok(plan.some((d) => /USING INDEX items_doc_kind_span \(doc_id=\? AND kind=\?\)/.test(d)), plan.join('\n'));
    noSort(plan);
  });
});
