import { Hono } from 'hono';
import { z } from 'zod';
import { STANDARD_ERRORS, jsonResponse, pageSchema, pathParameter, queryParameters } from '../openapi.js';
import { page, pageQuery, parseParam, parseQuery } from '../validate.js';
import { documentId } from './documents.js';
import type { RouteDeps, RouteModule } from './route-module.js';

/**
 * The item lists of the ledger JSON that can be listed across documents.
 * Claims are left to the ledger's own route (routes/claims.ts, with its filters).
 */
export const ITEM_KINDS = ['sentences', 'times', 'places', 'actors', 'entities', 'attributions', 'quantities', 'events'] as const;

export const itemKind = z.enum(ITEM_KINDS);
export const itemListQuery = pageQuery.extend({
  doc: documentId.optional().describe('Only the items of this document.'),
});

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/:kind', async (c) => {
    const kind = parseParam(c, 'kind', itemKind);
    const { limit, offset, doc } = parseQuery(c, itemListQuery);
    // One more than asked: whether there is a next page, without counting every row.
    const rows = await deps.store.listItems(kind, { limit: limit + 1, offset, ...(doc ? { docId: doc } : {}) });
    return c.json(page(rows.slice(0, limit), limit, offset, null, rows.length > limit));
  });
  return app;
}

export const itemRoutes: RouteModule = {
  base: '/api/items',
  create,
  openapi: {
    '/{kind}': {
      get: {
        summary: 'Items of one kind across documents, in document then text order', tags: ['items'],
        parameters: [pathParameter('kind', 'Which list of the ledger JSON.', { type: 'string', enum: [...ITEM_KINDS] }), ...queryParameters(itemListQuery)],
        responses: {
          '200': jsonResponse('A page of items; `total` is null (not counted).', pageSchema({
            type: 'object', required: ['docId', 'kind', 'item'],
            properties: { docId: { type: 'string' }, kind: { type: 'string' }, item: { type: 'object', description: 'The item as in the ledger JSON.' } },
          })),
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
