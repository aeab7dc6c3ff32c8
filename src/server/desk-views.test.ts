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
