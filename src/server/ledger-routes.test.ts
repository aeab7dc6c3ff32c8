import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { placeIdOf } from '../store/browse-reader.js';
import { analysedExample, temporaryStore } from './testing/fixture.js';
import type { Store } from '../store/store.js';
import type { LedgerDocument } from '../report/ledger-json.js';

let app: Hono;
let store: Store;
let doc: LedgerDocument;
let dispose: () => Promise<void>;

before(async () => {
  doc = await analysedExample();
  ({ store, dispose } = await temporaryStore([doc]));
  app = createApp({ store });
});
after(async () => dispose());

async function json(path: string) {
  const res = await app.request(path);
  return { res, body: await res.json() as any };
}

describe('the ledger over HTTP (bundled example through the real pipeline)', () => {
  test('/api/places carries the control status: Pokrovsk contested', async () => {
    const { body } = await json('/api/places?q=pokrovsk');
    const pokrovsk = body.items.find((p: any) => p.id === 'geonames-704422');
    assert.equal(pokrovsk.status, 'contested');
    assert.equal(pokrovsk.statusSince, '2025-11-05');
  });

  test('the place totals kept in the store agree with aggregating every mention', async () => {
    const { body } = await json('/api/places?limit=5000');
    // The oracle: every place mention aggregated here, by the same id.
    const byId = new Map<string, { id: string; name: string; mentions: number; documents: Set<string>; forms: Set<string> }>();
    for (const { docId, item } of await store.listItems('places', { limit: 100_000 })) {
      const id = placeIdOf(item);
      const entry = byId.get(id) ?? { id, name: item.name ?? item.text, mentions: 0, documents: new Set<string>(), forms: new Set<string>() };
      entry.mentions++;
      entry.documents.add(docId);
      entry.forms.add(item.text);
      byId.set(id, entry);
    }
    const fromItems = [...byId.values()].map((p) => ({ ...p, documents: p.documents.size, forms: [...p.forms] }));
    const strip = (p: any) => ({ id: p.id, name: p.name, mentions: p.mentions, documents: p.documents, forms: [...p.forms].sort() });
    assert.deepEqual(body.items.map(strip).sort((a: any, b: any) => a.id.localeCompare(b.id)), fromItems.map(strip).sort((a, b) => a.id.localeCompare(b.id)));
  });

  test('/api/places/{id}: timeline, RU and UA claims, corroboration and the encirclement contradiction', async () => {
    const { res, body } = await json('/api/places/geonames-704422?limit=2');
    assert.equal(res.status, 200);
    assert.deepEqual(body.timeline.map((s: any) => s.state).at(-1), 'contested');
    const sides = new Set(body.claims.map((c: any) => c.claim.side));
    assert.ok(sides.has('RU') && sides.has('UA'), [...sides].join());
    assert.ok(body.groups.some((g: any) => g.proposition === 'encircled(force:UA,geonames:704422)' && g.corroboration.RU.supporting >= 1));
    const encircled = body.contradictions.find((c: any) => c.contradiction.proposition === 'encircled(force:UA,geonames:704422)');
    assert.ok(encircled, 'the encirclement contradiction');
    assert.equal(encircled.a.claim.side, 'RU');
    assert.equal(encircled.b.claim.side, 'UA');
    assert.equal(body.mentions.items.length, 2);
    assert.equal(body.mentions.next, 2);
  });

  test('/api/claims filters by place, side, stance, time and entity, and pages', async () => {
    const ua = (await json('/api/claims?place=geonames-704422&side=UA&limit=500')).body;
    assert.ok(ua.items.length > 0 && ua.items.every((c: any) => c.claim.side === 'UA' && c.placeId === 'geonames-704422'));
    const denials = (await json('/api/claims?stance=deny')).body;
    assert.ok(denials.items.length > 0 && denials.items.every((c: any) => c.claim.stance === 'deny'));
    assert.equal((await json('/api/claims?until=1999-01-01')).body.items.length, 0);
    const first = (await json('/api/claims?limit=1')).body;
    assert.equal(first.next, 1);
    // Pages are consecutive slices of one order, with and without filters; the last page has no next.
    for (const filter of ['', '&side=UA', '&side=RU']) {
      const all = (await json(`/api/claims?limit=500${filter}`)).body.items.map((c: any) => `${c.doc}|${c.claim.id}`);
      assert.ok(all.length >= 2, filter);
      const second = (await json(`/api/claims?limit=2&offset=1${filter}`)).body;
      assert.deepEqual(second.items.map((c: any) => `${c.doc}|${c.claim.id}`), all.slice(1, 3), filter);
      assert.equal(second.next, all.length > 3 ? 3 : null, filter);
      const last = (await json(`/api/claims?limit=2&offset=${all.length - 1}${filter}`)).body;
      assert.equal(last.items.length, 1);
      assert.equal(last.next, null);
    }
    const entity = first.items[0].source.key;
    assert.ok((await json(`/api/claims?entity=${encodeURIComponent(entity)}`)).body.items.every((c: any) => c.source.key === entity));
    assert.equal((await json('/api/claims?stance=shouted')).res.status, 400);
    assert.equal((await json('/api/claims?since=yesterday')).res.status, 400);
  });

  test('/api/contradictions: newest first, with both claims; place filter', async () => {
    const { body } = await json('/api/contradictions');
    assert.ok(body.total >= 1);
    const dates = body.items.map((c: any) => c.date ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.match(body.items[0].contradiction.explanation, /encircled\(UA forces, Pokrovsk\)/);
    assert.equal((await json('/api/contradictions?place=geonames-1')).body.total, 0);
  });

  test('/api/contradictions: since and until bound the date, inclusive, with the place filter too; a bad date is a 400', async () => {
    const { body } = await json('/api/contradictions?limit=500');
    const date: string = body.items[0].date;
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    const dayAfter = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const count = async (query: string): Promise<number> => (await json(`/api/contradictions?limit=500&${query}`)).body.total;
    assert.equal(await count(`since=${date}&until=${date}`), body.items.filter((c: any) => c.date === date).length);
    assert.ok(await count(`since=${date}`) >= 1);
    assert.equal(await count(`since=${dayAfter}`), body.items.filter((c: any) => c.date !== null && c.date > date).length);
    assert.equal(await count(`until=${date}`), body.items.filter((c: any) => c.date !== null && c.date <= date).length);
    assert.equal(await count(`place=geonames-704422&since=${dayAfter}&until=${dayAfter}`), 0);
    assert.equal(await count(`place=geonames-704422&since=${date}`), (await json(`/api/contradictions?limit=500&place=geonames-704422`)).body.items.filter((c: any) => c.date !== null && c.date >= date).length);
    assert.equal((await json('/api/contradictions?since=last-week')).res.status, 400);
  });

  test('/api/timeline/{place} by id or name; 404 for a place without control claims', async () => {
    const byName = (await json('/api/timeline/Pokrovsk')).body;
    assert.equal(byName.placeId, 'geonames-704422');
    assert.equal(byName.statuses.at(-1).state, 'contested');
    assert.deepEqual((await json('/api/timeline/geonames-704422')).body, byName);
    assert.equal((await json('/api/timeline/Atlantis')).res.status, 404);
  });

  test('/api/entities lists merged sources with filters', async () => {
    const { body } = await json('/api/entities?side=ru&limit=500');
    assert.ok(body.items.length > 0 && body.items.every((e: any) => e.side === 'RU'));
    assert.ok(body.items.some((e: any) => e.key === 'actor:ru-mod'));
  });

  test('saving the document again with changed places keeps the totals right', async () => {
    const before = (await json('/api/places?q=pokrovsk')).body.items[0];
    const fewer = { ...doc, places: doc.places.filter((p) => p.id !== doc.places.find((q) => q.geonameId === 704422)!.id) };
    await store.saveDocument(fewer);
    const mid = (await json('/api/places?q=pokrovsk')).body.items[0];
    assert.equal(mid.mentions, before.mentions - 1);
    await store.saveDocument(doc);
    assert.deepEqual((await json('/api/places?q=pokrovsk')).body.items[0].mentions, before.mentions);
  });
});
