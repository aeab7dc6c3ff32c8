import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, deskBodyLimit, parseBody, requireDesk, sinceInstant, sinceParam } from '../desk-common.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pageSchema, queryParameters } from '../openapi.js';
import { goldRecords, reviewBody, submitReview } from '../review-service.js';
import { page, pageQuery, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

const reviewListQuery = pageQuery.extend({
  target_kind: z.enum(['claim', 'contradiction', 'status']).optional().describe('Only reviews of this kind of target.'),
  since: sinceParam.optional().describe('Only reviews made at or after this ISO date or date-time.'),
});

export const auditQuery = pageQuery.extend({
  since: sinceParam.optional().describe('Records at or after this ISO date or date-time (UTC when no offset is given).'),
  target_kind: z.string().min(1).max(40).optional().describe('claim, contradiction, status, source, user, watchlist, request.'),
  target_key: z.string().min(1).max(2000).optional().describe('With target_kind: one target (a claim is doc|claimId).'),
});

export const reviewSchema = {
  type: 'object', required: ['seq', 'at', 'actor', 'target', 'decision', 'corrections', 'reason', 'auditSeq'],
  properties: {
    seq: { type: 'integer' }, at: { type: 'string' }, actor: { type: 'string' },
    target: { type: 'object', properties: { kind: { type: 'string' }, key: { type: 'string' } } },
    decision: { type: 'string', enum: ['confirm', 'reject', 'correct'] }, corrections: { type: 'object' }, reason: { type: 'string' }, auditSeq: { type: 'integer' },
  },
};
export const auditSchema = {
  type: 'object', required: ['seq', 'at', 'actor', 'action', 'target', 'before', 'after', 'reason'],
  properties: {
    seq: { type: 'integer' }, at: { type: 'string' }, actor: { type: 'string' }, action: { type: 'string' },
    target: { type: 'object', properties: { kind: { type: 'string' }, key: { type: 'string' } } }, before: {}, after: {}, reason: { type: ['string', 'null'] },
  },
};

function createReviews(deps: RouteDeps): Hono {
  const app = new Hono();
  app.post('/', deskBodyLimit, async (c) => {
    const desk = requireDesk(deps);
    const body = await parseBody(c, reviewBody);
    const review = await submitReview(deps.store, desk, deps.views, body, actorOf(c, deps));
    deps.bumpGeneration();
    const [audit] = (await desk.listAudit({ target: review.target, since: review.at })).filter((r) => r.seq === review.auditSeq);
    return c.json({ review, audit: audit ?? null }, 201);
  });
  app.get('/', async (c) => {
    const q = parseQuery(c, reviewListQuery);
    const all = (await requireDesk(deps).listReviews(q.since ? { since: sinceInstant(q.since) } : {}))
      .filter((r) => q.target_kind === undefined || r.target.kind === q.target_kind).reverse();
    return c.json(page(all.slice(q.offset, q.offset + q.limit), q.limit, q.offset, all.length));
  });
  app.get('/gold', async (c) => {
    parseQuery(c, z.object({}));
    return c.json({ items: await goldRecords(deps.store, requireDesk(deps)) });
  });
  return app;
}

export const reviewRoutes: RouteModule = {
  base: '/api/reviews',
  create: createReviews,
  openapi: {
    '/': {
      post: {
        summary: 'Review a claim, a contradiction or a control status (analyst)', tags: ['desk'],
        description: 'Confirm, reject or correct, with a reason. Stored append-only with an audit record (who, when, before, after, why). The ledger views apply the review in force when read and keep the automatic reading (`automatic`, `automaticStatus`).',
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(reviewBody, { io: 'input', unrepresentable: 'any' }) } } },
        responses: {
          '201': jsonResponse('Stored.', { type: 'object', properties: { review: reviewSchema, audit: auditSchema } }),
          '404': errorResponse('The target is not in the ledger.'), '403': errorResponse('Not an analyst.'), ...STANDARD_ERRORS,
        },
      },
      get: {
        summary: 'Reviews, newest first', tags: ['desk'], parameters: queryParameters(reviewListQuery),
        responses: { '200': jsonResponse('A page of reviews.', pageSchema(reviewSchema)), ...STANDARD_ERRORS },
      },
    },
    '/gold': {
      get: {
        summary: 'Reviewed claims as gold records for npm run eval -- --only reviews', tags: ['desk'],
        responses: { '200': jsonResponse('Gold records: document, claim span, decision, expected reading.', { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }), ...STANDARD_ERRORS },
      },
    },
  },
};

export const auditRoutes: RouteModule = {
  base: '/api/audit',
  create: (deps) => {
    const app = new Hono();
    app.get('/', async (c) => {
      const q = parseQuery(c, auditQuery);
      const rows = await requireDesk(deps).listAudit({
        ...(q.since ? { since: sinceInstant(q.since) } : {}),
        target: { ...(q.target_kind ? { kind: q.target_kind } : {}), ...(q.target_key ? { key: q.target_key } : {}) },
        limit: q.limit + 1, offset: q.offset,
      });
      const items = rows.slice(0, q.limit);
      return c.json(page(items, q.limit, q.offset, null, rows.length > q.limit));
    });
    return app;
  },
  openapi: {
    '/': {
      get: {
        summary: 'The append-only audit trail, oldest first', tags: ['desk'],
        description: 'Every write: who, when, the action, its target, before, after and why. Neither store lets a record be changed or deleted.',
        parameters: queryParameters(auditQuery),
        responses: { '200': jsonResponse('A page of audit records.', pageSchema(auditSchema)), ...STANDARD_ERRORS },
      },
    },
  },
};
