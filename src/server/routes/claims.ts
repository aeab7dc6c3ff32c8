import { Hono } from 'hono';
import { z } from 'zod';
import type { Predicate, Stance } from '../../model/index.js';
import { claimView, ledgerKeyOfPlaceId } from '../ledger-view.js';
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

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(c, claimListQuery);
    const ledger = deps.store.ledger;
    // Every filter and the offset are applied by the ledger reader in SQL (both backends), so a page
    // reads and parses only its own rows plus one to tell whether there is a next page.
    const claims = await ledger.listClaims({
      ...(q.place ? { place: ledgerKeyOfPlaceId(q.place) } : {}), ...(q.side ? { side: q.side } : {}),
      ...(q.since ? { since: q.since } : {}), ...(q.predicate ? { predicate: q.predicate } : {}),
      ...(q.stance ? { stance: q.stance } : {}), ...(q.until ? { until: q.until } : {}), ...(q.entity ? { entity: q.entity } : {}), ...(q.outlet ? { outlet: q.outlet } : {}),
      offset: q.offset,
      limit: q.limit + 1,
    });
    await deps.views.refresh();
    const items = await deps.views.claims(claims.slice(0, q.limit).map(claimView));
    return c.json(page(items, q.limit, q.offset, null, claims.length > q.limit));
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
