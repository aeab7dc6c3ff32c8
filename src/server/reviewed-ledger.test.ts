/**
 * Reviews change what the ledger computes from the claims they review (issue 18: "the
 * ledger uses reviewed decisions over automatic ones and keeps both"): a rejected claim no
 * longer makes a control status or a contradiction; a corrected one counts as corrected.
 * On both stores, over documents of our own read by the real pipeline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from './app.js';
import { sourceDocument } from '../ingest/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import { ledgerClaimsOf } from '../ledger/index.js';
import { openStore } from '../store/open-store.js';
import { createTestDatabase, testPostgres } from '../testing/postgres-test-server.js';
import type { Store } from '../store/store.js';

// Sentences written for these tests: one side claims a capture, the other denies it a day later.
const CLAIMED = { text: 'Russia’s Defence Ministry said on Tuesday that Russian forces had captured Toretsk.', published: '2025-11-05' };
const DENIED = { text: 'Ukraine’s General Staff denied on Wednesday that Russian forces had captured Toretsk.', published: '2025-11-06' };
const TORETSK = 'geonames-709354';

let claimed: LedgerDocument;
let denied: LedgerDocument;
before(async () => {
  const pipeline = createPipeline(await loadResources());
  const read = (t: { text: string; published: string }) => toLedgerDocument(pipeline.read(sourceDocument(t.text, { published: t.published, language: 'en', outlet: 'Desk Test' })));
  claimed = read(CLAIMED);
  denied = read(DENIED);
});

const postgres = testPostgres();
const BACKENDS = [
  { name: 'sqlite', open: async () => { const dir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-reviewed-')); const store = await openStore(path.join(dir, 'r.db')); return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } }; } },
  { name: 'postgres', skip: postgres.skip, open: async () => { if (postgres.skip !== undefined) throw new Error(postgres.skip); const d = await createTestDatabase(postgres.adminUrl); const store = await openStore(d.url); return { store, dispose: async () => { await store.close(); await d.drop(); } }; } },
];

for (const backend of BACKENDS) {
  describe(`reviewed claims change statuses and contradictions on ${backend.name} (issue 18)`, { skip: backend.skip ?? false }, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let clock = Date.parse('2026-03-02T08:00:00Z');
    before(async () => {
      ({ store, dispose } = await backend.open());
      await store.saveDocument(claimed);
      await store.saveDocument(denied);
    });
    after(async () => dispose());

    test('reject the capture claim: the status and the contradiction it made are undone, the automatic reading kept; a confirmation restores them; corrections count as corrected', async () => {
      const app = createApp({ store, now: () => new Date((clock += 1000)) });
      const get = async (p: string) => { const res = await app.request(p); assert.equal(res.status, 200, `${p}: ${res.status}`); return res.json() as Promise<any>; };
      const review = async (body: unknown) => {
        const res = await app.request('/api/reviews', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        assert.equal(res.status, 201, await res.clone().text());
      };
      const place = async () => ((await get('/api/places?limit=50')).items as any[]).find((p) => p.id === TORETSK);
      const capture = ledgerClaimsOf(claimed).find((c) => c.claim.predicate === 'captured' && c.claim.polarity === 'positive');
      const denial = ledgerClaimsOf(denied).find((c) => c.claim.predicate === 'captured' && c.claim.polarity === 'negative');
      assert.ok(capture && denial, 'the pipeline reads the capture and its denial');

      // As read: claimed captured by RU, denied; one contradiction between the two.
      const automatic = await place();
      assert.deepEqual([automatic.status, automatic.statusBy, automatic.denied], ['claimed-captured', 'RU', true]);
      assert.equal(automatic.automaticStatus, undefined);
      const [contradiction] = (await get(`/api/contradictions?place=${TORETSK}`)).items as any[];
      assert.ok(contradiction, 'the capture and its denial contradict');
      assert.equal(contradiction.stands, true);

      // Reject the capture claim: nothing says the town was taken any more.
      await review({ target: { kind: 'claim', doc: claimed.id, claim: capture.claim.id }, decision: 'reject', reason: 'Written for this test: the ministry said no such thing' });
      const rejected = await place();
      assert.equal(rejected.status, 'mentioned');
      assert.deepEqual(rejected.automaticStatus, { status: 'claimed-captured', statusBy: 'RU' });
      const timeline = await get(`/api/timeline/${TORETSK}`);
      assert.notEqual(timeline.statuses.at(-1).state, 'claimed-captured');
      assert.equal(timeline.automaticStatuses.at(-1).state, 'claimed-captured', 'the automatic timeline is kept beside it');
      assert.notEqual((await get(`/api/places/${TORETSK}?limit=0`)).place.status, 'claimed-captured');
      // The place's chart band follows the reviewed timeline too.
      assert.notEqual(((await get(`/api/aggregates/places/${TORETSK}/claims-per-day`)).statuses as any[]).at(-1)?.state, 'claimed-captured');
      const undone = ((await get(`/api/contradictions?place=${TORETSK}`)).items as any[]).find((x) => x.contradiction.id === contradiction.contradiction.id);
      assert.equal(undone.stands, false, 'listed still, but undone by the review');
      // As of the day of the denial, the replayed timeline leaves the rejected claim out too.
      assert.equal(((await get('/api/places?limit=50&asOf=2025-11-06')).items as any[]).find((p: any) => p.id === TORETSK).status, 'mentioned');

      // A confirmation replaces the rejection: the automatic reading stands again.
      await review({ target: { kind: 'claim', doc: claimed.id, claim: capture.claim.id }, decision: 'confirm', reason: 'Written for this test: checked again, it did' });
      const confirmed = await place();
      assert.deepEqual([confirmed.status, confirmed.denied, confirmed.automaticStatus], ['claimed-captured', true, undefined]);
      assert.equal(((await get(`/api/contradictions?place=${TORETSK}`)).items as any[])[0].stands, true);

      // Correct the denial's stance to an assertion (the General Staff conceded it): the loser's own
      // word confirms the capture, and the two no longer contradict.
      await review({ target: { kind: 'claim', doc: denied.id, claim: denial.claim.id }, decision: 'correct', corrections: { stance: 'acknowledge' }, reason: 'Written for this test: a concession, misread as a denial' });
      const conceded = await place();
      assert.deepEqual([conceded.status, conceded.statusBy], ['confirmed-captured', 'RU']);
      assert.deepEqual(conceded.automaticStatus, { status: 'claimed-captured', statusBy: 'RU' });
      assert.equal(((await get(`/api/contradictions?place=${TORETSK}`)).items as any[])[0].stands, false);

      // Correct the denial's place elsewhere: Toretsk keeps the claim of capture, undenied.
      await review({ target: { kind: 'claim', doc: denied.id, claim: denial.claim.id }, decision: 'correct', corrections: { place: 'geonames-704422' }, reason: 'Written for this test: the denial was about another town' });
      const moved = await place();
      assert.deepEqual([moved.status, moved.statusBy, moved.denied], ['claimed-captured', 'RU', false]);
      assert.equal(((await get(`/api/contradictions?place=${TORETSK}`)).items as any[])[0].stands, false);

      // The stored ledger is untouched: the automatic reading is what a reader without the desk sees.
      const stored = await store.ledger.timeline('geonames:709354');
      assert.deepEqual([stored!.statuses.at(-1)!.state, stored!.statuses.at(-1)!.denied], ['claimed-captured', true]);
    });
  });
}
