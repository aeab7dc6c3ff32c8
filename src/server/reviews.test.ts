import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { annotatedExample, temporaryStore } from './testing/fixture.js';
import type { Store } from '../store/store.js';
import type { LedgerDocument } from '../report/ledger-json.js';

let app: Hono;
let store: Store;
let doc: LedgerDocument;
let dispose: () => Promise<void>;
let clock = Date.parse('2026-03-01T08:00:00Z');

before(async () => {
  doc = await annotatedExample();
  ({ store, dispose } = await temporaryStore([doc]));
  app = createApp({ store, now: () => new Date((clock += 1000)) });
});
after(async () => dispose());

const post = async (path: string, body: unknown, method = 'POST') => {
  const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() as any };
};
const get = async (path: string) => (await app.request(path)).json() as Promise<any>;

describe('reviews and the audit trail (issue 18)', () => {
  test('correcting a claim: the claim views show the correction, keep the automatic reading, and the trail says who, when, before, after, why', async () => {
    const claims = (await get('/api/claims?limit=200')).items as any[];
    const target = claims.find((c) => c.claim.side === 'RU' && c.placeId === 'geonames-704422');
    assert.ok(target, 'a Russian claim about Pokrovsk in the example');
    assert.equal(target.review, null);
    const since = new Date(clock).toISOString();
    const { status, body } = await post('/api/reviews', {
      target: { kind: 'claim', doc: target.doc, claim: target.claim.id }, decision: 'correct',
      corrections: { side: 'UA', stance: 'deny' }, reason: 'Written for this test: the speaker is Ukrainian',
    });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.review.actor, 'local');
    assert.equal(body.audit.action, 'review.correct');
    assert.equal(body.audit.before.side, 'RU');
    assert.deepEqual(body.audit.after, { decision: 'correct', corrections: { side: 'UA', stance: 'deny' } });

    const after = ((await get('/api/claims?limit=200')).items as any[]).find((c) => c.doc === target.doc && c.claim.id === target.claim.id);
    assert.equal(after.claim.side, 'UA');
    assert.equal(after.source.side, 'UA');
    assert.equal(after.claim.stance, 'deny');
    assert.deepEqual(after.automatic, { side: 'RU', stance: target.claim.stance });
    assert.equal(after.review.decision, 'correct');
    // The place panel shows the same claim the same way.
    const panel = await get('/api/places/geonames-704422?limit=0');
    assert.equal(panel.claims.find((c: any) => c.claim.id === target.claim.id && c.doc === target.doc)?.claim.side, 'UA');
    // Filters read the stored (automatic) ledger: the overlay is applied to what they return.
    const trail = await get(`/api/audit?since=${encodeURIComponent(since)}`);
    assert.deepEqual(trail.items.map((a: any) => [a.actor, a.action, a.target.kind, a.reason]), [['local', 'review.correct', 'claim', 'Written for this test: the speaker is Ukrainian']]);
    const byTarget = await get(`/api/audit?target_kind=claim&target_key=${encodeURIComponent(`${target.doc}|${target.claim.id}`)}`);
    assert.equal(byTarget.items.length, 1);

    // Gold: the reviewed claim with what the analyst says it is.
    const gold = await get('/api/reviews/gold');
    assert.equal(gold.items.length, 1);
    assert.deepEqual({ ...gold.items[0].expected }, { side: 'UA', stance: 'deny', proposition: target.claim.proposition, placeId: 'geonames-704422', date: target.date });
    assert.deepEqual(gold.items[0].claim.span, target.claim.span);
    assert.equal(gold.items[0].document.text.slice(...gold.items[0].claim.span), target.claim.text);
  });

  test('a control status reviewed: places and the timeline show the reviewed status and keep the automatic one', async () => {
    const before = ((await get('/api/places?limit=50')).items as any[]).find((p) => p.id === 'geonames-713122');
    assert.equal(before.review, null);
    const { status, body } = await post('/api/reviews', { target: { kind: 'status', place: 'geonames-713122' }, decision: 'correct', corrections: { state: 'confirmed-captured', by: 'RU' }, reason: 'Written for this test: geolocated footage' });
    assert.equal(status, 201, JSON.stringify(body));
    const place = ((await get('/api/places?limit=50')).items as any[]).find((p) => p.id === 'geonames-713122');
    assert.equal(place.status, 'confirmed-captured');
    assert.deepEqual(place.automaticStatus, { status: before.status, statusBy: before.statusBy });
    assert.equal((await get('/api/places/geonames-713122?limit=0')).place.status, 'confirmed-captured');
    assert.equal((await get('/api/timeline/geonames-713122')).review.decision, 'correct');
    // The place's chart draws today's status as corrected beneath its claims; as of a past day, the timeline as it was.
    const bands = (await get('/api/aggregates/places/geonames-713122/claims-per-day')).statuses as any[];
    assert.deepEqual([bands.at(-1).state, bands.at(-1).by], ['confirmed-captured', 'RU']);
    const first = bands[0].from;
    const past = (await get(`/api/aggregates/places/geonames-713122/claims-per-day?asOf=${first}`)).statuses as any[];
    const asRead = ((await get('/api/timeline/geonames-713122')).statuses as any[]).filter((s: any) => s.from <= first);
    assert.deepEqual([past.at(-1).state, past.at(-1).by], [asRead.at(-1).state, asRead.at(-1).by]);
  });

  test('a contradiction rejected stays listed, marked; reviews list newest first', async () => {
    const [first] = (await get('/api/contradictions')).items as any[];
    assert.ok(first);
    const { status } = await post('/api/reviews', { target: { kind: 'contradiction', id: first.contradiction.id }, decision: 'reject', reason: 'Written for this test: not the same time' });
    assert.equal(status, 201);
    const listed = ((await get('/api/contradictions')).items as any[]).find((c) => c.contradiction.id === first.contradiction.id);
    assert.equal(listed.review.decision, 'reject');
    const reviews = await get('/api/reviews');
    assert.deepEqual(reviews.items.map((r: any) => r.target.kind), ['contradiction', 'status', 'claim']);
    assert.deepEqual((await get('/api/reviews?target_kind=status')).items.length, 1);
  });

  test('bad reviews are 400s naming the problem; unknown targets are 404s; nothing is written for them', async () => {
    const count = (await get('/api/audit?limit=500')).items.length;
    const claim = { kind: 'claim', doc: doc.id, claim: 'claim:0-1' };
    const cases: Array<[unknown, number, RegExp]> = [
      [{ target: claim, decision: 'correct', reason: 'x' }, 400, /needs at least one correction/],
      [{ target: claim, decision: 'confirm', corrections: { side: 'UA' }, reason: 'x' }, 400, /only a correct decision/],
      [{ target: claim, decision: 'confirm' }, 400, /reason/],
      [{ target: claim, decision: 'confirm', reason: '   ' }, 400, /needs a reason/],
      [{ target: { kind: 'status', place: 'geonames-713122' }, decision: 'correct', corrections: { side: 'UA' }, reason: 'x' }, 400, /./],
      [{ target: { kind: 'contradiction', id: 'x' }, decision: 'confirm', reason: 'x', extra: 1 }, 400, /extra/],
      [{ target: claim, decision: 'confirm', reason: 'x' }, 404, /no claim claim:0-1/],
      [{ target: { kind: 'status', place: 'name-atlantis' }, decision: 'confirm', reason: 'x' }, 404, /no control status/],
    ];
    for (const [body, code, message] of cases) {
      const res = await post('/api/reviews', body);
      assert.equal(res.status, code, JSON.stringify(body));
      assert.match(res.body.error.message, message);
    }
    assert.equal((await get('/api/audit?limit=500')).items.length, count);
  });
});

describe('source registry (issue 18)', () => {
  test('the file is loaded; claims carry their entry and a credibility grade; an admin edit is kept, audited and used', async () => {
    const sources = await get('/api/sources?kind=state-media');
    assert.ok(sources.items.some((s: any) => s.id === 'tass' && s.owner === 'state:RU'));
    assert.ok(sources.items.every((s: any) => s.kind === 'state-media'));
    const ruClaim = ((await get('/api/claims?limit=200')).items as any[]).find((c) => c.registry?.id === 'ru-mod');
    assert.ok(ruClaim, 'a claim of the Russian Defence Ministry matched to its entry');
    assert.equal(ruClaim.registry.reliability, 'C');
    assert.ok(ruClaim.credibility.grade >= 1 && ruClaim.credibility.grade <= 6);

    const edit = { name: 'Ministry of Defence of the Russian Federation', aliases: ['Russian Defence Ministry'], kind: 'official', side: 'RU', affiliation: 'Government of Russia', owner: 'state:RU', reliability: 'D', actors: ['ru-mod'], outlets: [], source: 'https://mil.ru/', reason: 'Written for this test' };
    const put = await post('/api/sources/ru-mod', edit, 'PUT');
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.audit.before.reliability, 'C');
    assert.equal(put.body.audit.after.reliability, 'D');
    const listed = (await get('/api/sources?q=defence')).items.find((s: any) => s.id === 'ru-mod');
    assert.equal(listed.reliability, 'D');
    assert.equal(listed.edited.by, 'local');
    const again = ((await get('/api/claims?limit=200')).items as any[]).find((c) => c.registry?.id === 'ru-mod');
    assert.equal(again.registry.reliability, 'D');
    assert.equal((await post('/api/sources/Bad Id', edit, 'PUT')).status, 400);
    assert.equal((await post('/api/sources/new-outlet', { ...edit, reliability: 'Z' }, 'PUT')).status, 400);
  });
});
