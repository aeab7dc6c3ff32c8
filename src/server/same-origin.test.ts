import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { temporaryStore } from './testing/fixture.js';
import type { Store } from '../store/store.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { emptyAnalysis } from '../model/index.js';
import { namesThisServer } from './same-origin.js';

/**
 * Requests from other origins cannot write (issue 19): a cross-origin
 * text/plain POST needs no preflight and was stored; DNS rebinding reached
 * the API because the Host header was not checked.
 */
let app: Hono;
let store: Store;
let dispose: () => Promise<void>;
before(async () => {
  ({ store, dispose } = await temporaryStore([]));
  // The reader is the empty analysis: these tests are about who may write, not what is read.
  app = createApp({ store, allowIngest: true, boundHost: '127.0.0.1', read: async (source) => toLedgerDocument(emptyAnalysis(source)) });
});
after(async () => dispose());

const BASE = 'http://127.0.0.1:8080';
const body = (n: number) => JSON.stringify({ text: `Our own test sentence number ${n} about a bridge near Kharkiv.` });
const post = (headers: Record<string, string>, data: string = body(Math.random())) =>
  app.request(`${BASE}/api/documents`, { method: 'POST', headers: { host: '127.0.0.1:8080', 'content-type': 'application/json', ...headers }, body: data });

test('writes: cross-site, cross-origin and null origins are refused; same-origin and non-browser clients pass', async () => {
  const cases: ReadonlyArray<readonly [Record<string, string>, number, string]> = [
    [{ 'sec-fetch-site': 'cross-site' }, 403, 'a page on another site'],
    [{ 'sec-fetch-site': 'same-site' }, 403, 'a page on a sibling subdomain'],
    [{ origin: 'https://evil.example' }, 403, 'another origin, no Sec-Fetch-Site (older browser)'],
    [{ origin: 'http://127.0.0.1:9999' }, 403, 'another port is another origin'],
    [{ origin: 'null' }, 403, 'a sandboxed frame or file: page'],
    [{ 'sec-fetch-site': 'same-origin', origin: BASE }, 201, 'the server\'s own page'],
    [{ 'sec-fetch-site': 'none' }, 201, 'typed by the user'],
    [{}, 201, 'curl or a script: no browser headers'],
  ];
  let n = 0;
  for (const [headers, status, what] of cases) {
    const res = await post(headers, body(n++));
    assert.equal(res.status, status, `${what}: ${await res.text()}`);
  }
  assert.equal(await store.countDocuments(), 3, 'only the allowed writes were stored');
});

test('writes: only application/json, so that no simple (unpreflighted) cross-origin request can write', async () => {
  for (const type of ['text/plain', 'text/plain;charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
    const res = await post({ 'content-type': type }, 'text=Our+sentence');
    assert.equal(res.status, 415, `${type || '(none)'}`);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unsupported-media-type');
  }
  const check = await app.request(`${BASE}/api/check`, { method: 'POST', headers: { host: '127.0.0.1:8080', 'content-type': 'text/plain' }, body: '{"claim":"x"}' });
  assert.equal(check.status, 415, 'POST /api/check too');
});

test('every request: a Host header naming another server (DNS rebinding) is refused, reads too', async () => {
  for (const host of ['evil.example:8080', 'evil.example', '127.0.0.1.evil.example:8080', '']) {
    const res = await app.request(`${BASE}/api/documents`, { headers: { host } });
    assert.equal(res.status, 421, host || '(none)');
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'misdirected');
    assert.equal((await post({ host })).status, 421);
  }
  for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', '10.1.2.3:8080', 'LOCALHOST']) {
    assert.equal((await app.request(`${BASE}/api/documents`, { headers: { host } })).status, 200, host);
  }
});

test('namesThisServer: IP literals, localhost and the bound name', () => {
  assert.equal(namesThisServer('news-desk.internal:8080', 'news-desk.internal'), true);
  assert.equal(namesThisServer('news-desk.internal.evil.example', 'news-desk.internal'), false);
  assert.equal(namesThisServer('[::ffff:127.0.0.1]:80', '0.0.0.0'), true);
  assert.equal(namesThisServer('a b', '127.0.0.1'), false);
  assert.equal(namesThisServer('localhost:99999999', '127.0.0.1'), false);
});

test('ingest body: invalid UTF-8, NUL and lone surrogates are refused as the CLI refuses them (issue 19)', async () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('{"text": "Our sentence '), 0xff, 0xfe, ...new TextEncoder().encode('"}')]);
  const cases: ReadonlyArray<readonly [BodyInit, RegExp]> = [
    [bytes, /UTF-8/],
    ['{"text": "Our sentence \\u0000 with a NUL."}', /NUL/],
    ['{"text": "Our sentence \\ud800 with half a pair."}', /surrogate/],
  ];
  for (const [data, message] of cases) {
    const res = await app.request(`${BASE}/api/documents`, { method: 'POST', headers: { host: '127.0.0.1:8080', 'content-type': 'application/json' }, body: data });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, message);
  }
});
