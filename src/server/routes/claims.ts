import { Hono } from 'hono';
import { z } from 'zod';
import type { Predicate, Stance } from '../../model/index.js';
import { claimView, ledgerKeyOfPlaceId, requireLedger } from '../ledger-view.js';
import { STANDARD_ERRORS, jsonResponse, pageSchema, queryParameters } from '../openapi.js';
import { page, pageQuery, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

/** The closed lists of the model's Stance and Predicate types, for validation at the edge. */
const STANCES = ['assert', 'deny', 'acknowledge', 'accuse', 'demand', 'warn', 'promise', 'question', 'evidence', 'believe', 'report'] as const satisfies readonly Stance[];
const PREDICATES = ['controls', 'captured', 'encircled', 'advanced', 'withdrew', 'attacked', 'repelled', 'deployed', 'casualties', 'struck', 'surrendered', 'presence', 'said'] as const satisfies readonly Predicate[];

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');

export const claimListQuery = pageQuery.extend({
  place: z.string().min(1).max(200).optional().describe('A place id (geonames-704422, name-pokrovsk) or name.'),
  side: z.string().regex(/^[A-Za-z]{2,10}$/, 'must be a side code like RU, UA, MEDIA').optional().describe('The side of the claim (RU, UA, THIRD, MEDIA...).'),
  stance: z.enum(STANCES).optional().describe('The stance of the claim toward its proposition.'),
  predicate: z.enum(PREDICATES).optional().describe('The predicate (captured, encircled, repelled...).'),
  since: isoDate.optional().describe('Claims about this date (YYYY-MM-DD) or later.'),
  until: isoDate.optional().describe('Claims about this date (YYYY-MM-DD) or earlier.'),
  entity: z.string().min(1).max(300).optional().describe('The merged source key (actor:ru-mod) as in /api/entities.'),
  outlet: z.string().min(1).max(200).optional().describe('The outlet that published the claim (case-insensitive).'),
});

/** Filters the ledger reader does not take are applied here over at most this many of its newest claims. */
const FILTER_WINDOW = 10_000;

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(c, claimListQuery);
    const ledger = requireLedger(deps.store);
    const local = q.stance !== undefined || q.until !== undefined || q.entity !== undefined || q.outlet !== undefined;
    const outlet = q.outlet?.toLowerCase();
    const keep = (x: (typeof claims)[number]) => (q.stance === undefined || x.claim.stance === q.stance)
      && (q.until === undefined || (claimView(x).date ?? '') <= q.until)
      && (q.entity === undefined || x.source.key === q.entity)
      && (outlet === undefined || x.outlet?.toLowerCase() === outlet);
    const want = q.offset + q.limit + 1;
    // Filters the reader does not take are applied here. The window of newest claims read for them grows
    // fourfold until it holds a page (every row read is a JSON parse: reading FILTER_WINDOW rows at once
    // was the slow tail of this endpoint), up to FILTER_WINDOW.
    let window = local ? Math.min(FILTER_WINDOW, want * 4) : want;
    let claims: Awaited<ReturnType<typeof ledger.listClaims>>;
    let kept: typeof claims;
    for (;;) {
      claims = await ledger.listClaims({
        ...(q.place ? { place: ledgerKeyOfPlaceId(q.place) } : {}), ...(q.side ? { side: q.side } : {}),
        ...(q.since ? { since: q.since } : {}), ...(q.predicate ? { predicate: q.predicate } : {}),
        // Backends that filter these in SQL (SQLite, migration 7) return only matching rows; `keep` stays exact for others.
        ...(q.stance ? { stance: q.stance } : {}), ...(q.until ? { until: q.until } : {}), ...(q.entity ? { entity: q.entity } : {}), ...(q.outlet ? { outlet: q.outlet } : {}),
        limit: window,
      });
      kept = local ? claims.filter(keep) : claims;
      if (!local || kept.length >= want || claims.length < window || window >= FILTER_WINDOW) break;
      window = Math.min(FILTER_WINDOW, window * 4);
    }
    const items = kept.slice(q.offset, q.offset + q.limit).map(claimView);
    return c.json(page(items, q.limit, q.offset, local && claims.length < window ? kept.length : null, kept.length > q.offset + q.limit));
  });
  return app;
}

export const claimRoutes: RouteModule = {
  base: '/api/claims',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'Ledger claims, newest (by the time they are about) first', tags: ['ledger'],
        description: 'Each item is a ledger claim (docs/ledger.md): the claim item with its document, outlet and merged source, plus `readable` (the proposition in words), `placeId` and `date`. `total` is null unless counted cheaply.',
        parameters: queryParameters(claimListQuery),
        responses: { '200': jsonResponse('A page of claims.', pageSchema({ type: 'object' })), '404': { description: 'The store keeps no ledger.' }, ...STANDARD_ERRORS },
      },
    },
  },
};
