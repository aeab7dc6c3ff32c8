import { Hono } from 'hono';
import { z } from 'zod';
import type { LedgerClaim } from '../../ledger/index.js';
import type { ControlStatus } from '../../model/index.js';
import { addDays } from '../../read/claims/time-window.js';
import { ApiError } from '../errors.js';
import { claimView, ledgerKeyOfPlaceId, listContradictionViews, placeIdOfLedgerKey } from '../ledger-view.js';
import { STANDARD_ERRORS, errorResponse, jsonResponse, pathParameter, queryParameters } from '../openapi.js';
import { parseParam, parseQuery } from '../validate.js';
import { isoDate } from './claims.js';
import { cached, placeId, timelineAsOf } from './places.js';
import type { RouteDeps, RouteModule } from './route-module.js';

/**
 * Counts the web UI draws as charts (src/web/charts.ts), computed here so a
 * chart reads a few kilobytes, not every claim: claims per day at a place by
 * side with its control status beneath, events per week by type and side, and
 * contradictions per week. Ledger-wide counts are cached like the place list
 * (recomputed after a write through this server or after a few seconds).
 */

/** The Monday of the ISO week of a day (YYYY-MM-DD). */
export function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  return addDays(day, -weekday);
}

const dayOf = (c: LedgerClaim): string | null => {
  const d = claimView(c).date;
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
};

/** The side doing what a claim reports (its actor, `force:RU`), else the side of whoever said it. */
const actingSide = (c: LedgerClaim): string => {
  const actor = c.claim.args.find((a) => a.role === 'actor' && a.key.startsWith('force:'));
  return actor ? actor.key.slice('force:'.length) : 'unattributed';
};

const BATCH = 20_000;

async function allClaims(deps: RouteDeps, query: { place?: string; until?: string } = {}): Promise<LedgerClaim[]> {
  const ledger = deps.store.ledger;
  const out: LedgerClaim[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const rows = await ledger.listClaims({ ...query, offset, limit: BATCH });
    out.push(...rows);
    if (rows.length < BATCH) return out;
  }
}

const increment = (counts: Record<string, number>, key: string): void => { counts[key] = (counts[key] ?? 0) + 1; };

export interface WeekCount { readonly week: string; readonly total: number; readonly by: Readonly<Record<string, number>> }

/** Counts per week keyed by one field, weeks in order with empty weeks between filled in (a chart's axis is time, not a list). */
function perWeek(entries: Iterable<{ day: string; key: string }>): WeekCount[] {
  const weeks = new Map<string, Record<string, number>>();
  for (const { day, key } of entries) {
    const w = weekOf(day);
    const counts = weeks.get(w) ?? {};
    increment(counts, key);
    weeks.set(w, counts);
  }
  const ordered = [...weeks.keys()].sort();
  const out: WeekCount[] = [];
  for (let w = ordered[0]; w !== undefined && w <= ordered.at(-1)!; w = addDays(w, 7)) {
    const by = weeks.get(w) ?? {};
    out.push({ week: w, total: Object.values(by).reduce((a, b) => a + b, 0), by });
  }
  return out;
}

/** Series keys by their total, largest first. */
const seriesOf = (weeks: readonly WeekCount[]): string[] => {
  const totals: Record<string, number> = {};
  for (const w of weeks) for (const [k, n] of Object.entries(w.by)) totals[k] = (totals[k] ?? 0) + n;
  return Object.keys(totals).sort((a, b) => totals[b]! - totals[a]! || a.localeCompare(b));
};

/**
 * Events per week: each proposition reported in a week counts once however many
 * sources repeat it (a claim is a report of an event; ten outlets repeating one
 * strike are one strike), by its predicate and by the side doing it. `said`
 * (no event vocabulary matched) is left out.
 */
export function eventsPerWeek(claims: readonly LedgerClaim[]): { byType: WeekCount[]; bySide: WeekCount[]; types: string[]; sides: string[] } {
  const seen = new Map<string, LedgerClaim>();
  for (const c of claims) {
    const day = dayOf(c);
    if (!day || c.claim.predicate === 'said' || c.claim.modality !== 'asserted') continue;
    const key = `${weekOf(day)}|${c.claim.proposition}`;
    if (!seen.has(key)) seen.set(key, c);
  }
  const events = [...seen.values()].map((c) => ({ day: dayOf(c)!, type: c.claim.predicate, side: actingSide(c) }));
  const byType = perWeek(events.map((e) => ({ day: e.day, key: e.type })));
  const bySide = perWeek(events.map((e) => ({ day: e.day, key: e.side })));
  return { byType, bySide, types: seriesOf(byType), sides: seriesOf(bySide) };
}

export interface StatusBand { readonly from: string; readonly to: string | null; readonly state: ControlStatus['state']; readonly by: string | null; readonly denied: boolean }

/** Claims per day at one place by the side making them, and the control status as bands over the same days. */
export function claimsPerDay(claims: readonly LedgerClaim[], timeline: readonly ControlStatus[]): { days: { date: string; by: Record<string, number> }[]; sides: string[]; statuses: StatusBand[] } {
  const byDay = new Map<string, Record<string, number>>();
  for (const c of claims) {
    const day = dayOf(c);
    if (!day) continue;
    const counts = byDay.get(day) ?? {};
    increment(counts, c.claim.side);
    byDay.set(day, counts);
  }
  const days = [...byDay.keys()].sort().map((date) => ({ date, by: byDay.get(date)! }));
  const totals: Record<string, number> = {};
  for (const d of days) for (const [k, n] of Object.entries(d.by)) totals[k] = (totals[k] ?? 0) + n;
  const sides = Object.keys(totals).sort((a, b) => totals[b]! - totals[a]! || a.localeCompare(b));
  const statuses = timeline.map((s, i): StatusBand => ({ from: s.from, to: timeline[i + 1]?.from ?? null, state: s.state, by: s.by, denied: s.denied }));
  return { days, sides, statuses };
}

const asOfQuery = z.object({ asOf: isoDate.optional().describe('Only what is dated on or before this day (YYYY-MM-DD).') });

function create(deps: RouteDeps): Hono {
  const app = new Hono();
  const timelines = deps.placeTimelines;
  const controlDates = cached(deps, async () => [...new Set((await timelines()).flatMap((t) => t.statuses.map((s) => s.from)))].sort());
  const events = cached(deps, async () => eventsPerWeek(await allClaims(deps)));
  const contradictions = cached(deps, async () => {
    const dated: { day: string; key: string }[] = [];
    for (let offset = 0; ; offset += 5000) {
      const { items } = await listContradictionViews(deps.store, { limit: 5000, offset });
      for (const x of items) if (x.date && /^\d{4}-\d{2}-\d{2}$/.test(x.date)) dated.push({ day: x.date, key: x.contradiction.kind });
      if (items.length < 5000) break;
    }
    const weeks = perWeek(dated);
    return { weeks, kinds: seriesOf(weeks) };
  });

  // The days the control timelines change on: the map's time slider runs from the first to the last.
  app.get('/control-dates', async (c) => {
    parseQuery(c, z.object({}));
    const dates = await controlDates();
    return c.json({ first: dates[0] ?? null, last: dates.at(-1) ?? null, dates });
  });
  app.get('/events-per-week', async (c) => {
    parseQuery(c, z.object({}));
    return c.json(await events());
  });
  app.get('/contradictions-per-week', async (c) => {
    parseQuery(c, z.object({}));
    const { weeks, kinds } = await contradictions();
    return c.json({ weeks, kinds });
  });
  app.get('/places/:id/claims-per-day', async (c) => {
    const { asOf } = parseQuery(c, asOfQuery);
    const id = parseParam(c, 'id', placeId);
    const key = ledgerKeyOfPlaceId(id);
    const stored = (await timelines()).find((t) => placeIdOfLedgerKey(t.place) === id)?.statuses ?? [];
    const claims = await allClaims(deps, { place: key, ...(asOf ? { until: asOf } : {}) });
    if (claims.length === 0 && stored.length === 0) throw new ApiError('not-found', `no claims about ${id} in the ledger`);
    // The band shows the status as the place panel does: the timeline with the reviewed claims, and
    // today's status as an analyst corrected it (a status review speaks for now, not for a past day).
    await deps.views.refresh();
    const timeline = timelineAsOf(deps.views.timeline(id, stored).statuses, asOf);
    const review = deps.views.reviewOf('status', id);
    const last = timeline.at(-1);
    const shown = !asOf && last && review?.decision === 'correct'
      ? [...timeline.slice(0, -1), { ...last, state: (review.corrections.state ?? last.state) as ControlStatus['state'], by: review.corrections.by ?? last.by }]
      : timeline;
    return c.json({ placeId: id, ...claimsPerDay(claims, shown) });
  });
  return app;
}

const weekSchema = { type: 'object', properties: { week: { type: 'string', description: 'Monday of the ISO week.' }, total: { type: 'integer' }, by: { type: 'object', additionalProperties: { type: 'integer' } } } };

export const aggregateRoutes: RouteModule = {
  base: '/api/aggregates',
  create,
  openapi: {
    '/control-dates': {
      get: {
        summary: 'The days on which some place\'s control status changes (the range of the map\'s time slider)', tags: ['aggregates'],
        parameters: queryParameters(z.object({})),
        responses: { '200': jsonResponse('first, last and every date.', { type: 'object', properties: { first: { type: ['string', 'null'] }, last: { type: ['string', 'null'] }, dates: { type: 'array', items: { type: 'string' } } } }), ...STANDARD_ERRORS },
      },
    },
    '/events-per-week': {
      get: {
        summary: 'Reported events per week (a proposition counted once a week however many sources repeat it), by type (predicate) and by the side doing it', tags: ['aggregates'],
        parameters: queryParameters(z.object({})),
        responses: { '200': jsonResponse('Weeks in order, empty ones included.', { type: 'object', properties: { byType: { type: 'array', items: weekSchema }, bySide: { type: 'array', items: weekSchema }, types: { type: 'array', items: { type: 'string' } }, sides: { type: 'array', items: { type: 'string' } } } }), '404': { description: 'The store keeps no ledger.' }, ...STANDARD_ERRORS },
      },
    },
    '/contradictions-per-week': {
      get: {
        summary: 'Contradictions per week (dated by the later of their two claims), by kind', tags: ['aggregates'],
        parameters: queryParameters(z.object({})),
        responses: { '200': jsonResponse('Weeks in order, empty ones included.', { type: 'object', properties: { weeks: { type: 'array', items: weekSchema }, kinds: { type: 'array', items: { type: 'string' } } } }), '404': { description: 'The store keeps no ledger.' }, ...STANDARD_ERRORS },
      },
    },
    '/places/{id}/claims-per-day': {
      get: {
        summary: 'Claims about one place per day by the side making them, with its control status as bands (from, to) over time', tags: ['aggregates'],
        parameters: [pathParameter('id', 'Place id: geonames-ID or name-NAME.'), ...queryParameters(asOfQuery)],
        responses: {
          '200': jsonResponse('days (date, by side), sides (most claims first), statuses (from, to, state, by, denied).', { type: 'object' }),
          '404': errorResponse('No claims about that place.'),
          ...STANDARD_ERRORS,
        },
      },
    },
  },
};
