import { Hono } from 'hono';
import { z } from 'zod';
import { listContradictionViews } from '../ledger-view.js';
import { STANDARD_ERRORS, jsonResponse, pageSchema, queryParameters } from '../openapi.js';
import { page, pageQuery, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';
import { claimListQuery, isoDate, registryFilter, REGISTRY_SCAN } from './claims.js';
import { placeId } from './places.js';

export const contradictionListQuery = pageQuery.extend({
  place: placeId.optional().describe('Only contradictions about this place (geonames-704422, name-pokrovsk).'),
  since: isoDate.optional().describe('Only contradictions dated this day (YYYY-MM-DD) or later (the later of their two claims\' dates).'),
  until: isoDate.optional().describe('Only contradictions dated this day (YYYY-MM-DD) or earlier.'),
  registry: claimListQuery.shape.registry.describe('Only contradictions one of whose two claims has this source registry entry as its source (GET /api/sources), as reviewed.'),
  sourceKind: claimListQuery.shape.sourceKind.describe('Only contradictions one of whose two claims has a source of this registry kind; `unregistered`: a source the registry does not know.'),
  reliability: claimListQuery.shape.reliability.describe('Only contradictions one of whose two claims has a source graded this or better (B: A and B).'),
});

/** Contradictions read a window at a time when the registry filters them (the registry is not in the store). */
const SCAN_WINDOW = 200;

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(c, contradictionListQuery);
    const { limit, offset } = q;
    const filters = { ...(q.place ? { place: q.place } : {}), ...(q.since ? { since: q.since } : {}), ...(q.until ? { until: q.until } : {}) };
    await deps.views.refresh();
    if (q.registry === undefined && q.sourceKind === undefined && q.reliability === undefined) {
      const { items, total } = await listContradictionViews(deps.store, { limit, offset, ...filters });
      return c.json(page(await deps.views.contradictions(items), limit, offset, total));
    }
    // As /api/claims does: the registry's filters run here over the store's pages, a window at a
    // time, until the page is full or REGISTRY_SCAN contradictions were read (`next` then says
    // there may be more; `total` is not counted).
    const wanted = registryFilter(deps.views.registry(), q, (claim) => deps.views.reviewOf('claim', `${claim.doc}|${claim.claim.id}`)?.corrections.source);
    const kept: Awaited<ReturnType<typeof listContradictionViews>>['items'] = [];
    let scanned = 0;
    let exhausted = false;
    while (kept.length <= offset + limit && scanned < REGISTRY_SCAN) {
      const { items } = await listContradictionViews(deps.store, { limit: SCAN_WINDOW, offset: scanned, ...filters });
      scanned += items.length;
      for (const x of items) if ([x.a, x.b].some((claim) => claim !== null && wanted(claim))) kept.push(x);
      if (items.length < SCAN_WINDOW) {
        exhausted = true;
        break;
      }
    }
    const shown = await deps.views.contradictions(kept.slice(offset, offset + limit));
    return c.json(page(shown, limit, offset, null, kept.length > offset + limit || !exhausted));
  });
  return app;
}

export const contradictionRoutes: RouteModule = {
  base: '/api/contradictions',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'Contradictions across the ledger, newest first, each with its two claims', tags: ['ledger'],
        description: '`contradiction` is the ledger record (kind polarity / numbers / control, proposition, a, b, related, explanation); `a` and `b` are its two claims in full (as in /api/claims); `date` is the later of their dates.',
        parameters: queryParameters(contradictionListQuery),
        responses: {
          '200': jsonResponse('A page of contradictions.', pageSchema({
            type: 'object', required: ['contradiction', 'date', 'placeId', 'a', 'b'],
            properties: { contradiction: { type: 'object' }, date: { type: ['string', 'null'] }, placeId: { type: ['string', 'null'] }, a: { type: ['object', 'null'] }, b: { type: ['object', 'null'] } },
          })),
          '404': { description: 'The store keeps no ledger.' },
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
