import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.js';
import { analysedExample, annotatedExample, temporaryStore } from '../testing/fixture.js';
import type { Store } from '../../store/store.js';
import { PLACE_CLAIMS_PAGE, PLACE_CONTRADICTIONS_PAGE, type PlaceMentionRef } from './places.js';

let store: Store;
let dispose: () => Promise<void>;

before(async () => {
  ({ store, dispose } = await temporaryStore([await annotatedExample()]));
});
after(async () => dispose());

/** The same store counting its calls, to show which path a request took. */
function counting(s: Store): { store: Store; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const wrap = <K extends 'getDocument' | 'listItems' | 'getDocumentSummaries' | 'sentenceAt'>(name: K) => {
    const fn = s[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    return fn ? { [name]: (...args: unknown[]) => { calls[name] = (calls[name] ?? 0) + 1; return fn.apply(s, args); } } : {};
  };
  return { store: Object.assign(Object.create(s) as Store, wrap('getDocument'), wrap('listItems'), wrap('getDocumentSummaries'), wrap('sentenceAt')), calls };
}

describe('place mentions', () => {
  test('header and sentence lookups answer exactly what the whole documents hold, on every place of the example', async () => {
    const app = createApp({ store });
    const places = (await (await app.request('/api/places?limit=5000')).json() as any).items as { id: string; mentions: number }[];
    assert.ok(places.length >= 3);
    let sentences = 0;
    for (const { id, mentions } of places) {
      const page = (await (await app.request(`/api/places/${encodeURIComponent(id)}/mentions?limit=200`)).json() as any).items as PlaceMentionRef[];
      assert.equal(page.length, mentions, id);
      const second = (await (await app.request(`/api/places/${encodeURIComponent(id)}/mentions?limit=2&offset=1`)).json() as any).items;
      assert.deepEqual(second, page.slice(1, 3), id);
      for (const m of page) {
        // The oracle: the document loaded whole, its sentence holding the mention found by scanning.
        const doc = (await store.getDocument(m.docId))!;
        assert.deepEqual({ title: m.title, published: m.published, outlet: m.outlet }, { title: doc.title, published: doc.published, outlet: doc.outlet });
        const holding = doc.sentences.find((s) => s.span[0] <= m.item.span[0] && m.item.span[1] <= s.span[1]);
        assert.deepEqual(m.sentence, holding ? { id: holding.id, text: holding.text, span: holding.span } : null, `${id} ${m.item.id}`);
        if (m.sentence) sentences++;
      }
      assert.ok(page.every((m) => m.title === 'Russia calls on Ukrainian troops in Pokrovsk to surrender' && m.published === '2025-11-06'));
    }
    assert.ok(sentences >= 8, 'mentions found their sentences');
  });

  test('with the lookups, no document is loaded whole and no sentence list is read', async () => {
    const { store: spied, calls } = counting(store);
    const res = await createApp({ store: spied }).request('/api/places/geonames-704422/mentions?limit=200');
    assert.equal(res.status, 200);
    assert.equal((await res.json() as any).items.length, 6);
    assert.equal(calls.getDocument, undefined);
    assert.equal(calls.listItems, undefined);
    assert.equal(calls.getDocumentSummaries, 1);
    assert.equal(calls.sentenceAt, 6);
  });
});

describe('the place panel at scale: a page of claims, older ones through /api/claims', () => {
  // Three stored copies of the example: 75 claims about Pokrovsk, more than the panel's first page of 50.
  let copies: { store: Store; dispose: () => Promise<void> };
  before(async () => {
    const doc = await analysedExample();
    copies = await temporaryStore([doc, { ...doc, id: 'copy-2', title: `${doc.title} (2)` }, { ...doc, id: 'copy-3', title: `${doc.title} (3)` }]);
  });
  after(async () => copies.dispose());
  const get = async (s: Store, path: string) => {
    const res = await createApp({ store: s }).request(path);
    assert.equal(res.status, 200, path);
    return await res.json() as any;
  };
  const key = (c: any) => `${c.doc}|${c.claim.id}`;

  test('the first load returns the newest page of claims and says older ones exist; /api/claims continues exactly where it stops', async () => {
    const every = (await get(copies.store, '/api/claims?place=geonames-704422&limit=500')).items.map(key);
    assert.ok(every.length > PLACE_CLAIMS_PAGE, `${every.length} claims, more than a page`);
    const panel = await get(copies.store, '/api/places/geonames-704422');
    assert.equal(panel.claims.length, PLACE_CLAIMS_PAGE);
    assert.equal(panel.claimsMore, true);
    assert.equal(panel.claimsTruncated, undefined, 'replaced by claimsMore');
    assert.deepEqual(panel.claims.map(key), every.slice(0, PLACE_CLAIMS_PAGE), 'the newest, in the ledger order');
    const older = await get(copies.store, `/api/claims?place=geonames-704422&offset=${panel.claims.length}&limit=${PLACE_CLAIMS_PAGE}`);
    assert.deepEqual([...panel.claims, ...older.items].map(key), every, 'the two pages are every claim, once each');
    assert.equal(older.next, null);
    // Groups and their corroboration are over the claims returned, never over claims the reader cannot see.
    const returned = new Set(panel.claims.map(key));
    assert.ok(panel.groups.length > 0);
    assert.ok(panel.groups.every((g: any) => g.claims.every((c: any) => returned.has(`${c.doc}|${c.claim}`))));
    assert.equal(panel.groups.reduce((n: number, g: any) => n + g.claims.length, 0), PLACE_CLAIMS_PAGE);
  });

  test('the newest contradictions come with the place, with their total; /api/contradictions has them all', async () => {
    for (const s of [store, copies.store]) {
      const panel = await get(s, '/api/places/geonames-704422?limit=0');
      const all = await get(s, '/api/contradictions?place=geonames-704422&limit=500');
      assert.ok(all.total > 0);
      assert.equal(panel.contradictionsTotal, all.total);
      assert.deepEqual(panel.contradictions, all.items.slice(0, PLACE_CONTRADICTIONS_PAGE));
    }
  });

  test('a place with fewer claims than a page says there are no more', async () => {
    const panel = await get(store, '/api/places/geonames-704422');
    assert.ok(panel.claims.length > 0 && panel.claims.length < PLACE_CLAIMS_PAGE);
    assert.equal(panel.claimsMore, false);
  });

  test('limit=0: the mentions\' total alone, and the same place, claims and contradictions as with a page of mentions', async () => {
    const bare = await get(copies.store, '/api/places/geonames-704422?limit=0');
    assert.deepEqual(bare.mentions, { items: [], limit: 0, offset: 0, total: bare.place.mentions, next: 0 });
    assert.ok(bare.place.mentions > 0);
    const full = await get(copies.store, '/api/places/geonames-704422?limit=5');
    assert.equal(full.mentions.items.length, 5);
    assert.deepEqual({ ...bare, mentions: null }, { ...full, mentions: null });
    const res = await createApp({ store: copies.store }).request('/api/places/geonames-704422/mentions?limit=0');
    assert.equal(res.status, 400, 'the mentions list itself still pages from 1');
  });
});

describe('the map\'s cached timelines', () => {
  test('are read once while nothing is written, and again once another process writes (no 5 s wait, no rereading every few seconds)', async () => {
    const made = await temporaryStore();
    try {
      let reads = 0;
      const ledger = new Proxy(made.store.ledger, { get: (t, p, r) => (p === 'listPlaces' ? () => { reads++; return t.listPlaces(); } : Reflect.get(t, p, r)) });
      const { deskOf } = await import('../../store/desk/open-desk.js');
      const app = createApp({ store: new Proxy(made.store, { get: (t, p, r) => (p === 'ledger' ? ledger : Reflect.get(t, p, r)) }), desk: deskOf(made.store)! });
      const statuses = async () => ((await (await app.request('/api/places?limit=5000')).json()) as { items: Array<{ status: string }> }).items.filter((p) => p.status !== 'mentioned').length;
      assert.equal(await statuses(), 0);
      await app.request('/api/aggregates/control-dates');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal(await statuses(), 0);
      assert.equal(reads, 1, 'the map, its slider and a later read share one read of the timelines');
      // Another process (the CLI's ingest) stores the example in the same file.
      const { openStore } = await import('../../store/open-store.js');
      const other = await openStore(made.db);
      await other.saveDocument(await annotatedExample());
      await other.close();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.ok(await statuses() > 0, 'the statuses the other process stored are shown');
      assert.equal(reads, 2);
    } finally {
      await made.dispose();
    }
  });
});
