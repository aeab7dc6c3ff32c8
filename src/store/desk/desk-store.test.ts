import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openStore } from '../open-store.js';
import { createTestDatabase, testPostgres } from '../../testing/postgres-test-server.js';
import type { Store } from '../store.js';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DeskStore } from './desk-store.js';
import { deskOf } from './open-desk.js';

/** One contract suite, run against the desk beside each store (SQLite file, PostgreSQL database). */
const postgres = testPostgres();
const BACKENDS: ReadonlyArray<{ name: string; skip?: string; open: () => Promise<{ store: Store; dispose: () => Promise<void> }>; raw: (location: string, sql: string) => Promise<void> }> = [
  {
    name: 'sqlite',
    raw: async (file, sql) => {
      const db = new Database(file);
      try { db.exec(sql); } finally { db.close(); }
    },
    open: async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-desk-'));
      const store = await openStore(path.join(dir, 'desk.db'));
      location = path.join(dir, 'desk.db');
      return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'postgres',
    ...(postgres.skip !== undefined ? { skip: postgres.skip } : {}),
    raw: async (url, sql) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try { await client.query(sql); } finally { await client.end(); }
    },
    open: async () => {
      if (postgres.skip !== undefined) throw new Error(postgres.skip);
      const database = await createTestDatabase(postgres.adminUrl);
      const store = await openStore(database.url);
      location = database.url;
      return { store, dispose: async () => { await store.close(); await database.drop(); } };
    },
  },
];

let location = '';
const alice = { name: 'alice', at: '2026-01-02T10:00:00.000Z' };
const bob = { name: 'bob', at: '2026-01-03T10:00:00.000Z' };

for (const backend of BACKENDS) {
  const withDesk = (body: (desk: DeskStore, store: Store) => Promise<void>) => async () => {
    const { store, dispose } = await backend.open();
    try {
      const desk = deskOf(store);
      assert.ok(desk, 'openStore opens the desk beside the store');
      await body(desk, store);
    } finally {
      await dispose();
    }
  };

  describe(`desk on ${backend.name}`, { skip: backend.skip ?? false }, () => {
    test('users: added once per name, found by token id, removed; each change audited without the token hash', withDesk(async (desk) => {
      assert.equal(await desk.addUser({ name: 'carol', role: 'analyst', tokenId: 'tid1', tokenHash: 'scrypt$secret-hash' }, alice), true);
      assert.equal(await desk.addUser({ name: 'carol', role: 'admin', tokenId: 'tid2', tokenHash: 'x' }, alice), false);
      assert.deepEqual((await desk.listUsers()).map((u) => [u.name, u.role, u.createdBy]), [['carol', 'analyst', 'alice']]);
      assert.equal((await desk.userByTokenId('tid1'))?.tokenHash, 'scrypt$secret-hash');
      assert.equal(await desk.userByTokenId('tid2'), null);
      assert.equal(await desk.removeUser('carol', bob), true);
      assert.equal(await desk.removeUser('carol', bob), false);
      assert.equal(await desk.userByTokenId('tid1'), null);
      const audit = await desk.listAudit();
      assert.deepEqual(audit.map((a) => [a.action, a.actor, a.target.key]), [['user.add', 'alice', 'carol'], ['user.remove', 'bob', 'carol']]);
      assert.doesNotMatch(JSON.stringify(audit), /secret-hash/);
    }));

    test('reviews: each written with its audit record (who, when, before, after, why); the trail is append-only', withDesk(async (desk) => {
      const target = { kind: 'claim', key: 'doc1|claim:1-2' };
      const first = await desk.addReview({ target, decision: 'correct', corrections: { side: 'UA' }, reason: 'the speaker is Ukrainian', before: { side: 'RU' } }, alice);
      const second = await desk.addReview({ target, decision: 'confirm', corrections: {}, reason: 'checked again', before: { side: 'UA' } }, bob);
      assert.ok(second.seq > first.seq);
      assert.deepEqual((await desk.listReviews()).map((r) => [r.decision, r.actor, r.reason]), [['correct', 'alice', 'the speaker is Ukrainian'], ['confirm', 'bob', 'checked again']]);
      assert.deepEqual((await desk.listReviews({ afterSeq: first.seq })).map((r) => r.seq), [second.seq]);
      const [record] = await desk.listAudit({ target });
      assert.deepEqual({ ...record, seq: 0 }, {
        seq: 0, at: alice.at, actor: 'alice', action: 'review.correct', target, before: { side: 'RU' },
        after: { decision: 'correct', corrections: { side: 'UA' } }, reason: 'the speaker is Ukrainian',
      });
      assert.equal(first.auditSeq, record!.seq);
      assert.deepEqual((await desk.listAudit({ since: bob.at })).map((a) => a.actor), ['bob']);
      // Nothing rewrites or removes the trail, not even SQL sent around the interface.
      for (const sql of ['UPDATE desk_audit SET reason = NULL', 'DELETE FROM desk_audit', 'UPDATE desk_reviews SET reason = \'\'', 'DELETE FROM desk_reviews']) {
        await assert.rejects(backend.raw(location, sql), /append-only/, sql);
      }
      assert.equal((await desk.listAudit()).length, 2);
    }));

    test('source edits replace earlier ones and are audited with before and after', withDesk(async (desk) => {
      await desk.putSource('tass', { id: 'tass', reliability: 'C' }, { id: 'tass', reliability: 'D' }, 'state agency, often accurate on facts', alice);
      await desk.putSource('tass', { id: 'tass', reliability: 'D' }, { id: 'tass', reliability: 'C' }, null, bob);
      assert.deepEqual([...(await desk.listSourceEdits())], [['tass', { id: 'tass', reliability: 'D' }]]);
      assert.deepEqual((await desk.listAudit()).map((a) => [a.action, a.actor, (a.before as { reliability: string }).reliability]), [['source.put', 'alice', 'D'], ['source.put', 'bob', 'C']]);
    }));

    test('watchlists and changes: a change is recorded once, when first seen; pending places are taken once', withDesk(async (desk) => {
      const list = await desk.createWatchlist({ id: 'w1', name: 'Donetsk front', places: ['geonames-704422'], actors: [], sources: ['tass'] }, alice);
      assert.equal(list.owner, 'alice');
      assert.deepEqual(await desk.getWatchlist('w1'), list);
      assert.deepEqual((await desk.listWatchlists()).map((w) => w.id), ['w1']);
      const c = { kind: 'claim' as const, key: 'doc1|claim:1-2', place: 'geonames:704422', data: { a: 1 }, claims: ['doc1|claim:1-2'] };
      assert.equal(await desk.recordChanges([c], '2026-01-02T00:00:00.000Z'), 1);
      assert.equal(await desk.recordChanges([c], '2026-01-05T00:00:00.000Z'), 0);
      assert.deepEqual((await desk.listChanges({ since: '2026-01-01' })).map((x) => [x.key, x.at]), [['doc1|claim:1-2', '2026-01-02T00:00:00.000Z']]);
      assert.deepEqual(await desk.listChanges({ since: '2026-01-03' }), []);
      await desk.markPlacesPending(['p1', 'p2', 'p1'], alice.at);
      assert.deepEqual((await desk.takePendingPlaces()).map((p) => p.place).sort(), ['p1', 'p2']);
      assert.deepEqual(await desk.takePendingPlaces(), []);
      assert.equal(await desk.deleteWatchlist('w1', bob), true);
      assert.equal(await desk.getWatchlist('w1'), null);
    }));

    test('reopening the same database keeps what the desk holds (migrations run once)', async () => {
      if (backend.name !== 'sqlite') return;
      const dir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-desk-'));
      try {
        const file = path.join(dir, 'desk.db');
        let store = await openStore(file);
        await deskOf(store)!.appendAudit({ action: 'note', target: { kind: 'document', key: 'd' }, before: null, after: null, reason: 'x' }, alice);
        await store.close();
        store = await openStore(file);
        assert.equal((await deskOf(store)!.listAudit()).length, 1);
        await store.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
