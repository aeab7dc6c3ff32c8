import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { ledgerKeyOfPlaceId, placeIdOfLedgerKey } from '../ledger-view.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pathParameter, queryParameters } from '../openapi.js';
import { parseParam, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

const placeParam = z.string().min(1).max(200);

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/:place', async (c) => {
    parseQuery(c, z.object({}));
    const place = parseParam(c, 'place', placeParam);
    const timeline = await deps.store.ledger.timeline(ledgerKeyOfPlaceId(place));
    if (!timeline) throw new ApiError('not-found', `no control claims about ${place} in the ledger`);
    await deps.views.refresh();
    const placeId = placeIdOfLedgerKey(timeline.place);
    // The statuses with the reviewed claims; the stored (automatic) ones kept beside them when reviews change them.
    const { statuses, automatic } = deps.views.timeline(placeId, timeline.statuses);
    return c.json({ ...timeline, statuses, ...(automatic ? { automaticStatuses: automatic } : {}), placeId, review: deps.views.reviewOf('status', placeId) });
  });
  return app;
}

export const timelineRoutes: RouteModule = {
  base: '/api/timeline',
  create,
  openapi: {
    '/{place}': {
      get: {
        summary: 'The control timeline of a place: its status over time, by whom, and on which claims', tags: ['ledger'],
        parameters: [pathParameter('place', 'A place id (geonames-704422, name-pokrovsk) or name (Pokrovsk).'), ...queryParameters(z.object({}))],
        responses: {
          '200': jsonResponse('The timeline: place (ledger key), placeId, label, lat, lon, country, admin1, statuses (from, state, by, denied, why, claims).', { type: 'object' }),
          '404': errorResponse('No control claims about that place.'),
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
