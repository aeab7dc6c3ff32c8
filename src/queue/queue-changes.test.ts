/**
 * Queue workers write the change log (issue 18, watching): what a worker stores shows up in
 * GET /api/changes, the contradictions and statuses included, swept by the worker itself.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createApp } from '../server/app.js';
import { deskOf } from '../store/desk/open-desk.js';
import { openStore } from '../store/open-store.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';
import { startBoss } from './document-queue.js';
import { startWorker } from './document-worker.js';
import { enqueueInputs } from './enqueue.js';
import { writeQueueCorpus } from '../testing/queue-corpus.js';

const postgres = testPostgres();
const DOCUMENTS = 12;

test('a queue ingest shows up in /api/changes: every stored document\'s claims, and the contradictions and statuses, logged by the worker', { skip: postgres.skip ?? false, timeout: 180_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'counterclaim-queue-changes-'));
  const db = await createTestDatabase('adminUrl' in postgres ? postgres.adminUrl : '');
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeQueueCorpus(corpus, DOCUMENTS - 2);
    // Two reports written for this test, sure to make a status and a contradiction: a claimed capture and its denial.
    const own = path.join(dir, 'own.jsonl');
    writeFileSync(own, [
      { id: 'own-1', title: 'Claim', outlet: 'Desk Test', published: '2025-12-01', text: 'Russia’s Defence Ministry said on Monday that Russian troops had captured Siversk.' },
      { id: 'own-2', title: 'Denial', outlet: 'Desk Test', published: '2025-12-02', text: 'Ukraine’s General Staff on Tuesday denied that Russian troops had captured Siversk.' },
    ].map((d) => JSON.stringify(d)).join('\n') + '\n');
    const plain = await openPostgresStore(db.url, { poolSize: 2 });
    const boss = await startBoss(db.url, { supervise: false });
    try {
      assert.equal((await enqueueInputs([corpus, own], { store: plain, boss })).enqueued, DOCUMENTS);
    } finally {
      await boss.stop({ graceful: false, close: true });
      await plain.close();
    }
    const since = new Date(Date.now() - 1000).toISOString();
    const worker = await startWorker({ url: db.url, untilEmpty: true, maintenanceSeconds: 1 });
    const counts = await worker.done;
    assert.equal(counts.stored, DOCUMENTS);

    const store = await openStore(db.url);
    try {
      // The worker swept what it wrote: a reader has nothing left to work out.
      assert.equal(await deskOf(store)!.countPendingPlaces(), 0);
      const app = createApp({ store });
      const res = await app.request(`/api/changes?since=${encodeURIComponent(since)}&limit=500`);
      assert.equal(res.status, 200);
      const { items } = await res.json() as { items: Array<{ kind: string; key: string; claims: unknown[] }> };
      const docs = new Set((await store.listDocuments({ limit: 100 })).map((d) => d.id));
      const claimChanges = items.filter((c) => c.kind === 'claim');
      const withClaims = new Set(claimChanges.map((c) => c.key.slice(0, c.key.indexOf('|'))));
      const claimsInLedger = (await store.ledger.listClaims({ limit: 10_000 })).length;
      assert.equal(claimChanges.length, claimsInLedger, 'every claim the workers stored is a change');
      assert.ok([...withClaims].every((id) => docs.has(id)));
      const statuses = items.filter((c) => c.kind === 'status');
      assert.ok(statuses.length > 0 && statuses.every((c) => c.claims.length > 0), 'statuses, each with the claims behind it');
      assert.ok(items.some((c) => c.kind === 'contradiction' && c.claims.length === 2), 'a contradiction, with its two claims');
      const contradictions = await store.ledger.listContradictions({ limit: 10_000 });
      assert.deepEqual(items.filter((c) => c.kind === 'contradiction').map((c) => c.key).sort(), contradictions.map((x) => x.id).sort(), 'each contradiction the ledger has');
    } finally {
      await store.close();
    }
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
