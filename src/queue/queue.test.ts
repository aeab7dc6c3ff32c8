import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIngest } from '../ingest/ingest-run.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { ITEM_LISTS, type Store } from '../store/store.js';
import { storeAnswers } from '../testing/store-answers.js';
import { DOCUMENT_QUEUE, startBoss } from './document-queue.js';
import { enqueueInputs } from './enqueue.js';
import { queueStatus } from './queue-status.js';
import { writeQueueCorpus } from '../testing/queue-corpus.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.ts');
const postgres = testPostgres();
const DOCUMENTS = 200;

function startWorkerProcess(url: string): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--db', url, '--until-empty', '--maintenance-seconds', '1', '--grace', '20'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Everything the Store returns about every document, keyed by id: what two runs must agree on. */
async function snapshot(store: Store): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const summary of await store.listDocuments({ limit: 10_000 })) {
    const items: Record<string, unknown> = {};
    for (const kind of ITEM_LISTS) {
      items[kind] = await store.listItems(kind, { docId: summary.id, limit: 100_000 });
    }
    out.set(summary.id, { summary, doc: await store.getDocument(summary.id), items });
  }
  return out;
}

test('queue fault test: 2 workers, one SIGKILLed and restarted, one stopped by SIGTERM: every document stored once, none lost, documents and ledger the same as a SQLite run; a poison job ends failed', { skip: postgres.skip ?? false, timeout: 240_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-queue-'));
  const db = await createTestDatabase('adminUrl' in postgres ? postgres.adminUrl : '');
  const running: ChildProcess[] = [];
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeQueueCorpus(corpus, DOCUMENTS);

    // Enqueue (short job timeout, so the killed worker's job comes back within seconds), plus one poison job.
    const store = await openPostgresStore(db.url, { poolSize: 2 });
    const boss = await startBoss(db.url, { supervise: false });
    const enqueued = await enqueueInputs([corpus], { store, boss, timeoutSeconds: 8, retries: 2 });
    assert.equal(enqueued.enqueued, DOCUMENTS);
    assert.ok(enqueued.nearDuplicates > 0, 'the corpus has near copies');
    await boss.send(DOCUMENT_QUEUE, { doc: { id: 'poison', text: 42 } }, { retryLimit: 2, expireInSeconds: 8 });
    await boss.stop({ graceful: false, close: true });

    const a = startWorkerProcess(db.url);
    const b = startWorkerProcess(db.url);
    running.push(a.child, b.child);
    await waitFor('30 documents stored', async () => (await store.countDocuments()) >= 30, 120);
    a.child.kill('SIGKILL');
    assert.equal(await a.exited, null);
    const restarted = startWorkerProcess(db.url);
    running.push(restarted.child);
    await waitFor('100 documents stored', async () => (await store.countDocuments()) >= 100, 120);
    b.child.kill('SIGTERM');
    assert.equal(await b.exited, 0, `a worker stopped by SIGTERM exits cleanly after its job:\n${b.output()}`);
    assert.match(b.output(), /finishing the jobs in hand/);
    assert.equal(await restarted.exited, 0, restarted.output());

    const status = await queueStatus(db.url);
    assert.equal(status?.waiting, 0);
    assert.equal(status?.active, 0, 'no job left running');
    assert.equal(status?.completed, DOCUMENTS, 'every document job completed once');
    assert.equal(status?.failed, 1);
    assert.match(status!.failures[0]!.error, /malformed job/);
    assert.equal(status!.failures[0]!.attempts, 3, 'the poison job was tried 1 + 2 retries times, then left in the failed list');
    assert.equal(await store.countDocuments(), DOCUMENTS);

    // The same input through a clean local ingest into SQLite: the Store must return the same.
    const sqlite = openSqliteStore(path.join(dir, 'clean.db'));
    try {
      const counts = await runIngest([corpus], { store: sqlite, jobs: 0 });
      assert.equal(counts.ingested, DOCUMENTS);
      const [fromQueue, clean] = [await snapshot(store), await snapshot(sqlite)];
      assert.equal(fromQueue.size, clean.size);
      for (const [id, expected] of clean) assert.deepEqual(fromQueue.get(id), expected, `document ${id}`);
      // The ledger kept incrementally by workers saving in any order, one killed mid-run, is the clean run's ledger.
      const [ledgerFromQueue, cleanLedger] = [await storeAnswers(store), await storeAnswers(sqlite)];
      assert.ok((cleanLedger.claims as unknown[]).length > 100, 'the corpus has a ledger worth comparing');
      // A place's mentions come in storage order (document seq), which is the workers' order, not the input's: compare them as sets.
      const bySet = (m: unknown): unknown => Object.fromEntries(Object.entries(m as Record<string, { place: unknown; mentions: Array<{ docId: string; item: { id: string } }> }>)
        .map(([id, v]) => [id, { place: v.place, mentions: [...v.mentions].sort((x, y) => `${x.docId} ${x.item.id}`.localeCompare(`${y.docId} ${y.item.id}`)) }]));
      ledgerFromQueue.mentions = bySet(ledgerFromQueue.mentions);
      cleanLedger.mentions = bySet(cleanLedger.mentions);
      // An entity key's display name is the spelling of the first document saved with it (both backends: ON CONFLICT DO
      // NOTHING), so it follows the workers' order ('Analysts' / 'analysts'): compare entities by key, names ignoring case.
      const entities = (x: unknown): unknown => (x as { entities: Array<{ key: string; name: string }> }).entities
        .map((e) => ({ ...e, name: e.name.toLowerCase() })).sort((x, y) => x.key.localeCompare(y.key));
      ledgerFromQueue.entities = entities(ledgerFromQueue.entities);
      cleanLedger.entities = entities(cleanLedger.entities);
      for (const key of Object.keys(cleanLedger)) assert.deepEqual(ledgerFromQueue[key], cleanLedger[key], `ledger: ${key}`);
    } finally {
      await sqlite.close();
      await store.close();
    }
  } finally {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
