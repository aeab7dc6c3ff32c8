import { Hono } from 'hono';
import { z } from 'zod';
import { EXPORT_FORMATS, exportLedger, type ExportFormat, type LedgerSnapshot } from '../../ledger/index.js';
import { ledgerKeyOfPlaceId } from '../ledger-view.js';
import { STANDARD_ERRORS, errorResponse, pathParameter, queryParameters } from '../openapi.js';
import { parseParam, parseQuery } from '../validate.js';
import { isoDate } from './claims.js';
import type { RouteDeps, RouteModule } from './route-module.js';

/**
 * Claims per export at most. An export is built in memory (the ledger's
 * exporters are pure functions of a snapshot), so its size is bounded here;
 * `counterclaim export` is the way to a whole large ledger.
 */
export const MAX_EXPORT_CLAIMS = 20_000;
/** Contradictions read for an export at most (then kept only where one of their claims is exported). */
const MAX_EXPORT_CONTRADICTIONS = 20_000;

export const exportQuery = z.object({
  place: z.string().min(1).max(200).optional().describe('Only the claims, contradictions and timeline of this place (id geonames-704422 / name-pokrovsk, or a name).'),
  side: z.string().regex(/^[A-Za-z]{2,10}$/, 'must be a side code like RU, UA, MEDIA').optional().describe('Only claims whose source speaks for this side.'),
  since: isoDate.optional().describe('Only claims about this date (YYYY-MM-DD) or later.'),
  limit: z.coerce.number().int().min(1).max(MAX_EXPORT_CLAIMS).default(MAX_EXPORT_CLAIMS).describe(`At most this many claims, newest first (1-${MAX_EXPORT_CLAIMS}).`),
});

const format = z.enum(EXPORT_FORMATS);

/** Media type and file extension per format (ClaimReview is schema.org JSON-LD; PLOVER events are JSON). */
export const EXPORT_MEDIA: Readonly<Record<ExportFormat, { readonly type: string; readonly ext: string }>> = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  csv: { type: 'text/csv; charset=utf-8; header=present', ext: 'csv' },
  geojson: { type: 'application/geo+json; charset=utf-8', ext: 'geojson' },
  kml: { type: 'application/vnd.google-earth.kml+xml; charset=utf-8', ext: 'kml' },
  plover: { type: 'application/json; charset=utf-8', ext: 'plover.json' },
  claimreview: { type: 'application/ld+json; charset=utf-8', ext: 'claimreview.jsonld' },
};

/** `counterclaim-pokrovsk-ua-since-2025-11-01.csv`: only [a-z0-9.-], so the header needs no quoting rules. */
export function exportFilename(f: ExportFormat, q: { place?: string | undefined; side?: string | undefined; since?: string | undefined }): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  const parts = ['counterclaim', q.place ? slug(q.place) : '', q.side ? slug(q.side) : '', q.since ? `since-${q.since}` : ''].filter(Boolean);
  return `${parts.join('-')}.${EXPORT_MEDIA[f].ext}`;
}

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/:format', async (c) => {
    const f = parseParam(c, 'format', format);
    const q = parseQuery(c, exportQuery);
    const ledger = deps.store.ledger;
    const place = q.place ? ledgerKeyOfPlaceId(q.place) : undefined;
    // The same selection as `counterclaim export` (src/cli/export.ts).
    const claims = await ledger.listClaims({ ...(place ? { place } : {}), ...(q.side ? { side: q.side } : {}), ...(q.since ? { since: q.since } : {}), limit: q.limit });
    const selected = new Set(claims.map((x) => `${x.doc}\u0000${x.claim.id}`));
    const filtered = q.side !== undefined || q.since !== undefined || claims.length >= q.limit;
    const contradictions = (await ledger.listContradictions({ ...(place ? { place } : {}), limit: MAX_EXPORT_CONTRADICTIONS }))
      .filter((x) => !filtered || selected.has(`${x.a.doc}\u0000${x.a.claim}`) || selected.has(`${x.b.doc}\u0000${x.b.claim}`));
    const timelines = place ? [await ledger.timeline(place)].filter((t) => t !== null) : await ledger.listPlaces();
    const snapshot: LedgerSnapshot = { claims, contradictions, timelines };
    // ClaimReview's `url` and KML's links: this server's page for each claim.
    const baseUrl = `${new URL(c.req.url).origin}/`;
    return c.body(exportLedger(f, snapshot, { baseUrl }), 200, {
      'Content-Type': EXPORT_MEDIA[f].type,
      'Content-Disposition': `attachment; filename="${exportFilename(f, q)}"`,
      'X-Counterclaim-Claims': String(claims.length),
      'X-Counterclaim-Truncated': String(claims.length >= q.limit),
    });
  });
  return app;
}

export const exportRoutes: RouteModule = {
  base: '/api/export',
  create,
  openapi: {
    '/{format}': {
      get: {
        summary: 'The ledger (or a place, side or date range of it) as a file: json, csv (ACLED columns), geojson, kml, plover, claimreview (schema.org JSON-LD)', tags: ['ledger'],
        description: `Sent as an attachment (Content-Disposition) with the format's media type. At most ${MAX_EXPORT_CLAIMS} claims, newest first; X-Counterclaim-Truncated says when the limit cut the selection (use \`counterclaim export\` for more).`,
        parameters: [pathParameter('format', 'The export format.', { type: 'string', enum: [...EXPORT_FORMATS] }), ...queryParameters(exportQuery)],
        responses: {
          '200': { description: 'The export.', content: Object.fromEntries(EXPORT_FORMATS.map((f) => [EXPORT_MEDIA[f].type.split(';')[0]!, { schema: f === 'csv' || f === 'kml' ? { type: 'string' } : f === 'plover' ? { type: 'array', items: { type: 'object' } } : { type: 'object' } }])) },
          '404': errorResponse('The store keeps no ledger.'), ...STANDARD_ERRORS,
        },
      },
    },
  },
};
