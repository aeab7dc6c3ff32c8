import { z } from 'zod';
import { ledgerClaimsOf } from '../ledger/index.js';
import type { Actor, AuditTarget, DeskStore, ReviewRecord } from '../store/desk/desk-store.js';
import type { Store } from '../store/store.js';
import { claimKey, type DeskViews } from './desk-views.js';
import { ApiError } from './errors.js';
import { claimView, ledgerKeyOfPlaceId, placeIdOfLedgerKey } from './ledger-view.js';

const docId = z.string().regex(/^[0-9a-f]{64}$/, 'must be a document id (64 hex digits)');
const side = z.string().regex(/^[A-Z]{2,10}$/, 'must be a side code like RU, UA, THIRD');
const STATES = ['held', 'contested', 'claimed-captured', 'confirmed-captured'] as const;
const STANCES = ['assert', 'deny', 'acknowledge', 'accuse', 'demand', 'warn', 'promise', 'question', 'evidence', 'believe', 'report'] as const;

export const reviewTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('claim'), doc: docId, claim: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('contradiction'), id: z.string().min(1).max(2000), place: z.string().min(1).max(200).optional() }),
  z.strictObject({ kind: z.literal('status'), place: z.string().min(1).max(200) }),
]);
export type ReviewTargetInput = z.infer<typeof reviewTarget>;

const claimCorrections = z.strictObject({
  source: z.string().min(1).max(300).optional(),
  side: side.optional(),
  stance: z.enum(STANCES).optional(),
  proposition: z.string().min(3).max(2000).optional(),
  place: z.string().min(1).max(200).optional(),
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD').optional(),
});
const statusCorrections = z.strictObject({ state: z.enum(STATES).optional(), by: side.nullable().optional() });

/** A review as clients send it (POST /api/reviews, counterclaim review). */
export const reviewBody = z.strictObject({
  target: reviewTarget,
  decision: z.enum(['confirm', 'reject', 'correct']),
  corrections: z.union([claimCorrections, statusCorrections]).default({}),
  reason: z.string().trim().min(1, 'a review needs a reason').max(4000),
}).superRefine((body, ctx) => {
  const fields = Object.keys(body.corrections);
  if (body.decision !== 'correct' && fields.length > 0) ctx.addIssue({ code: 'custom', path: ['corrections'], message: `only a correct decision carries corrections, not ${body.decision}` });
  if (body.decision === 'correct' && fields.length === 0) ctx.addIssue({ code: 'custom', path: ['corrections'], message: 'a correct decision needs at least one correction' });
  const allowed = body.target.kind === 'status' ? ['state', 'by'] : body.target.kind === 'claim' ? Object.keys(claimCorrections.shape) : [];
  const wrong = fields.filter((f) => !allowed.includes(f));
  if (wrong.length > 0) ctx.addIssue({ code: 'custom', path: ['corrections'], message: `a ${body.target.kind} cannot be corrected in ${wrong.join(', ')}${allowed.length ? ` (only ${allowed.join(', ')})` : ' (confirm or reject it)'}` });
});
export type ReviewBody = z.infer<typeof reviewBody>;

/** The target's key in the desk and what the ledger shows for it now (the audit record's `before`); 404 when it is not in the ledger. */
export async function resolveTarget(store: Store, views: DeskViews, target: ReviewTargetInput): Promise<{ target: AuditTarget; before: unknown }> {
  const ledger = store.ledger;
  await views.refresh();
  if (target.kind === 'claim') {
    const doc = await store.getDocument(target.doc);
    const found = doc ? ledgerClaimsOf(doc).find((c) => c.claim.id === target.claim) : undefined;
    if (!found) throw new ApiError('not-found', `no claim ${target.claim} in document ${target.doc}`);
    const [view] = await views.claims([claimView(found)]);
    return {
      target: { kind: 'claim', key: claimKey(target.doc, target.claim) },
      before: { side: view!.claim.side, stance: view!.claim.stance, proposition: view!.claim.proposition, source: view!.source.key, placeId: view!.placeId, date: view!.date, review: view!.review },
    };
  }
  if (target.kind === 'contradiction') {
    const all = await ledger.listContradictions({ ...(target.place ? { place: ledgerKeyOfPlaceId(target.place) } : {}), limit: 1_000_000 });
    const found = all.find((c) => c.id === target.id);
    if (!found) throw new ApiError('not-found', `no contradiction ${target.id}${target.place ? ` about ${target.place}` : ''}`);
    return { target: { kind: 'contradiction', key: found.id }, before: { kind: found.kind, proposition: found.proposition, a: found.a, b: found.b, review: views.reviewOf('contradiction', found.id) } };
  }
  const timeline = await ledger.timeline(ledgerKeyOfPlaceId(target.place));
  const last = timeline?.statuses.at(-1);
  if (!timeline || !last) throw new ApiError('not-found', `no control status for ${target.place} in the ledger`);
  const placeId = placeIdOfLedgerKey(timeline.place);
  return { target: { kind: 'status', key: placeId }, before: { state: last.state, by: last.by, from: last.from, review: views.reviewOf('status', placeId) } };
}

/** Resolves, checks and stores one review with its audit record. */
export async function submitReview(store: Store, desk: DeskStore, views: DeskViews, body: ReviewBody, by: Actor): Promise<ReviewRecord> {
  const { target, before } = await resolveTarget(store, views, body.target);
  const corrections = Object.fromEntries(Object.entries(body.corrections).filter(([, v]) => v !== undefined));
  const review = await desk.addReview({ target, decision: body.decision, corrections, reason: body.reason, before }, by);
  await views.refresh();
  return review;
}

/**
 * One reviewed claim as a gold record for `npm run eval -- --only reviews`: the document (text
 * and metadata, so the scorer can read it again), the claim's span and what the analyst decided
 * it is (the automatic reading with their corrections; `rejected` when it is no claim at all).
 */
export interface GoldRecord {
  readonly document: { readonly id: string; readonly text: string; readonly title: string | null; readonly published: string | null; readonly language: string | null; readonly outlet: string | null };
  readonly claim: { readonly id: string; readonly span: readonly [number, number] };
  readonly decision: ReviewRecord['decision'];
  readonly expected: { readonly side: string; readonly stance: string; readonly proposition: string; readonly placeId: string | null; readonly date: string | null } | null;
  readonly reviewer: string;
  readonly at: string;
  readonly reason: string;
}

/** Every claim with a review in force, as gold records (documents read once each). */
export async function goldRecords(store: Store, desk: DeskStore): Promise<GoldRecord[]> {
  const latest = new Map<string, ReviewRecord>();
  for (const r of await desk.listReviews()) if (r.target.kind === 'claim') latest.set(r.target.key, r);
  const byDoc = new Map<string, ReviewRecord[]>();
  for (const r of latest.values()) {
    const doc = r.target.key.slice(0, r.target.key.indexOf('|'));
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), r]);
  }
  const records: GoldRecord[] = [];
  for (const [docId, reviews] of [...byDoc].sort(([a], [b]) => a.localeCompare(b))) {
    const doc = await store.getDocument(docId);
    if (!doc) continue;
    const claims = new Map(ledgerClaimsOf(doc).map((c) => [c.claim.id, claimView(c)]));
    for (const r of reviews.sort((a, b) => a.seq - b.seq)) {
      const view = claims.get(r.target.key.slice(r.target.key.indexOf('|') + 1));
      if (!view) continue;
      const c = r.corrections;
      records.push({
        document: { id: doc.id, text: doc.text, title: doc.title, published: doc.published, language: doc.language, outlet: doc.outlet },
        claim: { id: view.claim.id, span: view.claim.span },
        decision: r.decision,
        expected: r.decision === 'reject' ? null : {
          side: c.side ?? view.claim.side, stance: c.stance ?? view.claim.stance, proposition: c.proposition ?? view.claim.proposition,
          placeId: c.place ?? view.placeId, date: c.time ?? view.date,
        },
        reviewer: r.actor, at: r.at, reason: r.reason,
      });
    }
  }
  return records;
}
