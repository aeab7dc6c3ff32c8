import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeFixture } from '../../testing/make-store-fixture.js';
import { openSqliteStore, PLACE_MENTIONS_SQL, sqliteDialect } from './sqlite-store.js';
import { createSqliteLedgerQueries } from './ledger-queries.js';
import { createBrowseReader, createDocumentReads } from '../sql-reads.js';

/** A statement the code prepared and the arguments it ran with. */
interface Ran { readonly sql: string; readonly args: unknown[] }

/** `db` with every statement prepared through it recorded with its arguments when run. */
function recording(db: Database.Database): { db: Database.Database; ran: Ran[] } {
  const ran: Ran[] = [];
  const wrap = (sql: string, statement: Database.Statement): Database.Statement => new Proxy(statement, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== 'function') return value;
      if (key === 'all' || key === 'get' || key === 'run' || key === 'iterate') {
        return (...args: unknown[]) => {
          ran.push({ sql, args });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  const proxy = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => wrap(sql, target.prepare(sql));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, ran };
}

/**
 * Every read of the ledger, browse and document lookups the code runs, on a
 * store holding the fixture documents, and the store's own item and band
 * reads: the plan of each, without statistics and after ANALYZE.
 */
async function plansOfTheCode(): Promise<Array<{ sql: string; plan: string[] }>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-plan-'));
  try {
    const file = path.join(dir, 'store.db');
    const store = openSqliteStore(file);
    await writeFixture(store);
    await store.close();
    const raw = new Database(file);
    try {
      const { db, ran } = recording(raw);
      const ledger = createSqliteLedgerQueries(db);
      const place = 'geonames:704422';
      const page = { limit: 50, offset: 0 };
      for (const filter of [{}, { place }, { place, stance: 'deny' }, { side: 'RU' }, { since: '2025-11-01' }, { until: '2025-11-30' }, { predicate: 'captured' },
        { proposition: 'captured(force:RU,geonames:704422)' }, { entity: 'actor:x' }, { stance: 'deny' }, { outlet: 'tass' }]) ledger.listClaims({ ...filter, ...page });
      ledger.storedClaims('f-capture');
      ledger.monthSummary('captured(force:RU,geonames:704422)', '2025-10', '2025-11', 'x@2025-11');
      ledger.propositionClaims('captured(force:RU,geonames:704422)', { from: '2025-10-01', to: '2025-11-31' }, 60);
      ledger.propositionClaims('captured(force:RU,geonames:704422)', null, 60);
      ledger.placeHasControlClaims(place);
      ledger.placeControlClaims(place, '2025-10-01', 60);
      ledger.scopeContradictions(`place:${place}`);
      ledger.timelineRow(place);
      ledger.timelinePlaceNamed('pokrovsk', 'pokrovsk');
      ledger.claimPlaceNamed('pokrovsk', 'pokrovsk');
      ledger.listContradictions(place, 100);
      ledger.listContradictions(null, 100);
      const browse = createBrowseReader(sqliteDialect(db));
      await browse.listPlaces({});
      await browse.getPlace('geonames-704422');
      await browse.placeMentions('geonames-704422');
      await browse.listEntities({});
      await browse.listContradictions({});
      await browse.listContradictions({ place });
      const reads = createDocumentReads(sqliteDialect(db));
      await reads.sentenceAt('f-capture', [3, 5]);
      await reads.listItems('places', { limit: 100 });
      await reads.listItems('sentences', { docId: 'f-capture' });
      await reads.getDocument('f-denial');
      await reads.getDocumentSummaries(['f-capture', 'f-denial']);
      await reads.nearDuplicateCandidates([1000, 2000]);
      await reads.getIngestedSource('fixture.jsonl');
      // The store's own writes by document and by band key (sqlite-store.ts).
      for (const [sql, args] of [
        ['DELETE FROM place_items WHERE doc_seq = ?', [1]], ['DELETE FROM ledger_claims WHERE doc_seq = ?', [1]], ['DELETE FROM minhash_bands WHERE seq = ?', [1]],
      ] as const) ran.push({ sql, args: [...args] });
      const out: Array<{ sql: string; plan: string[] }> = [];
      for (const analyse of [false, true]) {
        if (analyse) raw.exec('ANALYZE');
        for (const { sql, args } of ran) {
          if (!/^\s*(SELECT|DELETE|UPDATE|WITH)/i.test(sql)) continue;
          out.push({ sql, plan: raw.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...args).map((r) => r.detail) });
        }
      }
      return out;
    } finally {
      raw.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Indexes a fresh database has (its own, not the primary keys of WITHOUT ROWID tables). */
function schemaIndexes(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-plan-'));
  try {
    const file = path.join(dir, 'store.db');
    openSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    const names = db.prepare<[], { name: string }>(`SELECT i.name FROM sqlite_schema i JOIN sqlite_schema t ON t.name = i.tbl_name
      WHERE i.type = 'index' AND NOT (i.name LIKE 'sqlite_autoindex_%' AND t.sql LIKE '%WITHOUT ROWID%') AND t.name NOT LIKE 'documents_fts%'`).all().map((r) => r.name);
    db.close();
    return names.sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const plans = await plansOfTheCode();
const usedIndexes = new Set(plans.flatMap((p) => p.plan.flatMap((d) => [...d.matchAll(/INDEX (\w+)/g)].map((m) => m[1]!))));
const planOf = (sql: string): string[] => plans.find((p) => p.sql === sql)!.plan;
const noSort = (plan: string[]): void => assert.ok(!plan.some((d) => /TEMP B-TREE FOR ORDER BY/.test(d)), `no sort expected:\n${plan.join('\n')}`);

test('every index of the schema is used by a read the code runs (none is written for nothing)', () => {
  const unused = schemaIndexes().filter((name) => !usedIndexes.has(name));
  assert.deepEqual(unused, [], `indexes no plan uses: ${unused.join(', ')}`);
  // The document key of the item and ledger tables is the integer seq, not the 64-character id.
  assert.ok(usedIndexes.has('sqlite_autoindex_ledger_claims_1'));
});

test('no read the code runs scans the place items or ledger claims table without an index', () => {
  const scans = plans.filter(({ plan }) => plan.some((d) => /^SCAN (place_items|ledger_claims|i|la|lb)\b(?! USING)/.test(d)));
  assert.deepEqual(scans.map(({ sql, plan }) => `${sql}\n${plan.join('\n')}`), [], 'full scans');
});

test("listItems of places walks documents by rowid and each one's place items by primary key, with no sort", () => {
  const plan = plans.find((p) => /CROSS JOIN place_items i\s+WHERE i.doc_seq = d.seq/.test(p.sql))!.plan;
  assert.match(plan[0]!, /^SCAN d\b/, plan.join('\n'));
  assert.ok(plan.some((d) => /SEARCH i USING PRIMARY KEY \(doc_seq=\?\)/.test(d)), plan.join('\n'));
  noSort(plan);
});

test("a page of a place's mentions walks the place's documents in seq order and each one's place items by primary key, with no sort", () => {
  const plan = planOf(PLACE_MENTIONS_SQL);
  assert.match(plan[0]!, /^SEARCH p USING (?:COVERING )?(?:INDEX|PRIMARY KEY)\b.*\(place_id=\?\)/, plan.join('\n'));
  assert.ok(plan.some((d) => /SEARCH i USING PRIMARY KEY \(doc_seq=\?\)/.test(d)), plan.join('\n'));
  noSort(plan);
});

test("an unfiltered page of claims walks ledger_claims_about in listClaims' whole order, with no sort at all", () => {
  const plan = plans.find((p) => /^SELECT data FROM ledger_claims INDEXED BY ledger_claims_about\s+ORDER BY/.test(p.sql))!.plan;
  assert.ok(plan.some((d) => /SCAN ledger_claims USING INDEX ledger_claims_about/.test(d)), plan.join('\n'));
  assert.ok(!plan.some((d) => /TEMP B-TREE/.test(d)), plan.join('\n'));
});

test('claims by place and stance walk ledger_claims_place_stance newest first, sorting only the ties of a date', () => {
  const plan = plans.find((p) => /place = \? AND stance = \?/.test(p.sql) && /FROM ledger_claims/.test(p.sql))!.plan;
  assert.ok(plan.some((d) => /INDEX ledger_claims_place_stance \(place=\? AND stance=\?\)/.test(d)), plan.join('\n'));
  noSort(plan);
});
