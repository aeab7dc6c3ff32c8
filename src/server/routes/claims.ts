import { Hono } from 'hono';
import { z } from 'zod';
import type { Predicate, Stance } from '../../model/index.js';
import { RELIABILITY, SOURCE_KINDS, sourceId, type SourceEntry, type SourceRegistry } from '../../ledger/source-registry.js';
import type { LedgerClaim } from '../../ledger/index.js';
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
  registry: sourceId.optional().describe('Only claims whose source is this source registry entry (GET /api/sources), as reviewed.'),
  sourceKind: z.enum([...SOURCE_KINDS, 'unregistered']).optional().describe('Only claims whose source\'s registry entry is of this kind; `unregistered`: sources the registry does not know.'),
  reliability: z.enum(RELIABILITY).optional().describe('Only claims whose source\'s registry grade is this or better (B: A and B); unregistered sources are left out.'),
});

/** Claims read at most to fill one page filtered by the registry (its entries are not in the store: the filter runs here). */
export const REGISTRY_SCAN = 20_000;
const SCAN_WINDOW = 500;

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = parseQuery(c, claimListQuery);
    const ledger = deps.store.ledger;
    const filters = {
      ...(q.place ? { place: ledgerKeyOfPlaceId(q.place) } : {}), ...(q.side ? { side: q.side } : {}),
      ...(q.since ? { since: q.since } : {}), ...(q.predicate ? { predicate: q.predicate } : {}),
      ...(q.stance ? { stance: q.stance } : {}), ...(q.until ? { until: q.until } : {}), ...(q.entity ? { entity: q.entity } : {}), ...(q.outlet ? { outlet: q.outlet } : {}),
    };
    await deps.views.refresh();
    if (q.registry === undefined && q.sourceKind === undefined && q.reliability === undefined) {
      // Every filter and the offset are applied by the ledger reader in SQL (both backends), so a page
      // reads and parses only its own rows plus one to tell whether there is a next page.
      const claims = await ledger.listClaims({ ...filters, offset: q.offset, limit: q.limit + 1 });
      const items = await deps.views.claims(claims.slice(0, q.limit).map(claimView));
      return c.json(page(items, q.limit, q.offset, null, claims.length > q.limit));
    }
    // The registry lives beside the store (a file and the desk's edits), so its filters run here,
    // over the claims the SQL filters leave, a window at a time, until the page is full or
    // REGISTRY_SCAN claims were read (then `next` says there may be more).
    const wanted = registryFilter(deps.views.registry(), q, (claim) => deps.views.reviewOf('claim', `${claim.doc}|${claim.claim.id}`)?.corrections.source);
    const kept: LedgerClaim[] = [];
    let scanned = 0;
    let exhausted = false;
    while (kept.length <= q.offset + q.limit && scanned < REGISTRY_SCAN) {
      const window = await ledger.listClaims({ ...filters, offset: scanned, limit: SCAN_WINDOW });
      scanned += window.length;
      for (const claim of window) if (wanted(claim)) kept.push(claim);
      if (window.length < SCAN_WINDOW) {
        exhausted = true;
        break;
      }
    }
    const items = await deps.views.claims(kept.slice(q.offset, q.offset + q.limit).map(claimView));
    return c.json(page(items, q.limit, q.offset, null, kept.length > q.offset + q.limit || !exhausted));
  });
  return app;
}

/**
 * Whether a claim's source passes the registry filters: its entry (the one a review corrected
 * the source to, else the registry's match for its source or outlet) is `registry`, of kind
 * `sourceKind` (or there is none, for `unregistered`), graded `reliability` or better.
 */
export function registryFilter(
  registry: SourceRegistry, q: { readonly registry?: string | undefined; readonly sourceKind?: string | undefined; readonly reliability?: string | undefined },
  correctedSource: (claim: LedgerClaim) => string | undefined,
): (claim: LedgerClaim) => boolean {
  return (claim) => {
    const corrected = correctedSource(claim);
    return registryEntryPasses((corrected !== undefined ? registry.get(corrected) : undefined) ?? registry.entryOf(claim), q);
  };
}

/** Whether a registry entry (undefined: a source the registry does not know) passes the registry filters. */
export function registryEntryPasses(entry: SourceEntry | undefined, q: { readonly registry?: string | undefined; readonly sourceKind?: string | undefined; readonly reliability?: string | undefined }): boolean {
  if (q.registry !== undefined && entry?.id !== q.registry) return false;
  if (q.sourceKind !== undefined && (q.sourceKind === 'unregistered' ? entry !== undefined : entry?.kind !== q.sourceKind)) return false;
  return q.reliability === undefined || (entry !== undefined && entry.reliability <= q.reliability);
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
