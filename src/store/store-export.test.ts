import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { controlTimeline, exportLedger, findContradictions, ledgerClaimsOf, type LedgerSnapshot } from '../ledger/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/**
 * The ledger a store keeps, exported, is the ledger of the pipeline's output:
 * the example read by the real pipeline, its claims, contradictions and
 * timelines computed here at once by the pure ledger functions (no store, no
 * incremental recompute), against the same document saved and exported as
 * `counterclaim export --format json` does it, byte for byte, on both backends.
 */
const EXAMPLE = readFileSync(fileURLToPath(new URL('../../example/pokrovsk.txt', import.meta.url)), 'utf8');

async function exampleDocument(): Promise<LedgerDocument> {
  const pipeline = createPipeline(await loadResources({ db: '/nonexistent/counterclaim.db' }));
  const meta = { title: null, outlet: null, url: null, published: '2025-11-06', language: 'en', source: 'example/pokrovsk.txt' };
  return toLedgerDocument(pipeline.read({ id: 'example', text: EXAMPLE, meta, diagnostics: [] }));
}

/** The pipeline's output as a ledger, computed whole. */
function pipelineLedger(doc: LedgerDocument): LedgerSnapshot {
  const claims = ledgerClaimsOf(doc);
  const keys = [...new Set(claims.flatMap((c) => (c.where ? [c.where.key] : [])))];
  const timelines = keys.map((key) => {
    const where = claims.find((c) => c.where?.key === key)!.where!;
    return { place: key, label: where.label, lat: where.lat, lon: where.lon, country: where.country, admin1: where.admin1, statuses: controlTimeline(claims, key) };
  }).filter((t) => t.statuses.length > 0);
  return { claims, contradictions: findContradictions(claims), timelines };
}

/** What `counterclaim export` reads of a store (src/cli/export.ts). */
async function storedLedger(store: Store): Promise<LedgerSnapshot> {
  return {
    claims: await store.ledger.listClaims({ limit: 100_000 }),
    contradictions: await store.ledger.listContradictions({ limit: 100_000 }),
    timelines: await store.ledger.listPlaces(),
  };
}

const postgres = testPostgres();

test('the exported ledger of the stored example is the pipeline\'s ledger, byte for byte (SQLite and PostgreSQL)', { timeout: 180_000 }, async () => {
  const doc = await exampleDocument();
  const expected = exportLedger('json', pipelineLedger(doc));
  assert.ok(JSON.parse(expected).contradictions.length > 0 && JSON.parse(expected).timelines.length > 0, 'the example has contradictions and timelines');
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-export-'));
  try {
    const sqlite = openSqliteStore(path.join(dir, 'example.db'));
    await sqlite.saveDocument(doc);
    assert.equal(exportLedger('json', await storedLedger(sqlite)), expected, 'SQLite');
    // Saved again, unchanged, and after a copy of it was saved and removed by a new analysis with no claims.
    await sqlite.saveDocument({ ...doc, id: 'copy' });
    await sqlite.saveDocument({ ...doc, id: 'copy', claims: [], entities: [] });
    assert.equal(exportLedger('json', await storedLedger(sqlite)), expected, 'SQLite, after a copy came and went');
    await sqlite.close();
    if (postgres.skip !== undefined) return;
    const db = await createTestDatabase(postgres.adminUrl);
    try {
      const pg = await openPostgresStore(db.url, { poolSize: 2 });
      await pg.saveDocument(doc);
      assert.equal(exportLedger('json', await storedLedger(pg)), expected, 'PostgreSQL');
      await pg.close();
    } finally {
      await db.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
