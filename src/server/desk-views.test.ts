/**
 * The desk's overlay keeps at most a bounded number of stored claims in memory (the reviewed
 * claims and those a contradiction's standing reads), and answers the same when it has to
 * read them again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createDeskViews } from './desk-views.js';
import { listContradictionViews, placeIdOfLedgerKey } from './ledger-view.js';
import { sourceDocument } from '../ingest/index.js';
import { ledgerClaimsOf } from '../ledger/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument, type LedgerDocument } from '../report/ledger-json.js';
import { deskOf } from '../store/desk/open-desk.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

// Reports written for this test: a claimed capture, its denial, and a second claimed capture elsewhere.
const TEXTS = [
  { text: 'Russia’s Defence Ministry said on Monday that Russian forces had captured Chasiv Yar.', published: '2025-10-06' },
  { text: 'Ukraine’s General Staff denied on Tuesday that Russian forces had captured Chasiv Yar.', published: '2025-10-07' },
  { text: 'Russia’s Defence Ministry said on Wednesday that Russian forces had captured Siversk.', published: '2025-10-08' },
];

let dir: string;
let store: Store;
let docs: LedgerDocument[];
before(async () => {
  const pipeline = createPipeline(await loadResources());
  docs = TEXTS.map((t) => toLedgerDocument(pipeline.read(sourceDocument(t.text, { published: t.published, language: 'en', outlet: 'Desk Test' }))));
  dir = mkdtempSync(path.join(os.tmpdir(), 'counterclaim-desk-views-'));
  store = await openStore(path.join(dir, 'v.db'));
  for (const d of docs) await store.saveDocument(d);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the reviewed-claim cache stays within its bound and the overlay answers as an unbounded one does', async () => {
  const desk = deskOf(store)!;
  const captures = docs.map((d) => ledgerClaimsOf(d).find((c) => c.claim.predicate === 'captured'));
  assert.ok(captures.every((c) => c !== undefined), 'the pipeline reads a capture or its denial in each report');
  let at = Date.parse('2026-02-01T09:00:00Z');
  const by = () => ({ name: 'tester', at: new Date((at += 1000)).toISOString() });
  // Reject the first capture, correct the denial to an acknowledgement, reject the second capture: three reviewed claims.
  const decisions = [
    { decision: 'reject' as const, corrections: {} },
    { decision: 'correct' as const, corrections: { stance: 'acknowledge' } },
    { decision: 'reject' as const, corrections: {} },
  ];
  for (const [i, c] of captures.entries()) {
    await desk.addReview({ target: { kind: 'claim', key: `${c!.doc}|${c!.claim.id}` }, ...decisions[i]!, reason: 'Written for this test', before: null }, by());
  }

  const answers = async (bound: number | undefined) => {
    const views = createDeskViews({ store, desk, generation: () => 0, ...(bound !== undefined ? { reviewedClaimsCached: bound } : {}) });
    await views.refresh();
    const timelines = [];
    for (const { place } of await store.ledger.listPlaces()) {
      const t = (await store.ledger.timeline(place))!;
      timelines.push(views.timeline(placeIdOfLedgerKey(t.place), t.statuses));
    }
    const { items } = await listContradictionViews(store, { limit: 50, offset: 0 });
    const contradictions = (await views.contradictions(items)).map((x) => [x.contradiction.id, x.stands]);
    const standing = await Promise.all((await store.ledger.listContradictions()).map(async (x) => (await views.standing(x)).stands));
    return { views, result: { timelines, contradictions, standing } };
  };
  const unbounded = await answers(undefined);
  const bounded = await answers(1);
  assert.ok(unbounded.views.cachedClaims() >= 3, `the unbounded overlay keeps every claim it read (${unbounded.views.cachedClaims()})`);
  assert.equal(bounded.views.cachedClaims(), 1, 'the bounded one keeps one');
  assert.equal(unbounded.result.timelines.length, 2, 'two places with a control timeline');
  assert.deepEqual(bounded.result, unbounded.result);

  // The reviews have their effect in both: the contradiction is undone, the place no longer claimed captured by the rejected claim alone.
  assert.ok(unbounded.result.contradictions.length > 0 && unbounded.result.contradictions.every(([, stands]) => stands === false));
  const chasivYar = captures[0]!.claim.args.find((a) => a.role === 'place')!.key;
  const stored = (await store.ledger.timeline(chasivYar))!;
  const reviewed = createDeskViews({ store, desk, generation: () => 0, reviewedClaimsCached: 1 });
  await reviewed.refresh();
  const shown = reviewed.timeline(placeIdOfLedgerKey(chasivYar), stored.statuses);
  assert.notDeepEqual(shown.statuses, stored.statuses);
  assert.deepEqual(shown.automatic, stored.statuses);
});

/** The store with its ledger's timeline reads counted: each reviewed place warmed costs one. */
function countingTimelines(inner: Store): { store: Store; count: () => number } {
  let calls = 0;
  const ledger = new Proxy(inner.ledger, {
    get: (target, prop, receiver) => (prop === 'timeline'
      ? (place: string) => { calls++; return target.timeline(place); }
      : Reflect.get(target, prop, receiver)),
  });
  return { store: new Proxy(inner, { get: (target, prop, receiver) => (prop === 'ledger' ? ledger : Reflect.get(target, prop, receiver)) }), count: () => calls };
}

test('concurrent first requests share one warm-up of the reviewed timelines; a refresh asked during one sees what was written before it was asked', async () => {
  const desk = deskOf(store)!;
  const at = (n: number) => ({ name: 'tester', at: new Date(Date.parse('2026-03-01T09:00:00Z') + n * 1000).toISOString() });
  const captures = docs.map((d) => ledgerClaimsOf(d).find((c) => c.claim.predicate === 'captured')!);
  if ((await desk.listReviews()).length === 0) {
    await desk.addReview({ target: { kind: 'claim', key: `${captures[0]!.doc}|${captures[0]!.claim.id}` }, decision: 'reject', corrections: {}, reason: 'Written for this test', before: null }, at(0));
  }
  // One refresh alone: the warm-up's reads, the measure for the concurrent ones.
  const alone = countingTimelines(store);
  await createDeskViews({ store: alone.store, desk, generation: () => 0 }).refresh();
  assert.ok(alone.count() > 0, 'the warm-up reads the reviewed places\' timelines');

  const together = countingTimelines(store);
  const views = createDeskViews({ store: together.store, desk, generation: () => 0 });
  await Promise.all(Array.from({ length: 8 }, () => views.refresh()));
  assert.equal(together.count(), alone.count(), 'eight concurrent refreshes warm the timelines once');

  // A review written while a refresh runs: a refresh asked after it is not answered by the one under way.
  const running = views.refresh();
  const key = `${captures[2]!.doc}|${captures[2]!.claim.id}`;
  const latest = (await desk.listReviews()).at(-1)!.seq;
  await desk.addReview({ target: { kind: 'claim', key }, decision: 'correct', corrections: { stance: 'acknowledge' }, reason: 'Written for this test', before: null }, at(latest + 1));
  await views.refresh();
  assert.equal(views.reviewOf('claim', key)?.decision, 'correct');
  await running;
});

test('the server warms the reviewed ledger when it starts: the first requests, made at once, add no warm-up of their own', async () => {
  const { createApp } = await import('./app.js');
  const alone = countingTimelines(store);
  await createDeskViews({ store: alone.store, desk: deskOf(store)!, generation: () => 0 }).refresh();
  const counted = countingTimelines(store);
  const app = createApp({ store: counted.store, desk: deskOf(store)!, warm: true });
  const answers = await Promise.all(['/api/places?limit=5000', '/api/claims?limit=50', '/api/contradictions?limit=50', '/api/places?limit=5000'].map((p) => app.request(p)));
  assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 200]);
  assert.equal(counted.count(), alone.count(), 'one warm-up, started with the app');
});
