import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { annotatedExample, temporaryStore } from './testing/fixture.js';
import type { Store } from '../store/store.js';
import type { LedgerDocument } from '../report/ledger-json.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { MAX_INGEST_BYTES } from './routes/documents.js';
import { healthRoutes } from './health.js';

let app: Hono;
let store: Store;
let doc: LedgerDocument;
let dispose: () => Promise<void>;

before(async () => {
  doc = await annotatedExample();
  ({ store, dispose } = await temporaryStore([doc]));
  app = createApp({ store, allowIngest: true });
});
after(async () => dispose());

async function json(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  return { res, body: await res.json() as any };
}

describe('GET endpoints', () => {
  test('/healthz answers without the database; /readyz pings it and counts documents', async () => {
    const health = await json('/healthz');
    assert.equal(health.res.status, 200);
    assert.deepEqual(health.body, { ok: true });
    const ready = await json('/readyz');
    assert.equal(ready.res.status, 200);
    assert.equal(typeof ready.body.schema, 'number');
    assert.equal(ready.body.schema, await store.ping());
    assert.deepEqual(ready.body, { ok: true, store: 'sqlite', schema: ready.body.schema, documents: 1 });
  });

  test('/readyz is 503 with a reason when the ping fails or hangs past 1 s; /healthz stays 200', async () => {
    const failing: Store = Object.assign(Object.create(store) as Store, { ping: () => Promise.reject(new Error('database is locked')) });
    const hanging: Store = Object.assign(Object.create(store) as Store, { ping: () => new Promise<number>(() => {}) });
    for (const [broken, reason] of [[failing, /locked/], [hanging, /did not answer within 50 ms/]] as const) {
      const down = healthRoutes(broken, 50);
      const res = await down.request('/readyz');
      assert.equal(res.status, 503);
      const body = await res.json() as any;
      assert.equal(body.ok, false);
      assert.match(body.reason, reason);
      assert.equal((await down.request('/healthz')).status, 200);
    }
    // The default deadline is 1 s: a ping that hangs is answered 503 after it, not never.
    const started = Date.now();
    const res = await healthRoutes(hanging).request('/readyz');
    assert.equal(res.status, 503);
    assert.ok(Date.now() - started >= 950 && Date.now() - started < 3000);
  });

  test('/readyz stays 200 when the ping answers but the count is slow or fails: documents is null', async () => {
    for (const countDocuments of [() => new Promise<number>(() => {}), () => Promise.reject(new Error('statement timeout'))]) {
      const slow: Store = Object.assign(Object.create(store) as Store, { countDocuments });
      const res = await healthRoutes(slow, 50).request('/readyz');
      assert.equal(res.status, 200);
      const body = await res.json() as any;
      assert.equal(body.ok, true);
      assert.equal(body.documents, null);
      assert.equal(typeof body.schema, 'number');
    }
  });

  test('documents list is paged and filterable', async () => {
    const { body } = await json('/api/documents?limit=10');
    assert.equal(body.total, 1);
    assert.equal(body.items[0].id, doc.id);
    assert.equal(body.next, null);
    assert.equal((await json('/api/documents?language=en&from=2025-11-01&to=2025-11-30')).body.total, 1);
    assert.equal((await json('/api/documents?q=SURRENDER')).body.total, 1);
    assert.equal((await json('/api/documents?to=2025-01-01')).body.total, 0);
    assert.equal((await json('/api/documents?offset=1')).body.items.length, 0);
  });

  test('one document has all its items', async () => {
    const { res, body } = await json(`/api/documents/${doc.id}`);
    assert.equal(res.status, 200);
    assert.deepEqual(body, JSON.parse(JSON.stringify(doc)));
  });

  test('items across documents by kind, with a next page', async () => {
    const { body } = await json('/api/items/places?limit=2');
    assert.equal(body.items.length, 2);
    assert.equal(body.next, 2);
    assert.equal(body.items[0].docId, doc.id);
    assert.equal(body.items[0].item.name, 'Pokrovsk');
    const times = await json(`/api/items/times?doc=${doc.id}&limit=500`);
    assert.equal(times.body.items.length, doc.times.length);
  });

  test('places are aggregated by gazetteer id', async () => {
    const { body } = await json('/api/places');
    assert.equal(body.items[0].id, 'geonames-704422');
    assert.equal(body.items[0].mentions, 6);
    assert.equal(body.items[0].status, 'contested');
    assert.deepEqual(body.items.map((p: any) => p.name), ['Pokrovsk', 'Avdiyivka', 'Kyiv']);
    assert.equal((await json('/api/places?q=avdiivka')).body.total, 1);
    const one = await json('/api/places/geonames-704422?limit=2');
    assert.equal(one.body.place.name, 'Pokrovsk');
    assert.equal(one.body.mentions.total, 6);
    const first = one.body.mentions.items[0];
    assert.equal(first.docId, doc.id);
    assert.ok(first.sentence.text.includes(first.item.text));
    assert.equal(doc.text.slice(first.sentence.span[0], first.sentence.span[1]), first.sentence.text);
  });

  test('ETags: a repeated GET with If-None-Match is 304', async () => {
    const first = await app.request('/api/places');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const again = await app.request('/api/places', { headers: { 'If-None-Match': tag } });
    assert.equal(again.status, 304);
  });

  test('every response carries the CSP and nosniff', async () => {
    for (const path of ['/healthz', '/api/documents', '/api/nope']) {
      const res = await app.request(path);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });
});

describe('errors: one shape, clear 4xx', () => {
  const cases: Array<[string, number, string, RegExp?]> = [
    ['/api/documents?bogus=1', 400, 'bad-request', /unknown parameter 'bogus'/],
    ['/api/documents?limit=0', 400, 'bad-request', /limit/],
    ['/api/documents?limit=abc', 400, 'bad-request', /limit/],
    ['/api/documents?limit=1&limit=2', 400, 'bad-request', /more than once/],
    ['/api/documents?from=yesterday', 400, 'bad-request', /from/],
    ['/api/documents/abc', 400, 'bad-request', /document id/],
    [`/api/documents/${'0'.repeat(64)}`, 404, 'not-found'],
    ['/api/items/claims', 400, 'bad-request', /kind/],
    ['/api/items/places?doc=x', 400, 'bad-request', /doc/],
    ['/api/places/geonames-1', 404, 'not-found'],
    ['/api/places/name-%2e%2e%2f%2e%2e%2fetc%2fpasswd', 400, 'bad-request', /place id/],
    ['/api/places?country=ukraine', 400, 'bad-request', /country/],
    ['/api/nope', 404, 'not-found'],
    ['/healthz?x=1', 400, 'bad-request'],
    ['/readyz?x=1', 400, 'bad-request'],
    ['/api/check', 400, 'bad-request', /q/],
    ['/api/check?q=%20%20', 400, 'bad-request', /empty/],
    [`/api/check?q=${'a'.repeat(2001)}`, 400, 'bad-request', /longer than 2000/],
    ['/api/export/xml', 400, 'bad-request', /format/],
    ['/api/export/csv?since=last-week', 400, 'bad-request', /since/],
    ['/api/export/csv?limit=0', 400, 'bad-request', /limit/],
    ['/api/openapi.json?x=1', 400, 'bad-request'],
  ];
  for (const [path, status, code, message] of cases) {
    test(`${path} -> ${status} ${code}`, async () => {
      const { res, body } = await json(path);
      assert.equal(res.status, status);
      assert.equal(body.error.code, code);
      assert.equal(typeof body.error.message, 'string');
      if (message) assert.match(body.error.message, message);
      assert.deepEqual(Object.keys(body), ['error']);
    });
  }
  test('DELETE is 405', async () => {
    const { res, body } = await json(`/api/documents/${doc.id}`, { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.equal(body.error.code, 'method-not-allowed');
  });
});

describe('ingest', () => {
  const post = (body: BodyInit, type: string, a: Hono = app, query = '') =>
    a.request(`/api/documents${query}`, { method: 'POST', body, headers: { 'Content-Type': type } });

  test('403 unless --allow-ingest', async () => {
    const closed = createApp({ store });
    const res = await post(JSON.stringify({ text: 'x' }), 'application/json', closed);
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as any).error.code, 'forbidden');
  });

  test('JSON body: stored, then unchanged', async () => {
    const body = JSON.stringify({ text: 'Kyiv said on Monday that 12 drones were shot down.', title: 'Drones', outlet: 'Test', published: '2025-11-10' });
    const first = await post(body, 'application/json');
    assert.equal(first.status, 201);
    const { id, outcome } = (await first.json()) as any;
    assert.equal(outcome, 'inserted');
    const again = await post(body, 'application/json');
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as any).outcome, 'unchanged');
    const stored = await json(`/api/documents/${id}`);
    assert.equal(stored.body.title, 'Drones');
    assert.ok(stored.body.times.length >= 1);
    assert.equal((await json('/api/documents?outlet=Test')).body.total, 1);
  });

  test('text/plain is refused: only JSON, which another origin cannot send without a preflight (issue 19)', async () => {
    const res = await post('Moscow claimed gains near Kupiansk.', 'text/plain', app, '?title=Plain&published=2025-11-11');
    assert.equal(res.status, 415);
  });

  test('bad bodies are 4xx with the one error shape', async () => {
    const expect = async (res: Response, status: number, code: string) => {
      assert.equal(res.status, status);
      assert.equal(((await res.json()) as any).error.code, code);
    };
    await expect(await post('{', 'application/json'), 400, 'bad-request');
    await expect(await post(JSON.stringify({ text: '' }), 'application/json'), 400, 'bad-request');
    await expect(await post(JSON.stringify({ text: 'a', extra: 1 }), 'application/json'), 400, 'bad-request');
    await expect(await post(JSON.stringify({ text: 'a', published: 'soon' }), 'application/json'), 400, 'bad-request');
    await expect(await post('a', 'application/xml'), 415, 'unsupported-media-type');
    await expect(await post('a', 'text/plain', app, '?nope=1'), 415, 'unsupported-media-type');
    await expect(await post(JSON.stringify({ text: 'x'.repeat(MAX_INGEST_BYTES + 1) }), 'application/json'), 413, 'payload-too-large');
  });
});
