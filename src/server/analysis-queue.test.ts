import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startServer, type RunningServer } from './server.js';
import { createAnalysisQueue } from './analysis-queue.js';
import { sourceDocument } from '../ingest/source-document.js';
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
/** Budgets running on `strict`'s analysis thread (one per document in analysis), and whether the next one is spent at once. */
const budgets = new Set<() => void>();
let spendNextBudget = false;
const budgetTimer = (_ms: number, expire: () => void): (() => void) => {
  budgets.add(expire);
  if (spendNextBudget) {
    spendNextBudget = false;
    setImmediate(expire); // before the thread can have analysed a large document
  }
  return () => budgets.delete(expire);
};

let db: string;
const SENTENCE = 'Officials said on Monday that Russian forces had attacked positions near Kupiansk, and Ukrainian troops repelled 12 assaults. ';

before(async () => {
  ({ store, db, dispose } = await temporaryStore([]));
  // This one knows its database: its analysis thread stores documents too. `strict` reads on its thread and stores here.
  server = await startServer({ store, db, port: 0, allowIngest: true, webDir: null, analysis: { budgetMs: 120_000, maxWaiting: 1 } });
  // `strict`'s work budget runs out when a test says so (spendNextBudget), not when the machine's load decides: a
  // wall-clock budget made the test fail under load (a short document on a fresh thread took more than 3 s).
  strict = await startServer({ store, port: 0, allowIngest: true, webDir: null, analysis: { budgetMs: 3000, budgetTimer } });
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
  assert.equal(budgets.size, 0, 'an analysed document leaves no budget running');
  spendNextBudget = true;
  const res = await ingest(SENTENCE.repeat(8000), strict); // ≈1 MB: its analysis takes seconds, its budget runs out first
  assert.equal(res.status, 422);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'over-budget');
  assert.match(body.error.message, /budget of 3 s/);
  const next = await ingest(`${SENTENCE} After the stop.`, strict);
  assert.equal(next.status, 201);
  assert.equal(budgets.size, 0, 'no budget left running: the stopped one ended with its thread');
  assert.equal(await store.countDocuments(), 5, "3 from the test before, 2 here: the refused document is not stored");
});

test('a large document is stored by the analysis thread: the request thread gets its id and outcome only', async () => {
  // Our own sentences, varied so that the document has many items to store (≈ 400 KB, some 20,000 items).
  const places = ['Kupiansk', 'Pokrovsk', 'Lyman', 'Siversk', 'Vovchansk', 'Kurakhove'];
  const text = Array.from({ length: 2400 }, (_, i) => `${SENTENCE.replace('Kupiansk', places[i % places.length]!).replace('12', String(i + 2))}`).join('');
  const res = await ingest(text);
  assert.equal(res.status, 201);
  const { id } = (await res.json()) as { id: string };
  // Stored through the thread's own connection, read here through the server's.
  const doc = await store.getDocument(id);
  assert.ok(doc && doc.claims.length > 1000, `stored with its claims (${doc?.claims.length})`);
  assert.ok((await store.ledger!.listClaims({ limit: 5 })).length > 0, 'and in the ledger');
  // What crosses back to the request thread: no items to copy or store there (before, the copy of the items and
  // their save took some 40 % of the analysis time on the request thread, in one piece). Behaviour, not a
  // stopwatch: /healthz's latency while the largest document is analysed is a bench figure (npm run bench -- --only scaling).
  const queue = createAnalysisQueue({ db });
  try {
    const saved = await queue.analyzeAndSave(sourceDocument(`${text} One more sentence makes it another document.`, { source: 'api' }));
    assert.deepEqual(Object.keys(saved).sort(), ['id', 'outcome']);
    assert.equal(saved.outcome, 'inserted');
    assert.ok((await store.getDocument(saved.id))?.claims.length, 'stored by the thread');
  } finally {
    await queue.close();
  }
});

/** The nice value of each thread of this process (Linux: /proc/self/task/TID/stat, field 19). */
function threadNiceValues(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

test('the analysis thread runs below the priority of the thread that answers requests', { skip: existsSync('/proc/self/task') ? false : 'no /proc (thread priorities are read there)' }, async () => {
  assert.equal((await ingest(`${SENTENCE} A thread is running.`)).status, 201);
  const nice = threadNiceValues();
  const main = nice.get(process.pid)!; // the request thread keeps the priority it had (the process's)
  if (main >= 10) return; // run at below-normal priority already: nothing lower to give the analysis thread
  assert.ok([...nice.values()].some((n) => n > main), `one thread runs below the request thread (nice ${main}): ${JSON.stringify([...nice])}`);
});
