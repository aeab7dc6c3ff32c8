import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LedgerDocument } from '../report/ledger-json.js';
import { SearchQueryError, type Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { createTestDatabase, testPostgres } from './postgres/test-server.js';

/**
 * The store contract: every backend runs this same suite (Kysely's habit).
 * PostgreSQL: a fresh database per test on the server testPostgres() gives
 * ($COUNTERCLAIM_TEST_POSTGRES, or a throw-away cluster; skipped with the
 * reason only outside CI when PostgreSQL cannot be installed).
 */
const postgres = testPostgres();
const BACKENDS: ReadonlyArray<{ name: string; skip?: string; open: () => Promise<{ store: Store; dispose: () => void | Promise<void> }> }> = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-store-'));
      return { store: openSqliteStore(path.join(dir, 'test.db')), dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    ...(postgres.skip !== undefined ? { skip: postgres.skip } : {}),
    open: async () => {
      const db = await createTestDatabase('adminUrl' in postgres ? postgres.adminUrl : '');
      return { store: await openPostgresStore(db.url, { poolSize: 2 }), dispose: db.drop };
    },
  },
];

function ledgerDoc(id: string, text: string, meta: Partial<LedgerDocument> = {}): LedgerDocument {
  return {
    id, title: null, outlet: null, url: null, published: null, language: 'en', source: `${id}.txt`, duplicateOf: null, text,
    sentences: [], times: [], places: [], entities: [], actors: [], attributions: [], quantities: [], events: [], claims: [], diagnostics: [],
    ...meta,
  };
}

const NO_EXTRAS = { analyzed: true, byline: null, forwardedFrom: null, minhash: null } as const;

for (const backend of BACKENDS) {
  const withStore = (name: string, body: (store: Store) => Promise<void>): void => {
    test(`${backend.name} store: ${name}`, { skip: backend.skip ?? false }, async () => {
      const { store, dispose } = await backend.open();
      try {
        await body(store);
      } finally {
        await store.close();
        await dispose();
      }
    });
  };

  withStore('saving the same document twice is a no-op', async (store) => {
    const doc = ledgerDoc('a', 'Russian forces said they encircled Pokrovsk.');
    assert.equal(await store.saveDocument(doc), 'inserted');
    assert.equal(await store.saveDocument(doc), 'unchanged');
    assert.equal(await store.countDocuments(), 1);
    assert.equal(await store.hasDocument('a'), true);
    assert.equal(await store.hasDocument('b'), false);
    assert.deepEqual(await store.getDocument('a'), doc);
  });

  withStore('search finds words with highlights and filters by outlet, language and date', async (store) => {
    await store.saveIngested(ledgerDoc('a', 'The ministry said Pokrovsk was encircled.', { outlet: 'Kyiv Independent', published: '2025-11-06' }), NO_EXTRAS);
    await store.saveIngested(ledgerDoc('b', 'Syrskyi denied that Pokrovsk was encircled.', { outlet: 'Reuters', published: '2025-11-07T10:00:00Z' }), NO_EXTRAS);
    await store.saveIngested(ledgerDoc('c', 'Генштаб: Покровськ не оточений.', { outlet: 'Reuters', language: 'uk' }), { ...NO_EXTRAS, analyzed: false });
    const hits = await store.searchDocuments({ text: 'encircled' });
    assert.deepEqual(hits.map((h) => h.id).sort(), ['a', 'b']);
    const hit = hits.find((h) => h.id === 'a')!;
    assert.deepEqual(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e)), ['encircled']);
    assert.deepEqual((await store.searchDocuments({ text: 'encircled', outlet: 'reuters' })).map((h) => h.id), ['b']);
    assert.deepEqual((await store.searchDocuments({ text: 'encircled', since: '2025-11-07' })).map((h) => h.id), ['b']);
    assert.deepEqual((await store.searchDocuments({ text: 'encircled', until: '2025-11-06' })).map((h) => h.id), ['a']);
    const uk = await store.searchDocuments({ text: 'Покровськ', language: 'uk' });
    assert.deepEqual(uk.map((h) => [h.id, h.analyzed]), [['c', false]]);
    assert.deepEqual(await store.searchDocuments({ text: 'Avdiivka' }), []);
  });

  withStore('a malformed search query is a SearchQueryError, not a crash', async (store) => {
    await store.saveDocument(ledgerDoc('a', 'text'));
    for (const bad of ['"unclosed', 'AND', 'encircled OR', '(a']) {
      await assert.rejects(store.searchDocuments({ text: bad }), SearchQueryError, bad);
    }
  });

  withStore('near-duplicate candidates come back by shared band key, with signature and link', async (store) => {
    const sig = new Uint8Array([1, 2, 3, 4]);
    await store.saveIngested(ledgerDoc('a', 'first'), { ...NO_EXTRAS, minhash: { signature: sig, bandKeys: [10, 20] } });
    await store.saveIngested(ledgerDoc('b', 'second', { duplicateOf: { id: 'a', similarity: 0.8 } }), { ...NO_EXTRAS, minhash: { signature: sig, bandKeys: [20, 30] } });
    await store.saveIngested(ledgerDoc('c', 'third'), { ...NO_EXTRAS, minhash: { signature: sig, bandKeys: [40] } });
    const found = await store.nearDuplicateCandidates([20, 99]);
    assert.deepEqual(found.map((c) => [c.id, c.duplicateOf, [...c.signature]]), [['a', null, [1, 2, 3, 4]], ['b', 'a', [1, 2, 3, 4]]]);
    assert.deepEqual(await store.nearDuplicateCandidates([]), []);
    assert.deepEqual((await store.getDocument('b'))?.duplicateOf, { id: 'a', similarity: 0.8 });
  });

  withStore('sources read to the end are remembered by fingerprint', async (store) => {
    assert.equal(await store.getIngestedSource('feed.jsonl'), null);
    await store.markSourceIngested('feed.jsonl', { fingerprint: '10:20', documents: 3 });
    await store.markSourceIngested('feed.jsonl', { fingerprint: '11:20', documents: 4 });
    assert.deepEqual(await store.getIngestedSource('feed.jsonl'), { fingerprint: '11:20', documents: 4 });
  });
}
