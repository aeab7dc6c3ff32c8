import { Hono } from 'hono';
import { z } from 'zod';
import { ledgerClaimsOf } from '../../ledger/index.js';
import { literalSearch, matchesSearch } from '../../store/search-text.js';
import { SearchQueryError, type SearchHit } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { claimView, type ClaimView } from '../ledger-view.js';
import { STANDARD_ERRORS, jsonResponse, queryParameters } from '../openapi.js';
import { parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';
import { claimListQuery, registryEntryPasses, registryFilter } from './claims.js';

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(500).describe('Words to find, taken as they are: quotes, apostrophes and operators are text, never syntax. Words match their inflected forms (English, Russian, Ukrainian stems).'),
  scope: z.enum(['all', 'documents', 'claims']).default('all').describe('What to search: documents, the claims read from them, or both (and names).'),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code like en').optional().describe('Only documents in this language.'),
  limit: z.coerce.number().int().min(1).max(50).default(20).describe('Results per list (1-50).'),
  registry: claimListQuery.shape.registry.describe('Only claims whose source is this registry entry, and only that entry among the sources.'),
  sourceKind: claimListQuery.shape.sourceKind.describe('Only claims and sources of this registry kind (`unregistered`: sources the registry does not know).'),
  reliability: claimListQuery.shape.reliability.describe('Only claims and sources graded this or better (B: A and B).'),
});

/** Documents searched for claims: the best-matching ones (a claim search reads each document's claims). */
const CLAIM_DOCS = 20;

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(c, searchQuery);
    const text = literalSearch(q.q);
    const empty = { query: q.q, documents: [], claims: [], entities: [] };
    if (text === null) return c.json(empty);
    let hits: SearchHit[];
    try {
      hits = await deps.store.searchDocuments({ text, limit: q.scope === 'claims' ? CLAIM_DOCS : Math.max(q.limit, q.scope === 'all' ? CLAIM_DOCS : 0), ...(q.language ? { language: q.language } : {}) });
    } catch (error) {
      // literalSearch writes only quoted words and stems: a refusal here is our bug, not the user's.
      if (error instanceof SearchQueryError) throw new ApiError('internal', `search could not be run: ${error.message}`);
      throw error;
    }
    const claims: ClaimView[] = [];
    await deps.views.refresh();
    const filtered = q.registry !== undefined || q.sourceKind !== undefined || q.reliability !== undefined;
    // The registry's filters (as /api/claims has them) on the claims found; documents are not filtered.
    const wanted = filtered ? registryFilter(deps.views.registry(), q, (claim) => deps.views.reviewOf('claim', `${claim.doc}|${claim.claim.id}`)?.corrections.source) : () => true;
    if (q.scope !== 'documents') {
      for (const hit of hits.slice(0, CLAIM_DOCS)) {
        const doc = await deps.store.getDocument(hit.id);
        if (!doc) continue;
        for (const lc of ledgerClaimsOf(doc)) {
          const view = claimView(lc);
          if (matchesSearch(`${view.sentence ?? ''} ${view.readable} ${view.source.name}`, q.q) && wanted(view)) claims.push(view);
          if (claims.length >= q.limit) break;
        }
        if (claims.length >= q.limit) break;
      }
    }
    let entities: Array<{ key: string; name: string; kind: string; side: string; registry?: string; registryName?: string }> = [];
    if (q.scope === 'all') {
      const needle = q.q.toLowerCase();
      const sources = deps.views.registry();
      const registry = sources.entries
        .filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(needle)))
        .map((e) => ({ key: `source:${e.id}`, name: e.name, kind: e.kind, side: e.side, registry: e.id, registryName: e.name }));
      // A ledger source the registry knows (by its actor key or name) names its entry, so the page can link to its grade.
      const ledgerEntities = deps.store.browse ? (await deps.store.browse.listEntities({ q: q.q, limit: q.limit, offset: 0 })).entities.map((e) => {
        const entry = sources.entryOf({ source: { key: e.key, name: e.name, kind: e.kind as never, side: e.side }, outlet: null, url: null });
        return { ...e, ...(entry ? { registry: entry.id, registryName: entry.name } : {}) };
      }) : [];
      const listed = new Set(ledgerEntities.flatMap((e) => (e.registry ? [e.registry] : [])));
      entities = [...ledgerEntities, ...registry.filter((e) => !listed.has(e.registry))];
      if (filtered) {
        // A source passes as its claims would: its registry entry (none: `unregistered`) by id, kind and grade.
        const byId = new Map(sources.entries.map((e) => [e.id, e]));
        entities = entities.filter((e) => registryEntryPasses(e.registry ? byId.get(e.registry) : undefined, q));
      }
      entities = entities.slice(0, q.limit);
    }
    return c.json({
      query: q.q,
      documents: q.scope === 'claims' ? [] : hits.slice(0, q.limit),
      claims: await deps.views.claims(claims),
      entities,
    });
  });
  return app;
}

export const searchRoutes: RouteModule = {
  base: '/api/search',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'Full-text search over documents and the claims read from them, and names', tags: ['documents'],
        description: "The store's full-text search (SQLite FTS5, PostgreSQL text search). Any text is safe: each word is searched as it is or by its stem (Russia's, \"quotes\", AND, * are words, not syntax).",
        parameters: queryParameters(searchQuery),
        responses: {
          '200': jsonResponse('Matches, best first.', {
            type: 'object', required: ['query', 'documents', 'claims', 'entities'],
            properties: {
              query: { type: 'string' },
              documents: { type: 'array', items: { type: 'object', description: 'id, title, outlet, url, published, language, source, snippet, highlights ([start, end) in snippet), duplicateOf, analyzed' } },
              claims: { type: 'array', items: { type: 'object', description: 'claims as /api/claims shows them' } },
              entities: { type: 'array', items: { type: 'object', description: 'key, name, kind, side; registry: the registry id for a registry entry' } },
            },
          }),
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
