import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, deskBodyLimit, parseBody, requireDesk, sinceInstant, sinceParam } from '../desk-common.js';
import { ApiError } from '../errors.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pageSchema, pathParameter, queryParameters } from '../openapi.js';
import { page, pageQuery, parseParam, parseQuery } from '../validate.js';
import { changesAtom, listChanges } from '../watching.js';
import type { RouteDeps, RouteModule } from './route-module.js';

const watchlistId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be a watchlist id');
const watchlistBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  places: z.array(z.string().min(1).max(200)).max(500).default([]).describe('Place ids (geonames-704422, name-pokrovsk).'),
  actors: z.array(z.string().min(1).max(300)).max(500).default([]).describe('Entity keys (actor:ru-mod, or ru-mod) as in /api/entities.'),
  sources: z.array(z.string().min(1).max(100)).max(500).default([]).describe('Registry ids (tass, reuters) as in /api/sources.'),
});

export const changeQuery = pageQuery.extend({
  since: sinceParam.describe('Changes first seen at or after this ISO date or date-time (UTC when no offset is given).'),
  watchlist: watchlistId.optional().describe('Only changes about this watchlist\'s places, actors or sources.'),
});
const atomQuery = z.object({ since: changeQuery.shape.since, watchlist: changeQuery.shape.watchlist });

const watchlistSchema = {
  type: 'object', required: ['id', 'name', 'owner', 'places', 'actors', 'sources', 'createdAt'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, owner: { type: 'string' }, createdAt: { type: 'string' },
    places: { type: 'array', items: { type: 'string' } }, actors: { type: 'array', items: { type: 'string' } }, sources: { type: 'array', items: { type: 'string' } },
  },
};
const changeSchema = {
  type: 'object', required: ['seq', 'at', 'kind', 'key', 'placeId', 'summary', 'claims'],
  properties: {
    seq: { type: 'integer' }, at: { type: 'string', description: 'When the change was first seen (the claims causing it were stored).' },
    kind: { type: 'string', enum: ['claim', 'contradiction', 'status'] }, key: { type: 'string' }, placeId: { type: ['string', 'null'] }, summary: { type: 'string' },
    claims: { type: 'array', description: 'The claims that caused it: ref (doc|claimId), readable, side, source, outlet, url, polarity and stance (negative: the source denies it).', items: { type: 'object' } },
  },
};

async function watchlistOf(deps: RouteDeps, id: string | undefined) {
  if (id === undefined) return null;
  const list = await requireDesk(deps).getWatchlist(id);
  if (!list) throw new ApiError('not-found', `no watchlist ${id}`);
  return list;
}

export const watchlistRoutes: RouteModule = {
  base: '/api/watchlists',
  create: (deps) => {
    const app = new Hono();
    app.get('/', async (c) => {
      parseQuery(c, z.object({}));
      return c.json({ items: await requireDesk(deps).listWatchlists() });
    });
    app.post('/', deskBodyLimit, async (c) => {
      const body = await parseBody(c, watchlistBody);
      const list = await requireDesk(deps).createWatchlist({ id: `w-${randomBytes(6).toString('hex')}`, ...body }, actorOf(c, deps));
      return c.json(list, 201);
    });
    app.delete('/:id', async (c) => {
      const id = parseParam(c, 'id', watchlistId);
      if (!(await requireDesk(deps).deleteWatchlist(id, actorOf(c, deps)))) throw new ApiError('not-found', `no watchlist ${id}`);
      return c.json({ removed: id });
    });
    return app;
  },
  openapi: {
    '/': {
      get: { summary: 'Watchlists', tags: ['watching'], responses: { '200': jsonResponse('Every watchlist.', { type: 'object', properties: { items: { type: 'array', items: watchlistSchema } } }), ...STANDARD_ERRORS } },
      post: {
        summary: 'Create a watchlist of places, actors and sources (analyst)', tags: ['watching'],
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(watchlistBody, { io: 'input' }) } } },
        responses: { '201': jsonResponse('Created.', watchlistSchema), '403': errorResponse('Not an analyst.'), ...STANDARD_ERRORS },
      },
    },
    '/{id}': {
      delete: {
        summary: 'Delete a watchlist (analyst)', tags: ['watching'], parameters: [pathParameter('id', 'Watchlist id.')],
        responses: { '200': jsonResponse('Deleted.'), '404': errorResponse('No such watchlist.'), ...STANDARD_ERRORS },
      },
    },
  },
};

export const changeRoutes: RouteModule = {
  base: '/api/changes',
  create: (deps) => {
    const app = new Hono();
    app.get('/', async (c) => {
      const q = parseQuery(c, changeQuery);
      await deps.views.refresh();
      const { items, more } = await listChanges(deps.store, requireDesk(deps), { since: sinceInstant(q.since), watchlist: await watchlistOf(deps, q.watchlist), registry: deps.views.registry(), limit: q.limit, offset: q.offset });
      return c.json(page(items, q.limit, q.offset, null, more));
    });
    return app;
  },
  openapi: {
    '/': {
      get: {
        summary: 'What changed since a time: new claims, new contradictions, status changes, each with the claims that caused it', tags: ['watching'],
        parameters: queryParameters(changeQuery),
        responses: { '200': jsonResponse('A page of changes, oldest first.', pageSchema(changeSchema)), '404': errorResponse('No such watchlist.'), ...STANDARD_ERRORS },
      },
    },
  },
};

export const changeFeedRoutes: RouteModule = {
  base: '/api/changes.atom',
  create: (deps) => {
    const app = new Hono();
    app.get('/', async (c) => {
      const q = parseQuery(c, atomQuery);
      await deps.views.refresh();
      const list = await watchlistOf(deps, q.watchlist);
      const { items } = await listChanges(deps.store, requireDesk(deps), { since: sinceInstant(q.since), watchlist: list, registry: deps.views.registry(), limit: 500, offset: 0 });
      const body = changesAtom(items, { base: new URL(c.req.url).origin, since: q.since, now: deps.now(), ...(list ? { title: `counterclaim: ${list.name}` } : {}) });
      return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    });
    return app;
  },
  openapi: {
    '/': {
      get: {
        summary: 'The changes since a time as an Atom feed (at most 500 entries)', tags: ['watching'],
        parameters: queryParameters(atomQuery),
        responses: { '200': { description: 'An Atom feed.', content: { 'application/atom+xml': { schema: { type: 'string' } } } }, '404': errorResponse('No such watchlist.'), ...STANDARD_ERRORS },
      },
    },
  },
};
