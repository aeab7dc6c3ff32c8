import { Hono } from 'hono';
import { z } from 'zod';
import { STANDARD_ERRORS, jsonResponse, pageSchema, queryParameters } from '../openapi.js';
import { page, pageQuery, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

export const entityListQuery = pageQuery.extend({
  q: z.string().min(1).max(200).optional().describe('Case-insensitive text searched in the name.'),
  side: z.string().regex(/^[A-Za-z]{2,10}$/, 'must be a side code like RU, UA, MEDIA').optional().describe('The side (RU, UA, THIRD, MEDIA...).'),
  kind: z.string().regex(/^[a-z]{2,20}$/, 'must be an entity kind like person, military').optional().describe('The entity kind (person, government, military, unit, media...).'),
});

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const { limit, offset, q, side, kind } = parseQuery(c, entityListQuery);
    const query = { limit, offset, ...(q ? { q } : {}), ...(side ? { side: side.toUpperCase() } : {}), ...(kind ? { kind } : {}) };
    const { entities, total } = await deps.store.browse.listEntities(query);
    return c.json(page(entities, limit, offset, total));
  });
  return app;
}

export const entityRoutes: RouteModule = {
  base: '/api/entities',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'Entities of the ledger, merged across documents (one key per ministry, person or unit), by name', tags: ['ledger'],
        parameters: queryParameters(entityListQuery),
        responses: {
          '200': jsonResponse('A page of entities.', pageSchema({ type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, side: { type: 'string' } } })),
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
