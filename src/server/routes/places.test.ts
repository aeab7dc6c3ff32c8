import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.js';
import { annotatedExample, temporaryStore } from '../testing/fixture.js';
import type { Store } from '../../store/store.js';
import { placeMentions } from './places.js';

let store: Store;
let dispose: () => Promise<void>;

before(async () => {
  ({ store, dispose } = await temporaryStore([await annotatedExample()]));
});
after(async () => dispose());

/** The same store without the header and sentence lookups: the old whole-document path. */
const withoutLookups = (s: Store): Store => Object.assign(Object.create(s) as Store, { getDocumentSummaries: undefined, sentenceAt: undefined });

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
  test('header and sentence lookups answer exactly what whole documents did, on every place of the example', async () => {
    assert.ok(store.getDocumentSummaries && store.sentenceAt, 'the SQLite store has the lookups');
    const fast = createApp({ store });
    const slow = createApp({ store: withoutLookups(store) });
    const places = (await (await fast.request('/api/places?limit=5000')).json() as any).items as { id: string }[];
    assert.ok(places.length >= 3);
    let sentences = 0;
    for (const { id } of places) {
      for (const path of [`/api/places/${encodeURIComponent(id)}?limit=200`, `/api/places/${encodeURIComponent(id)}/mentions?limit=200`, `/api/places/${encodeURIComponent(id)}/mentions?limit=2&offset=1`]) {
        const [a, b] = await Promise.all([fast.request(path), slow.request(path)]);
        assert.equal(a.status, 200, path);
        assert.equal(await a.text(), await b.text(), path);
      }
      // The path for stores without maintained place totals (no browse).
      const [a, b] = [await placeMentions(store, id), await placeMentions(withoutLookups(store), id)];
      assert.deepEqual(a, b, id);
      sentences += a.filter((m) => m.sentence !== null).length;
      assert.ok(a.every((m) => m.title === 'Russia calls on Ukrainian troops in Pokrovsk to surrender' && m.published === '2025-11-06'));
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
