import type { PlaceTotals } from '../../store/browse-reader.js';
import { Hono } from 'hono';
import { z } from 'zod';
import { groupClaims } from '../../ledger/index.js';
import { itemId, type ControlStatus, type PlaceMention } from '../../model/index.js';
import type { Store, StoredItem } from '../../store/store.js';
import { ApiError } from '../errors.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pageSchema, pathParameter, queryParameters } from '../openapi.js';
import { page, pageQuery, parseParam, parseQuery } from '../validate.js';
import { claimView, ledgerKeyOfPlaceId, listContradictionViews, placeIdOfLedgerKey } from '../ledger-view.js';
import type { RouteDeps, RouteModule } from './route-module.js';
import { isoDate } from './claims.js';

/**
 * The control status of a place: its ledger control timeline's latest state,
 * or 'mentioned' where the ledger has no control claims about it.
 */
export const PLACE_STATUSES = ['mentioned', 'held', 'contested', 'claimed-captured', 'confirmed-captured'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

/** A place aggregated over every mention of it in the store, with its control status from the ledger. */
export interface PlaceSummary extends PlaceTotals {
  readonly status: PlaceStatus;
  /** The side holding or claiming it (held, claimed or confirmed captured). */
  readonly statusBy: string | null;
  /** A claimed capture the other side denies. */
  readonly denied: boolean;
  /** The date the current status holds from. */
  readonly statusSince: string | null;
  /**
   * The sides holding or said to be present: one for held and captured, every
   * side present for contested (partial control), none when only mentioned.
   */
  readonly statusSides: readonly string[];
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
  asOf: isoDate.optional().describe('The control status as of this day (YYYY-MM-DD): the control timeline replayed up to it. Default: the latest.'),
});

/** Mentions come with their documents' titles and sentences: a small page by default, more through /{id}/mentions. */
const mentionQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('Mentions per page (1-200).'),
});

/**
 * The place panel's query: its `limit` and `offset` page the mentions, as in
 * /{id}/mentions, except that `limit=0` asks for their count alone. The web UI
 * asks for none: mentions sit in a closed box it fills when opened, so a click
 * on a place does not wait for a page of them, each with its document and
 * sentence read (the page itself walks an index since migration 13: 9 ms for
 * Pokrovsk at 100,000 documents; it sorted every mention before, 1.8 s).
 */
const placeDetailQuery = mentionQuery.extend({
  limit: z.coerce.number().int().min(0).max(200).default(20).describe('Mentions per page (0-200; 0: only their total).'),
  asOf: isoDate.optional().describe('As of this day (YYYY-MM-DD): the timeline up to it, claims and contradictions dated up to it. Default: everything.'),
});

export const placeId = z.string().max(300).regex(/^(geonames-\d{1,12}|name-[^/]{1,200})$/, 'must be a place id like geonames-698740 or name-pokrovsk');

type MentionDocument = Pick<PlaceMentionRef, 'title' | 'published' | 'outlet'>;

/** The document header of each mention's document (one per document) and the sentence holding it (one indexed lookup per mention). */
async function withDocumentsAndSentences(store: Store, rows: ReadonlyArray<StoredItem<'places'>>): Promise<PlaceMentionRef[]> {
  const headers = new Map<string, MentionDocument>();
  for (const h of await store.getDocumentSummaries([...new Set(rows.map((row) => row.docId))])) headers.set(h.id, { title: h.title, published: h.date, outlet: h.outlet });
  const out: PlaceMentionRef[] = [];
  for (const { docId, item } of rows) {
    const doc = headers.get(docId) ?? { title: null, published: null, outlet: null };
    const found = await store.sentenceAt(docId, item.span);
    // Sentence ids are their kind and span (itemId, src/model/item.ts), so the id needs no extra column.
    const sentence = found ? { id: itemId('sentence', [found.span[0], found.span[1]]), text: found.text, span: [found.span[0], found.span[1]] as const } : null;
    out.push({ docId, title: doc.title, published: doc.published, outlet: doc.outlet, item, sentence });
  }
  return out;
}


type StatusFields = Pick<PlaceSummary, 'status' | 'statusBy' | 'denied' | 'statusSince' | 'statusSides'>;

/**
 * The sides a contested status found present. The ledger names them only in its
 * `why` ("UA present according to ...; RU present according to ...",
 * control-timeline.ts), so they are read from there.
 */
function presentSides(status: ControlStatus): string[] {
  return [...status.why.matchAll(/(?:^|; )([A-Za-z]{2,10}) present according to /g)].map((m) => m[1]!);
}

/** A timeline cut at a day: the statuses from on or before it (all of them without a day). */
export const timelineAsOf = (timeline: readonly ControlStatus[], asOf: string | undefined): readonly ControlStatus[] =>
  asOf === undefined ? timeline : timeline.filter((s) => s.from <= asOf);

/** The current control status of a place from its ledger timeline. */
function statusFields(timeline: readonly ControlStatus[] | undefined): StatusFields {
  const last = timeline?.at(-1);
  if (!last || last.state === 'unknown') return { status: 'mentioned', statusBy: null, denied: false, statusSince: null, statusSides: [] };
  const statusSides = last.state === 'contested' ? presentSides(last) : last.by ? [last.by] : [];
  return { status: last.state, statusBy: last.by, denied: last.denied, statusSince: last.from, statusSides };
}

/** A status corrected by a review holds for the side it names; contested keeps the sides the ledger found. */
function withReviewedSides<T extends { status: string; statusBy: string | null; statusSides: readonly string[]; automaticStatus?: unknown }>(place: T): T {
  if (place.automaticStatus === undefined || place.status === 'contested') return place;
  return { ...place, statusSides: place.status === 'mentioned' || !place.statusBy ? [] : [place.statusBy] };
}

/**
 * A value computed from the ledger, kept until the ledger changes (deps.ledgerVersion: a write
 * through this server or anyone's). At 100,000 documents the timelines alone are a second of
 * reads and parsing: recomputing them every few seconds whether or not anything was written made
 * the map's first view wait for them (issue 18).
 */
export function cached<T>(deps: Pick<RouteDeps, 'ledgerVersion'>, compute: () => Promise<T>): () => Promise<T> {
  let cache: { version: string; value: Promise<T> } | null = null;
  return async () => {
    const version = await deps.ledgerVersion();
    if (!cache || cache.version !== version) {
      const value = compute();
      cache = { version, value };
      value.catch(() => { if (cache?.value === value) cache = null; });
    }
    return cache.value;
  };
}

/** Mentions of one place, a page of them, with the sentence each sits in. */
export async function mentionPage(store: Store, id: string, limit: number, offset: number): Promise<PlaceMentionRef[]> {
  return withDocumentsAndSentences(store, await store.browse.placeMentions(id, { limit, offset }));
}

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  // Place id -> control timeline: the ledger keeps one per place with control claims (a few thousand at most).
  const timelines = cached(deps, async () => new Map((await deps.placeTimelines()).map((t) => [placeIdOfLedgerKey(t.place), t.statuses])));
  const withStatus = async (places: readonly Omit<PlaceSummary, keyof StatusFields>[], asOf?: string): Promise<PlaceSummary[]> => {
    const byId = await timelines();
    await deps.views.refresh();
    // Reviewed claims change the timeline at every date (a rejected claim never counted); a review of the
    // status itself decides today's status only: as of a past day the (reviewed) timeline speaks alone.
    const reviewed = (p: { id: string }) => deps.views.timeline(p.id, byId.get(p.id) ?? []);
    if (asOf !== undefined) return places.map((p) => ({ ...p, ...statusFields(timelineAsOf(reviewed(p).statuses, asOf)) }));
    return places.map((p) => {
      const { statuses, automatic } = reviewed(p);
      const fields = statusFields(statuses);
      const auto = automatic ? statusFields(automatic) : fields;
      const byClaims = auto.status !== fields.status || auto.statusBy !== fields.statusBy ? { automaticStatus: { status: auto.status, statusBy: auto.statusBy } } : {};
      const shown = deps.views.status({ ...p, ...fields, ...byClaims });
      return withReviewedSides(shown.automaticStatus ? { ...shown, automaticStatus: { ...(byClaims.automaticStatus ?? shown.automaticStatus) } } : shown);
    });
  };

  app.get('/', async (c) => {
    const { limit, offset, q, country, located, asOf } = parseQuery(c, placeListQuery);
    const { places, total } = await deps.store.browse.listPlaces({ limit, offset, ...(q ? { q } : {}), ...(country ? { country } : {}), ...(located ? { located: located === 'true' } : {}) });
    return c.json(page(await withStatus(places, asOf), limit, offset, total));
  });

  // The mentions alone, a page at a time: the panel shows a few with the place and loads more on demand.
  app.get('/:id/mentions', async (c) => {
    const { limit, offset } = parseQuery(c, mentionQuery);
    const id = parseParam(c, 'id', placeId);
    const found = await deps.store.browse.getPlace(id);
    if (!found) throw new ApiError('not-found', `no place ${id}`);
    return c.json(page(await mentionPage(deps.store, id, limit, offset), limit, offset, found.mentions));
  });

  app.get('/:id', async (c) => {
    const { limit, offset, asOf } = parseQuery(c, placeDetailQuery);
    const id = parseParam(c, 'id', placeId);
    const found = await deps.store.browse.getPlace(id);
    if (!found) throw new ApiError('not-found', `no place ${id}`);
    const [place] = await withStatus([found], asOf);
    const ledger = deps.store.ledger;
    const key = ledgerKeyOfPlaceId(id);
    const timeline = timelineAsOf(deps.views.timeline(id, (await timelines()).get(id) ?? []).statuses, asOf);
    const until = asOf ? { until: asOf } : {};
    // The newest page of the place's claims, and one more to tell whether older ones exist;
    // the rest, a page at a time, through /api/claims?place=ID&offset=N (the same order).
    const newest = await ledger.listClaims({ place: key, ...until, limit: PLACE_CLAIMS_PAGE + 1 });
    const claims = newest.slice(0, PLACE_CLAIMS_PAGE);
    // Groups of the claims returned, so every count is over claims the reader can see; a client
    // holding more pages groups them all the same way (the web UI calls groupClaims too).
    const groups = groupClaims(claims).map((g) => ({
      proposition: g.proposition, readable: claimView(g.claims[0]!).readable, window: g.window, corroboration: g.corroboration,
      claims: g.claims.map((x) => ({ doc: x.doc, claim: x.claim.id })),
    }));
    const contradictions = await listContradictionViews(deps.store, { place: id, ...until, limit: PLACE_CONTRADICTIONS_PAGE, offset: 0 });
    const mentions = limit === 0 ? [] : await mentionPage(deps.store, id, limit, offset);
    return c.json({
      place, timeline,
      claims: await deps.views.claims(claims.map(claimView)), claimsMore: newest.length > PLACE_CLAIMS_PAGE,
      groups, contradictions: await deps.views.contradictions(contradictions.items), contradictionsTotal: contradictions.total,
      mentions: page(mentions, limit, offset, place!.mentions),
    });
  });
  return app;
}

/**
 * Claims of one place returned with it, the newest first; older ones through
 * /api/claims?place=. A page, not every claim (it was the newest 500: 0.9 MB of
 * JSON for Pokrovsk, parsed, grouped and serialised on every click), since the
 * panel shows a screenful and the ledger pages in SQL at any offset (issue 7).
 */
export const PLACE_CLAIMS_PAGE = 50;

/**
 * Contradictions returned with a place, the newest first (each carries both its
 * claims in full, some 7 kB); the rest on the board, /api/contradictions?place=.
 */
export const PLACE_CONTRADICTIONS_PAGE = 20;

const placeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, geonameId: { type: ['integer', 'null'] },
    lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] }, country: { type: ['string', 'null'] }, admin1: { type: ['string', 'null'] },
    status: { type: 'string', enum: [...PLACE_STATUSES], description: "The ledger's current control status; 'mentioned' without control claims." },
    statusBy: { type: ['string', 'null'], description: 'Side holding or claiming it.' }, denied: { type: 'boolean', description: 'A claimed capture the other side denies.' },
    statusSince: { type: ['string', 'null'], description: 'Date the status holds from.' },
    statusSides: { type: 'array', items: { type: 'string' }, description: 'Sides holding it (held, captured) or present (contested: partial control); empty when only mentioned.' },
    mentions: { type: 'integer' }, documents: { type: 'integer' },
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
        summary: 'One place: its control timeline, its newest claims (a page of 50) with corroboration per proposition, its newest contradictions (20), and a page of its mentions with the sentence of each', tags: ['places'],
        description: 'Older claims: `/api/claims?place={id}&offset={number of claims returned}`, in the same order; every contradiction: `/api/contradictions?place={id}`. `limit` and `offset` page the mentions; `limit=0` returns only their total.',
        parameters: [pathParameter('id', 'Place id: geonames-ID or name-NAME.'), ...queryParameters(placeDetailQuery)],
        responses: {
          '200': jsonResponse('The place, its ledger and a page of its mentions.', { type: 'object', properties: {
            place: placeSchema, timeline: { type: 'array', items: { type: 'object', description: 'ControlStatus: from, state, by, denied, why, claims.' } },
            claims: { type: 'array', maxItems: PLACE_CLAIMS_PAGE, items: { type: 'object', description: 'Ledger claim with readable, placeId, date; newest first.' } },
            claimsMore: { type: 'boolean', description: 'Older claims exist: /api/claims?place={id}&offset={claims.length}.' },
            groups: { type: 'array', items: { type: 'object', description: 'Claims of one proposition at overlapping times, with corroboration per side, over the claims returned.' } },
            contradictions: { type: 'array', maxItems: PLACE_CONTRADICTIONS_PAGE, items: { type: 'object', description: 'As in /api/contradictions; newest first.' } },
            contradictionsTotal: { type: 'integer', description: 'Contradictions about the place in all: /api/contradictions?place={id}.' },
            mentions: pageSchema({ type: 'object' }) } }),
          '404': errorResponse('No such place.'),
          ...STANDARD_ERRORS,
        },
      },
    },
    '/{id}/mentions': {
      get: {
        summary: 'A page of the mentions of one place, each with its document (title, date, outlet) and the sentence it sits in, in document then text order', tags: ['places'],
        parameters: [pathParameter('id', 'Place id: geonames-ID or name-NAME.'), ...queryParameters(mentionQuery)],
        responses: { '200': jsonResponse('A page of mentions.', pageSchema({ type: 'object' })), '404': errorResponse('No such place.'), ...STANDARD_ERRORS },
      },
    },
  },
};
