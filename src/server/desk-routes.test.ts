import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { sourceDocument } from '../ingest/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import { openStore } from '../store/open-store.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';
import { createApp } from './app.js';
import { weekOf } from './routes/aggregates.js';
import { literalSearch } from '../store/search-text.js';
import { analysedExample, temporaryStore } from './testing/fixture.js';

/** A report of our own in Ukrainian: the officer is named in the body only. */
const UKRAINIAN_TEXT = 'Речник угруповання Коваленко повідомив у четвер, що оборонці утримують позиції біля Покровська.';

test('weekOf: the Monday of the ISO week', () => {
  assert.equal(weekOf('2025-11-03'), '2025-11-03'); // a Monday
  assert.equal(weekOf('2025-11-06'), '2025-11-03'); // Thursday
  assert.equal(weekOf('2025-11-09'), '2025-11-03'); // Sunday
  assert.equal(weekOf('2025-01-01'), '2024-12-30'); // across a year
});

test('the search route takes whatever is typed as words (literalSearch): quotes, apostrophes and operators are text', () => {
  assert.equal(literalSearch("Russia's"), '"Russia s"');
  assert.match(literalSearch('say "hi" AND (x')!, /"AND"/);
  assert.equal(literalSearch('" * ( )'), null);
  assert.match(literalSearch('  Сирський  ')!, /Сирськ/);
});

let docs: LedgerDocument[];
before(async () => {
  const pipeline = createPipeline(await loadResources());
  docs = [await analysedExample(), toLedgerDocument(pipeline.read(sourceDocument(UKRAINIAN_TEXT, { published: '2025-11-06', language: 'uk', source: 'test/uk.txt', title: 'Зведення' })))];
});

const pg = testPostgres();
const backends: Array<[string, () => Promise<{ app: Hono; dispose: () => Promise<void> }>, string | false]> = [
  ['SQLite', async () => {
    const { store, dispose } = await temporaryStore(docs);
    return { app: createApp({ store }), dispose };
  }, false],
  ['PostgreSQL', async () => {
    if (pg.skip !== undefined) throw new Error(pg.skip);
    const { url, drop } = await createTestDatabase(pg.adminUrl);
    const store = await openStore(url);
    for (const doc of docs) await store.saveDocument(doc);
    return { app: createApp({ store }), dispose: async () => { await store.close(); await drop(); } };
  }, pg.skip ?? false],
];

for (const [name, open, skip] of backends) {
  describe(`as-of, aggregates and full-text search over HTTP (${name})`, { skip }, () => {
    let app: Hono;
    let dispose: () => Promise<void>;
    before(async () => ({ app, dispose } = await open()));
    after(async () => dispose?.());
    const json = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, body: await res.json() as any };
    };
    const pokrovsk = async (query: string) => (await json(`/api/places?limit=5000${query}`)).body.items.find((p: any) => p.id === 'geonames-704422');

    test('/api/places?asOf replays the control timeline: held by UA on 3 November, contested from the 5th, only mentioned before any claim', async () => {
      const then = await pokrovsk('&asOf=2025-11-03');
      assert.deepEqual([then.status, then.statusBy, then.statusSides, then.statusSince], ['held', 'UA', ['UA'], '2025-11-02']);
      const now = await pokrovsk('');
      assert.equal(now.status, 'contested');
      assert.deepEqual([...now.statusSides].sort(), ['RU', 'UA']);
      const before = await pokrovsk('&asOf=2025-10-01');
      assert.deepEqual([before.status, before.statusSides, before.statusSince], ['mentioned', [], null]);
      assert.equal((await json('/api/places?asOf=3-11-2025')).status, 400);
    });

    test('/api/places/{id}?asOf: the timeline, claims and contradictions up to the day', async () => {
      const { body } = await json('/api/places/geonames-704422?asOf=2025-11-03&limit=0');
      assert.equal(body.place.status, 'held');
      assert.ok(body.timeline.length > 0 && body.timeline.every((s: any) => s.from <= '2025-11-03'));
      assert.ok(body.claims.length > 0 && body.claims.every((c: any) => c.date <= '2025-11-03'), body.claims.map((c: any) => c.date).join());
      assert.equal(body.contradictions.filter((c: any) => c.date > '2025-11-03').length, 0);
      const all = (await json('/api/places/geonames-704422?limit=0')).body;
      assert.ok(all.claims.length > body.claims.length);
    });

    test('/api/aggregates: control dates, claims per day with the status bands, events and contradictions per week', async () => {
      const dates = (await json('/api/aggregates/control-dates')).body;
      assert.ok(dates.first <= dates.last && dates.dates.includes('2025-11-05'));

      const perDay = (await json('/api/aggregates/places/geonames-704422/claims-per-day')).body;
      const claims = (await json('/api/claims?place=geonames-704422&limit=500')).body.items.filter((c: any) => /^\d{4}-\d{2}-\d{2}$/.test(c.date ?? ''));
      const counted = perDay.days.reduce((n: number, d: any) => n + Object.values(d.by as Record<string, number>).reduce((a, b) => a + b, 0), 0);
      assert.equal(counted, claims.length);
      assert.deepEqual(perDay.statuses.map((s: any) => [s.from, s.to, s.state]), [['2025-11-02', '2025-11-05', 'held'], ['2025-11-05', null, 'contested']]);
      const early = (await json('/api/aggregates/places/geonames-704422/claims-per-day?asOf=2025-11-03')).body;
      assert.ok(early.days.every((d: any) => d.date <= '2025-11-03') && early.statuses.length === 1);
      assert.equal((await json('/api/aggregates/places/name-nowhere/claims-per-day')).status, 404);

      const events = (await json('/api/aggregates/events-per-week')).body;
      assert.ok(events.byType.length > 0);
      for (const [i, w] of events.byType.entries()) {
        assert.equal(weekOf(w.week), w.week);
        if (i > 0) assert.equal(Date.parse(w.week) - Date.parse(events.byType[i - 1].week), 7 * 86_400_000, 'consecutive weeks');
        assert.equal(w.total, events.bySide[i].total, 'the same events by type and by side');
      }
      assert.ok(!events.types.includes('said'));

      const contradictions = (await json('/api/aggregates/contradictions-per-week')).body;
      const listed = (await json('/api/contradictions?limit=500')).body.items.filter((c: any) => c.date);
      assert.equal(contradictions.weeks.reduce((n: number, w: any) => n + w.total, 0), listed.length);
    });

    test('/api/search: a person named only in the text, Cyrillic too; any input is safe', async () => {
      const syrskyi = (await json('/api/search?q=Syrskyi')).body;
      assert.equal(syrskyi.documents.length, 1);
      assert.doesNotMatch(syrskyi.documents[0].title, /Syrskyi/);
      const [start, end] = syrskyi.documents[0].highlights[0];
      assert.equal(syrskyi.documents[0].snippet.slice(start, end), 'Syrskyi');
      const cyrillic = (await json(`/api/search?q=${encodeURIComponent('Коваленко')}`)).body;
      assert.deepEqual(cyrillic.documents.map((d: any) => d.title), ['Зведення']);
      for (const q of ["Russia's", '"', 'Pokrovsk AND (', 'NOT *', 'a OR', "'; DROP TABLE documents; --"]) {
        const res = await json(`/api/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, `${q}: ${JSON.stringify(res.body)}`);
      }
      assert.ok((await json(`/api/search?q=${encodeURIComponent("Russia's")}`)).body.documents.length >= 1);
      assert.equal((await json('/api/search')).status, 400);
    });
  });
}

test('/api/claims filters by the source registry (entry, kind, reliability), over every page, as the claim cards show it', async () => {
  const { store, dispose } = await temporaryStore([await analysedExample()]);
  try {
    const app = createApp({ store });
    const get = async (p: string) => {
      const res = await app.request(p);
      assert.equal(res.status, 200, `${p}: ${await res.clone().text()}`);
      return res.json() as Promise<{ items: Array<{ doc: string; claim: { id: string }; registry: { id: string; kind: string; reliability: string } | null }>; next: number | null }>;
    };
    const all = (await get('/api/claims?limit=500')).items;
    const key = (c: { doc: string; claim: { id: string } }) => `${c.doc}|${c.claim.id}`;
    const expect = (keep: (c: (typeof all)[number]) => boolean) => all.filter(keep).map(key);
    const ruMod = expect((c) => c.registry?.id === 'ru-mod');
    assert.ok(ruMod.length > 0 && ruMod.length < all.length, 'some claims are the ministry\'s, not all');
    assert.deepEqual((await get('/api/claims?registry=ru-mod&limit=500')).items.map(key), ruMod);
    const unregistered = expect((c) => c.registry === null);
    assert.ok(unregistered.length > 0);
    assert.deepEqual((await get('/api/claims?sourceKind=unregistered&limit=500')).items.map(key), unregistered);
    const kinds = new Set(all.flatMap((c) => (c.registry ? [c.registry.kind] : [])));
    for (const kind of kinds) assert.deepEqual((await get(`/api/claims?sourceKind=${kind}&limit=500`)).items.map(key), expect((c) => c.registry?.kind === kind), kind);
    const graded = expect((c) => c.registry !== null && c.registry.reliability <= 'B');
    assert.deepEqual((await get('/api/claims?reliability=B&limit=500')).items.map(key), graded);
    // Paged: the pages of a filtered list are the filtered list, in order.
    const first = await get('/api/claims?registry=ru-mod&limit=1');
    assert.equal(first.next, ruMod.length > 1 ? 1 : null);
    if (ruMod.length > 1) assert.deepEqual((await get('/api/claims?registry=ru-mod&limit=1&offset=1')).items.map(key), [ruMod[1]]);
    // Filters combine with the SQL ones; a bad value is a 400 naming it.
    assert.ok((await get('/api/claims?registry=ru-mod&side=UA&limit=500')).items.length === 0);
    const bad = await app.request('/api/claims?reliability=Z');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /reliability/);
  } finally {
    await dispose();
  }
});
