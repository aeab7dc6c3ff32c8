import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type RunningServer } from './server.js';
import { temporaryStore } from './testing/fixture.js';
import type { Store } from '../store/store.js';

/**
 * POST /api/documents is analysed off the request thread (issue 19: a 2 MiB
 * document held the server's only thread for minutes, /healthz timed out 31
 * times in a row): /healthz answers while a document is analysed, a document
 * past its work budget is refused with a clear error and the next one is
 * analysed on a fresh thread, and a full queue answers 503 with Retry-After.
 */
let store: Store;
let dispose: () => Promise<void>;
let server: RunningServer;
let strict: RunningServer;
const SENTENCE = 'Officials said on Monday that Russian forces had attacked positions near Kupiansk, and Ukrainian troops repelled 12 assaults. ';

before(async () => {
  ({ store, dispose } = await temporaryStore([]));
  server = await startServer({ store, port: 0, allowIngest: true, webDir: null, analysis: { budgetMs: 120_000, maxWaiting: 1 } });
  strict = await startServer({ store, port: 0, allowIngest: true, webDir: null, analysis: { budgetMs: 1000 } });
});
after(async () => {
  await server.close();
  await strict.close();
  await dispose();
});

const ingest = (text: string, to: RunningServer = server) => fetch(new URL('/api/documents', to.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });

test('analysis off the request thread: /healthz answers while a document is analysed; a full queue is 503', async () => {
  // The thread starts (and loads its lexicons) on the first document.
  assert.equal((await ingest(SENTENCE)).status, 201);
  let done = false;
  const big = ingest(SENTENCE.repeat(1500)).then((res) => { done = true; return res; });
  const second = ingest(`${SENTENCE} Second.`.repeat(10));
  const third = await ingest(`${SENTENCE} Third.`.repeat(10)); // one analysed, one waiting: the queue is full
  assert.equal(third.status, 503);
  assert.equal(((await third.json()) as { error: { code: string } }).error.code, 'busy');
  assert.ok(Number(third.headers.get('retry-after')) > 0, 'Retry-After says when to try again');
  let answered = 0;
  let slowest = 0;
  while (!done) {
    const t = performance.now();
    const res = await fetch(new URL('/healthz', server.url));
    slowest = Math.max(slowest, performance.now() - t);
    assert.equal(res.status, 200);
    answered++;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(answered >= 2, `/healthz answered ${answered} times while the document was analysed (slowest ${slowest.toFixed(0)} ms)`);
  assert.equal((await big).status, 201);
  assert.equal((await second).status, 201);
});

test('a document past its work budget is refused with a clear error; the next one is analysed', async () => {
  assert.equal((await ingest(`${SENTENCE} Before.`, strict)).status, 201); // starts the thread
  const res = await ingest(SENTENCE.repeat(8000), strict); // ≈1 MB: far more than 1 s of analysis
  assert.equal(res.status, 422);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'over-budget');
  assert.match(body.error.message, /budget of 1 s/);
  const next = await ingest(`${SENTENCE} After the stop.`, strict);
  assert.equal(next.status, 201);
  assert.equal(await store.countDocuments(), 5, "3 from the test before, 2 here: the refused document is not stored");
});
