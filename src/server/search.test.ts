import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from './app.js';
import { sourceDocument } from '../ingest/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import { openStore } from '../store/open-store.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';
import { literalSearch } from '../store/search-text.js';
import type { Store } from '../store/store.js';
import { main } from '../cli/main.js';

// Sentences written for these tests.
const TEXTS = [
  { title: 'Front report', language: 'en', text: "Russia's Defence Ministry said its forces encircled the town. General Valery Gerasimov visited the command post on Tuesday." },
  { title: 'Сводка', language: 'ru', text: 'Министерство обороны России заявило, что войска продвинулись у Покровска. Бои продолжаются в городе.' },
  { title: 'Зведення', language: 'uk', text: 'Генеральний штаб повідомив, що оборонці відбили атаки біля Покровська. Ситуація в Покровську складна.' },
];

let docs: LedgerDocument[];
before(async () => {
  const pipeline = createPipeline(await loadResources());
  docs = TEXTS.map((t) => toLedgerDocument(pipeline.read(sourceDocument(t.text, { title: t.title, language: t.language, published: '2026-01-10', outlet: 'Desk Test' }))));
});

test('literalSearch: any input becomes words, phrases and stems; nothing is syntax', () => {
  assert.equal(literalSearch("Russia's"), '"Russia s"');
  assert.equal(literalSearch('encirclement'), '("encirclement" OR encircl*)');
  assert.equal(literalSearch('" AND ( * NOT'), '"AND" AND "NOT"');
  assert.equal(literalSearch('" ( * -'), null);
  assert.match(literalSearch('Покровська')!, /^\("Покровська" OR покровськ\*\)$/);
});

const postgres = testPostgres();
const BACKENDS = [
  { name: 'sqlite', open: async () => { const dir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-search-')); const db = path.join(dir, 's.db'); const store = await openStore(db); return { store, db, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } }; } },
  { name: 'postgres', skip: postgres.skip, open: async () => { if (postgres.skip !== undefined) throw new Error(postgres.skip); const d = await createTestDatabase(postgres.adminUrl); const store = await openStore(d.url); return { store, db: d.url, dispose: async () => { await store.close(); await d.drop(); } }; } },
];

for (const backend of BACKENDS) {
  describe(`search on ${backend.name} (issue 18)`, { skip: backend.skip ?? false }, () => {
    let store: Store;
    let db: string;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, db, dispose } = await backend.open());
      for (const doc of docs) await store.saveDocument(doc);
    });
    after(async () => dispose());

    test('GET /api/search: a person named only in the text, an apostrophe, operators and Cyrillic inflections', async () => {
      const app = createApp({ store });
      const search = async (q: string, extra = '') => {
        const res = await app.request(`/api/search?q=${encodeURIComponent(q)}${extra}`);
        assert.equal(res.status, 200, `${q}: ${res.status}`);
        return res.json() as Promise<any>;
      };
      const gerasimov = await search('Gerasimov');
      assert.deepEqual(gerasimov.documents.map((d: any) => d.title), ['Front report']);
      assert.ok(gerasimov.documents[0].snippet.includes('Gerasimov'));
      assert.deepEqual((await search("Russia's")).documents.map((d: any) => d.title), ['Front report']);
      for (const hostile of ['"', "'", 'AND', 'OR NOT', '(', 'Gerasimov*', 'NEAR(a b)', '"Gerasimov']) {
        await search(hostile); // 200, never a syntax error
      }
      assert.deepEqual((await search('encirclement')).documents.map((d: any) => d.title), ['Front report'], 'English stem');
      assert.deepEqual((await search('Покровск')).documents.map((d: any) => d.title), ['Сводка'], 'Russian: Покровска found by Покровск');
      assert.deepEqual((await search('Покровськ')).documents.map((d: any) => d.title).sort(), ['Зведення'], 'Ukrainian: Покровська, Покровську');
      assert.deepEqual((await search('Покровськ', '&scope=documents&language=ru')).documents, []);
      const claims = await search('encircled', '&scope=claims');
      assert.deepEqual(claims.documents, []);
      assert.ok(claims.claims.every((c: any) => c.doc === docs[0]!.id));
    });

    test("counterclaim search \"Russia's\" works (the words, when the text is not search syntax)", async () => {
      let out = '';
      const io = { out: (t: string) => { out += t; }, err: () => undefined, isTty: false };
      assert.equal(await main(['search', "Russia's", '--json', '--db', db], io), 0);
      assert.deepEqual(JSON.parse(out).results.map((r: any) => r.title), ['Front report']);
    });
  });
}
