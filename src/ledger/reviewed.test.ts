import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sourceDocument } from '../ingest/index.js';
import { createPipeline } from '../read/pipeline.js';
import { loadResources } from '../read/load-resources.js';
import { toLedgerDocument } from '../report/ledger-json.js';
import { controlTimeline, findContradictions, ledgerClaimsOf, type LedgerClaim } from './index.js';
import { claimRefKey, contradictionStands, reviewedClaim, reviewedTimeline, type ClaimDecision } from './reviewed.js';

// Sentences written for these tests.
let capture: LedgerClaim;
let denial: LedgerClaim;
const TORETSK = 'geonames:709354';
before(async () => {
  const pipeline = createPipeline(await loadResources());
  const claimsOf = (text: string, published: string) => ledgerClaimsOf(toLedgerDocument(pipeline.read(sourceDocument(text, { published, language: 'en' }))));
  capture = claimsOf('Russia’s Defence Ministry said on Tuesday that Russian forces had captured Toretsk.', '2025-11-05').find((c) => c.claim.predicate === 'captured')!;
  denial = claimsOf('Ukraine’s General Staff denied on Wednesday that Russian forces had captured Toretsk.', '2025-11-06').find((c) => c.claim.predicate === 'captured')!;
  assert.ok(capture && denial && denial.claim.polarity === 'negative');
});

const decide = (c: LedgerClaim, d: ClaimDecision) => new Map([[claimRefKey(c), d]]);

test('reviewedClaim: rejected is gone, confirmed unchanged; a stance to or from deny turns the polarity, others do not', () => {
  assert.equal(reviewedClaim(capture, { decision: 'reject', corrections: {} }), null);
  assert.equal(reviewedClaim(capture, { decision: 'confirm', corrections: {} }), capture);
  assert.equal(reviewedClaim(capture, undefined), capture);
  assert.equal(reviewedClaim(denial, { decision: 'correct', corrections: { stance: 'acknowledge' } })!.claim.polarity, 'positive');
  assert.equal(reviewedClaim(capture, { decision: 'correct', corrections: { stance: 'deny' } })!.claim.polarity, 'negative');
  assert.equal(reviewedClaim(capture, { decision: 'correct', corrections: { stance: 'report' } })!.claim.polarity, 'positive');
  const sided = reviewedClaim(capture, { decision: 'correct', corrections: { side: 'UA' } })!;
  assert.equal(sided.claim.side, 'UA');
  assert.equal(capture.claim.side, 'RU', 'the claim as read is not changed');
});

test('reviewedClaim: a corrected place moves the proposition with it; a corrected time is the window the claim is about', () => {
  const moved = reviewedClaim(capture, { decision: 'correct', corrections: { place: 'geonames:704422' } })!;
  assert.equal(moved.claim.args.find((a) => a.role === 'place')!.key, 'geonames:704422');
  assert.equal(moved.claim.proposition, capture.claim.proposition.replace(TORETSK, 'geonames:704422'));
  const dated = reviewedClaim(capture, { decision: 'correct', corrections: { time: '2025-10-01' } })!;
  assert.deepEqual([dated.claim.about.window?.start, dated.claim.about.window?.end], ['2025-10-01', '2025-10-01']);
});

test('reviewedTimeline: null when the review changes nothing; the reviewed statuses from the earliest reviewed day, the earlier ones kept', () => {
  const claims = [capture, denial];
  const stored = controlTimeline(claims, TORETSK);
  assert.equal(stored.at(-1)!.state, 'claimed-captured');
  assert.equal(reviewedTimeline(stored, TORETSK, '2025-11-04', claims, decide(capture, { decision: 'confirm', corrections: {} })), null);
  const rejected = reviewedTimeline(stored, TORETSK, '2025-11-04', claims, decide(capture, { decision: 'reject', corrections: {} }))!;
  assert.ok(rejected.every((s) => s.state !== 'claimed-captured'), JSON.stringify(rejected));
  // A status before the reviewed day stands as stored.
  const earlier = { ...stored[0]!, from: '2025-01-01', state: 'held' as const, by: 'UA' };
  const kept = reviewedTimeline([earlier, ...stored], TORETSK, '2025-11-04', claims, decide(capture, { decision: 'reject', corrections: {} }))!;
  assert.equal(kept[0], earlier);
});

test('contradictionStands: undone when its only claim on a side is rejected or corrected to agree; untouched ones stand', () => {
  const [x] = findContradictions([capture, denial]);
  assert.ok(x);
  const claims = [capture, denial];
  assert.equal(contradictionStands(x, claims, new Map()), true);
  assert.equal(contradictionStands(x, claims, decide(capture, { decision: 'confirm', corrections: {} })), true);
  assert.equal(contradictionStands(x, claims, decide(capture, { decision: 'reject', corrections: {} })), false);
  assert.equal(contradictionStands(x, claims, decide(denial, { decision: 'correct', corrections: { stance: 'acknowledge' } })), false);
  assert.equal(contradictionStands(x, claims, decide(denial, { decision: 'correct', corrections: { place: 'geonames:704422' } })), false);
  // A correction that leaves the disagreement as it was (who said it) keeps it.
  assert.equal(contradictionStands(x, claims, decide(denial, { decision: 'correct', corrections: { source: 'actor:ua-general-staff' } as ClaimDecision['corrections'] })), true);
});
