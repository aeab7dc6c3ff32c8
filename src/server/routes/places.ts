import { Hono } from 'hono';
import { z } from 'zod';
import type { PlaceMention } from '../../model/index.js';
import type { Store, StoredItem } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pageSchema, pathParameter, queryParameters } from '../openapi.js';
import { page, pageQuery, parseParam, parseQuery } from '../validate.js';
import type { RouteDeps, RouteModule } from './route-module.js';

/**
 * The control status of a place. Until the ledger exists every place is only
 * 'mentioned'; the ledger's control timeline fills in the others.
 */
export const PLACE_STATUSES = ['mentioned', 'held', 'contested', 'claimed-captured', 'confirmed-captured'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

/** A place aggregated over every mention of it in the store. */
export interface PlaceSummary {
  /** `geonames-498817` for a resolved place, `name-pokrovsk` for an unresolved one. */
  readonly id: string;
  readonly name: string;
  readonly geonameId: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly status: PlaceStatus;
  readonly mentions: number;
  readonly documents: number;
  /** The forms the texts used ("Pokrovsk", "Krasnoarmeysk"), most frequent first. */
  readonly forms: readonly string[];
}

export interface PlaceMentionRef {
  readonly docId: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly item: PlaceMention;
  readonly sentence: { readonly id: string; readonly text: string; readonly span: readonly [number, number] } | null;
}

export const placeListQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(5000).default(500).describe('Places per page (1-5000).'),
  q: z.string().min(1).max(200).optional().describe('Case-insensitive text searched in the name and the forms used.'),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like UA').optional().describe('ISO 3166-1 alpha-2 country code.'),
  located: z.enum(['true', 'false']).optional().describe('Only places with (true) or without (false) coordinates.'),
});

export const placeId = z.string().max(300).regex(/^(geonames-\d{1,12}|name-[^/]{1,200})$/, 'must be a place id like geonames-698740 or name-pokrovsk');

export function placeKey(place: PlaceMention): string {
  if (place.geonameId !== null && place.geonameId !== undefined) return `geonames-${place.geonameId}`;
  return `name-${(place.name ?? place.text).trim().toLowerCase().replace(/\s+/g, '-')}`;
}

const BATCH = 50_000;

async function allItems(store: Store, kind: string): Promise<StoredItem[]> {
  const out: StoredItem[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const rows = await store.listItems(kind, { limit: BATCH, offset });
    out.push(...rows);
    if (rows.length < BATCH) return out;
  }
}

/** Every place in the store with its mention counts, most mentioned first, then by name. */
export async function aggregatePlaces(store: Store): Promise<PlaceSummary[]> {
  const byKey = new Map<string, { first: PlaceMention; mentions: number; docs: Set<string>; forms: Map<string, number> }>();
  for (const row of await allItems(store, 'places')) {
    const place = row.item as unknown as PlaceMention;
    const key = placeKey(place);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { first: place, mentions: 0, docs: new Set(), forms: new Map() }));
    entry.mentions++;
    entry.docs.add(row.docId);
    entry.forms.set(place.text, (entry.forms.get(place.text) ?? 0) + 1);
  }
  const places = [...byKey].map(([id, { first, mentions, docs, forms }]): PlaceSummary => ({
    id,
    name: first.name ?? first.text,
    geonameId: first.geonameId ?? null,
    lat: first.lat ?? null,
    lon: first.lon ?? null,
    country: first.country ?? null,
    admin1: first.admin1 ?? null,
    status: 'mentioned',
    mentions,
    documents: docs.size,
    forms: [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([form]) => form),
  }));
  return places.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Mentions of one place with the sentence each sits in, in document then text order. */
export async function placeMentions(store: Store, id: string): Promise<PlaceMentionRef[]> {
  const rows = (await allItems(store, 'places')).filter((row) => placeKey(row.item as unknown as PlaceMention) === id);
  const out: PlaceMentionRef[] = [];
  const docCache = new Map<string, { title: string | null; published: string | null; outlet: string | null; sentences: StoredItem[] }>();
  for (const row of rows) {
    let doc = docCache.get(row.docId);
    if (!doc) {
      const full = await store.getDocument(row.docId);
      const sentences = await store.listItems('sentences', { docId: row.docId, limit: 100_000 });
      doc = { title: full?.title ?? null, published: full?.published ?? null, outlet: full?.outlet ?? null, sentences };
      docCache.set(row.docId, doc);
    }
    const item = row.item as unknown as PlaceMention;
    const sentence = doc.sentences.find((s) => {
      const span = s.item.span as [number, number];
      return span[0] <= item.span[0] && item.span[1] <= span[1];
    });
    out.push({
      docId: row.docId, title: doc.title, published: doc.published, outlet: doc.outlet, item,
      sentence: sentence ? { id: sentence.item.id, text: sentence.item.text as string, span: sentence.item.span as [number, number] } : null,
    });
  }
  return out;
}

/** Aggregates are recomputed at most every few seconds, and at once after a write through this server. */
const CACHE_MS = 5000;

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  let cache: { generation: number; at: number; places: Promise<PlaceSummary[]> } | null = null;
  const places = () => {
    const now = Date.now();
    if (!cache || cache.generation !== deps.generation() || now - cache.at > CACHE_MS) {
      cache = { generation: deps.generation(), at: now, places: aggregatePlaces(deps.store) };
      cache.places.catch(() => { cache = null; });
    }
    return cache.places;
  };
  app.get('/', async (c) => {
    const { limit, offset, q, country, located } = parseQuery(c, placeListQuery);
    const needle = q?.toLowerCase();
    const all = (await places()).filter((p) =>
      (needle === undefined || p.name.toLowerCase().includes(needle) || p.forms.some((f) => f.toLowerCase().includes(needle)))
      && (country === undefined || p.country === country)
      && (located === undefined || (located === 'true') === (p.lat !== null && p.lon !== null)));
    return c.json(page(all.slice(offset, offset + limit), limit, offset, all.length));
  });
  app.get('/:id', async (c) => {
    const { limit, offset } = parseQuery(c, pageQuery);
    const id = parseParam(c, 'id', placeId);
    const place = (await places()).find((p) => p.id === id);
    if (!place) throw new ApiError('not-found', `no place ${id}`);
    const mentions = await placeMentions(deps.store, id);
    return c.json({ place, mentions: page(mentions.slice(offset, offset + limit), limit, offset, mentions.length) });
  });
  return app;
}

const placeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, geonameId: { type: ['integer', 'null'] },
    lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] }, country: { type: ['string', 'null'] }, admin1: { type: ['string', 'null'] },
    status: { type: 'string', enum: [...PLACE_STATUSES] }, mentions: { type: 'integer' }, documents: { type: 'integer' },
    forms: { type: 'array', items: { type: 'string' } },
  },
};

export const placeRoutes: RouteModule = {
  base: '/api/places',
  create,
  openapi: {
    '/': {
      get: {
        summary: 'Places mentioned in the store, aggregated by gazetteer id (or name when unresolved), most mentioned first', tags: ['places'],
        parameters: queryParameters(placeListQuery),
        responses: { '200': jsonResponse('A page of places.', pageSchema(placeSchema)), ...STANDARD_ERRORS },
      },
    },
    '/{id}': {
      get: {
        summary: 'One place with its mentions and the sentence of each', tags: ['places'],
        parameters: [pathParameter('id', 'Place id: geonames-ID or name-NAME.'), ...queryParameters(pageQuery)],
        responses: {
          '200': jsonResponse('The place and a page of its mentions.', { type: 'object', properties: { place: placeSchema, mentions: pageSchema({ type: 'object' }) } }),
          '404': errorResponse('No such place.'),
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
