import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApp } from './app.js';
import { annotatedExample, temporaryStore } from './testing/fixture.js';
import type { Store } from '../store/store.js';
import { deskOf } from '../store/desk/open-desk.js';
import { createWatcher, refuseWebhook } from './watching.js';
import { main } from '../cli/main.js';

let store: Store;
let db: string;
let dispose: () => Promise<void>;
let before0: string;

before(async () => {
  ({ store, db, dispose } = await temporaryStore());
  before0 = new Date(Date.now() - 1000).toISOString();
});
after(async () => dispose());

const json = async (app: ReturnType<typeof createApp>, path: string, init?: RequestInit) => {
  const res = await app.request(path, init);
  return { status: res.status, body: await res.json() as any };
};

describe('watching (issue 18)', () => {
  test('an ingest logs its new claims, and the contradictions and statuses they cause, each with its claims; watchlists filter them', async () => {
    const app = createApp({ store });
    const empty = await json(app, `/api/changes?since=${encodeURIComponent(before0)}`);
    assert.deepEqual(empty.body.items, []);
    const list = await json(app, '/api/watchlists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Pokrovsk', places: ['geonames-704422'] }) });
    assert.equal(list.status, 201);
    const elsewhere = await json(app, '/api/watchlists', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Far away', places: ['geonames-1'], actors: ['nobody'] }) });

    await store.saveDocument(await annotatedExample());
    const changes = await json(app, `/api/changes?since=${encodeURIComponent(before0)}&limit=500`);
    const kinds = new Set(changes.body.items.map((c: any) => c.kind));
    assert.deepEqual([...kinds].sort(), ['claim', 'contradiction', 'status']);
    const contradiction = changes.body.items.find((c: any) => c.kind === 'contradiction');
    assert.equal(contradiction.claims.length, 2, 'a contradiction comes with its two claims');
    assert.notEqual(contradiction.claims[0].side, contradiction.claims[1].side);
    const status = changes.body.items.find((c: any) => c.kind === 'status' && c.placeId === 'geonames-704422');
    assert.ok(status.claims.length > 0, 'a status comes with the claims it rests on');

    const watched = await json(app, `/api/changes?since=${encodeURIComponent(before0)}&watchlist=${list.body.id}&limit=500`);
    assert.ok(watched.body.items.some((c: any) => c.kind === 'contradiction'));
    assert.ok(watched.body.items.every((c: any) => c.placeId === 'geonames-704422'));
    assert.deepEqual((await json(app, `/api/changes?since=${encodeURIComponent(before0)}&watchlist=${elsewhere.body.id}`)).body.items, []);
    // A re-read of the same document is not new; a later since sees nothing.
    await store.saveDocument(await annotatedExample());
    assert.equal((await json(app, `/api/changes?since=${encodeURIComponent(before0)}&limit=500`)).body.items.length, changes.body.items.length);
    assert.deepEqual((await json(app, `/api/changes?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.items, []);
    assert.equal((await json(app, '/api/changes?since=yesterday')).status, 400);
    assert.equal((await json(app, `/api/changes?since=2020-01-01&watchlist=w-nope`)).status, 404);

    // Atom: the same changes, escaped.
    const atom = await app.request(`/api/changes.atom?since=${encodeURIComponent(before0)}&watchlist=${list.body.id}`);
    assert.equal(atom.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const xml = await atom.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.equal((xml.match(/<entry>/g) ?? []).length, watched.body.items.length);
    assert.doesNotMatch(xml.replace(/^<\?xml[^>]*\?>/, '').replace(/<\/?[a-z]+[^>]*>/g, ''), /[<>]/, 'no unescaped markup in text');

    // The CLI answers the same.
    let out = '';
    assert.equal(await main(['changes', '--since', before0, '--json', '--limit', '500', '--db', db], { out: (t) => { out += t; }, err: () => undefined, isTty: false }), 0);
    assert.equal(JSON.parse(out).changes.length, changes.body.items.length);

    assert.equal((await json(app, `/api/watchlists/${elsewhere.body.id}`, { method: 'DELETE' })).status, 200);
    assert.deepEqual((await json(app, '/api/watchlists')).body.items.map((w: any) => w.name), ['Pokrovsk']);
  });

  test('webhooks: the fetch address rules (no private or loopback targets unless allowed); new changes are POSTed once', async () => {
    const resolve = async (host: string) => (host === 'inside.example' ? ['10.1.2.3'] : ['93.184.215.14']);
    assert.match((await refuseWebhook('http://127.0.0.1:9/x', { resolve }))!, /private, loopback or link-local/);
    assert.match((await refuseWebhook('http://inside.example/x', { resolve }))!, /10\.1\.2\.3/);
    assert.match((await refuseWebhook('http://[::1]/x', { resolve }))!, /private/);
    assert.match((await refuseWebhook('file:///etc/passwd', { resolve }))!, /only http and https/);
    assert.match((await refuseWebhook('http://user:pw@outside.example/', { resolve }))!, /credentials/);
    assert.equal(await refuseWebhook('https://outside.example/hook', { resolve }), null);
    assert.equal(await refuseWebhook('http://127.0.0.1:9/x', { resolve, allowPrivate: true }), null);

    const received: any[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => { received.push(JSON.parse(body)); res.end('ok'); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const desk = deskOf(store)!;
      const refusedLog: string[] = [];
      const refused = createWatcher({ store, desk, now: () => new Date(), webhooks: { urls: [url], log: (l) => refusedLog.push(l) } });
      const allowed = createWatcher({ store, desk, now: () => new Date(), webhooks: { urls: [url], allowPrivate: true } });
      await refused.poll();
      await allowed.poll(); // the first poll starts after what is logged
      const doc = await annotatedExample();
      await store.saveDocument({ ...doc, id: 'f'.repeat(64), text: doc.text });
      await refused.poll();
      await allowed.poll();
      await allowed.poll();
      assert.equal(received.length, 1, 'one batch, delivered once');
      assert.ok(received[0].changes.length > 0);
      assert.ok(received[0].changes.every((c: any) => c.claims.every((x: any) => x.ref.startsWith('f'.repeat(64)) || c.kind !== 'claim')));
      assert.match(refusedLog.join('\n'), /webhook refused/);
    } finally {
      server.close();
    }
  });
});
