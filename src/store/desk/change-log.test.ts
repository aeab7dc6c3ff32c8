/**
 * The writer keeps the change log current (issue 18, watching): the contradictions and statuses
 * a save causes are logged by the writer's own sweep, so nothing is left for the first reader of
 * /api/changes to work out, in a batch as one by one.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { annotatedExample, temporaryStore } from '../../server/testing/fixture.js';
import { changesSettled, deskOf } from './open-desk.js';
import type { LedgerDocument } from '../../report/ledger-json.js';
import type { Store } from '../store.js';

let doc: LedgerDocument;
before(async () => {
  doc = await annotatedExample();
});

for (const mode of ['one save', 'a batch'] as const) {
  test(`${mode}: the writer's sweep logs the contradictions and statuses it caused, with their claims, before anyone reads`, async () => {
    const made = await temporaryStore();
    const store: Store = made.store;
    try {
      const desk = deskOf(store)!;
      if (mode === 'a batch') {
        await store.beginBatch();
        await store.saveDocument(doc);
        // Inside the batch nothing is announced: the save may still be rolled back.
        assert.equal(await desk.latestChangeSeq(), 0);
        await store.commitBatch();
        // The next batch begins after the sweep (SQLite: the batch would hold the lock the sweep writes under).
        await store.beginBatch();
        assert.equal(await desk.countPendingPlaces(), 0);
        await store.commitBatch();
      } else {
        await store.saveDocument(doc);
        await changesSettled(store);
      }
      assert.equal(await desk.countPendingPlaces(), 0, 'no place left for a reader to sweep');
      // Read from the desk's table directly: no reader's sweep involved.
      const logged = await desk.listChanges({ since: '1970-01-01', limit: 1000 });
      const kinds = new Set(logged.map((c) => c.kind));
      assert.deepEqual([...kinds].sort(), ['claim', 'contradiction', 'status']);
      const contradiction = logged.find((c) => c.kind === 'contradiction')!;
      assert.equal((contradiction.data as { claims: unknown[] }).claims.length, 2, 'described with its two claims');
      // Saved again unchanged: nothing new, nothing pending.
      const before = await desk.latestChangeSeq();
      await store.saveDocument(doc);
      await changesSettled(store);
      assert.equal(await desk.latestChangeSeq(), before);
      assert.equal(await desk.countPendingPlaces(), 0);
    } finally {
      await made.dispose();
    }
  });
}

test('closing the store waits for its sweep: what was written is logged when close returns', async () => {
  const made = await temporaryStore();
  const { openStore } = await import('../open-store.js');
  await made.store.saveDocument(doc);
  await made.store.close();
  const again = await openStore(made.db);
  try {
    const desk = deskOf(again)!;
    assert.equal(await desk.countPendingPlaces(), 0);
    assert.ok((await desk.listChanges({ since: '1970-01-01', limit: 1000 })).some((c) => c.kind === 'status'));
  } finally {
    await again.close();
    rmSync(path.dirname(made.db), { recursive: true, force: true });
  }
});

test('the writer pauses its sweeps after one (about a twentieth of its time at most): what a save in the pause leaves pending is swept when the store is settled or closed', async () => {
  const made = await temporaryStore();
  await made.store.close();
  const [{ withDesk }, { openSqliteStore }] = await Promise.all([import('./open-desk.js'), import('../sqlite/sqlite-store.js')]);
  // The clock is an input: a second passes at every reading, so the first sweep takes a second of it.
  let ticks = 0;
  const store = await withDesk(openSqliteStore(made.db), made.db, false, () => new Date(Date.UTC(2026, 0, 1) + 1000 * ++ticks));
  try {
    const desk = deskOf(store)!;
    await store.saveDocument(doc);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The first sweep ran at once (nothing before it to pause after).
    await store.beginBatch();
    await store.commitBatch();
    assert.equal(await desk.countPendingPlaces(), 0);
    // A second document within the pause: its places wait.
    await store.saveDocument({ ...doc, id: 'f'.repeat(64), title: 'A second copy' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(await desk.countPendingPlaces() > 0, 'swept later, not after this save');
    await changesSettled(store);
    assert.equal(await desk.countPendingPlaces(), 0, 'settling sweeps what the pause left');
  } finally {
    await store.close();
    rmSync(path.dirname(made.db), { recursive: true, force: true });
  }
});
