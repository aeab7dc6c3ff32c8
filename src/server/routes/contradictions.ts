import { Hono } from 'hono';
import { z } from 'zod';
import { listContradictionViews } from '../ledger-view.js';
import { STANDARD_ERRORS, jsonResponse, pageSchema, queryParameters } from '../openapi.js';
import { page, pageQuery, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';
import { isoDate } from './claims.js';
import { placeId } from './places.js';

export const contradictionListQuery = pageQuery.extend({
  place: placeId.optional().describe('Only contradictions about this place (geonames-704422, name-pokrovsk).'),
  since: isoDate.optional().describe('Only contradictions dated this day (YYYY-MM-DD) or later (the later of their two claims\' dates).'),
  until: isoDate.optional().describe('Only contradictions dated this day (YYYY-MM-DD) or earlier.'),
});

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const { limit, offset, place, since, until } = parseQuery(c, contradictionListQuery);
    deps.store.ledger;
    const { items, total } = await listContradictionViews(deps.store, { limit, offset, ...(place ? { place } : {}), ...(since ? { since } : {}), ...(until ? { until } : {}) });
    await deps.views.refresh();
    return c.json(page(await deps.views.contradictions(items), limit, offset, total));
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
