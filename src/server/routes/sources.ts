import { Hono } from 'hono';
import { z } from 'zod';
import { SOURCE_KINDS, sourceEntryFields, sourceId } from '../../ledger/source-registry.js';
import { actorOf, deskBodyLimit, parseBody, requireDesk } from '../desk-common.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pathParameter, queryParameters } from '../openapi.js';
import { parseParam, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

const sourceListQuery = z.object({
  kind: z.enum(SOURCE_KINDS).optional().describe('Only sources of this kind.'),
  side: z.string().regex(/^[A-Za-z]{2,10}$/, 'must be a side code like RU, UA, MEDIA').optional().describe('Only sources of this side.'),
  q: z.string().min(1).max(200).optional().describe('Case-insensitive text in the name, aliases, owner or outlets.'),
});

/** What PUT takes: an entry without its id (the path names it), and an optional reason for the audit trail. */
const sourcePutBody = z.strictObject({ ...sourceEntryFields, reason: z.string().max(4000).optional() });

const entrySchema = {
  type: 'object', required: ['id', 'name', 'kind', 'side', 'owner', 'reliability', 'source'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } },
    kind: { type: 'string', enum: [...SOURCE_KINDS] }, side: { type: 'string' }, affiliation: { type: ['string', 'null'] },
    owner: { type: 'string', description: 'The unit of independence in corroboration.' }, reliability: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F'] },
    actors: { type: 'array', items: { type: 'string' } }, outlets: { type: 'array', items: { type: 'string' } }, source: { type: 'string' },
    edited: { type: ['object', 'null'], properties: { at: { type: 'string' }, by: { type: 'string' } } },
  },
};

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  const edited = async () => {
    const desk = deps.desk;
    if (!desk) return new Map<string, { at: string; by: string }>();
    const rows = await desk.listAudit({ target: { kind: 'source' }, limit: 100_000 });
    return new Map(rows.map((r) => [r.target.key, { at: r.at, by: r.actor }]));
  };
  app.get('/', async (c) => {
    const q = parseQuery(c, sourceListQuery);
    await deps.views.refresh();
    const needle = q.q?.toLowerCase();
    const edits = await edited();
    const items = deps.views.registry().entries
      .filter((e) => (q.kind === undefined || e.kind === q.kind) && (q.side === undefined || e.side === q.side.toUpperCase())
        && (needle === undefined || [e.name, e.owner, ...e.aliases, ...e.outlets].some((s) => s.toLowerCase().includes(needle))))
      .map((e) => ({ ...e, edited: edits.get(e.id) ?? null }))
      .sort((a, b) => a.id.localeCompare(b.id));
    return c.json({ items });
  });
  app.put('/:id', deskBodyLimit, async (c) => {
    const desk = requireDesk(deps);
    const id = parseParam(c, 'id', sourceId);
    const { reason, ...fields } = await parseBody(c, sourcePutBody);
    await deps.views.refresh();
    const before = deps.views.registry().get(id) ?? null;
    const entry = { id, ...fields };
    const audit = await desk.putSource(id, entry, before, reason ?? null, actorOf(c, deps));
    deps.bumpGeneration();
    await deps.views.refresh();
    return c.json({ source: entry, audit }, before ? 200 : 201);
  });
  return app;
}

export const sourceRoutes: RouteModule = {
  base: '/api/sources',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'The source registry: outlets, agencies, channels, official bodies, with kind, side, owner and Admiralty reliability', tags: ['desk'],
        parameters: queryParameters(sourceListQuery),
        responses: { '200': jsonResponse('Entries by id; `edited` says who last changed one through the API.', { type: 'object', properties: { items: { type: 'array', items: entrySchema } } }), ...STANDARD_ERRORS },
      },
    },
    '/{id}': {
      put: {
        summary: 'Add or replace a registry entry (admin); audited with before and after', tags: ['desk'],
        parameters: [pathParameter('id', 'Entry id (lower-case letters, digits, . _ -).')],
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(sourcePutBody, { io: 'input' }) } } },
        responses: {
          '200': jsonResponse('Replaced.', { type: 'object', properties: { source: entrySchema, audit: { type: 'object' } } }),
          '201': jsonResponse('Added.', { type: 'object', properties: { source: entrySchema, audit: { type: 'object' } } }),
          '403': errorResponse('Not an admin.'), ...STANDARD_ERRORS,
        },
      },
    },
  },
};
