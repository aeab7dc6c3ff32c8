import type { Contradiction } from '../model/index.js';
import type { LedgerClaim } from '../ledger/ledger-claim.js';
import type { StoredItem } from './store.js';

/**
 * Maintained aggregates for browsing a large store (the map, the place panel,
 * the contested-claims board): what the HTTP server would otherwise recompute
 * from every item on each request. A backend without it leaves `Store.browse`
 * undefined and the server aggregates by itself.
 */
export interface BrowseReader {
  /** Places by mention count (most first, then name), with the forms the texts used; `total` counts every match. */
  listPlaces(query?: PlaceTotalsQuery): Promise<{ readonly places: readonly PlaceTotals[]; readonly total: number }>;
  getPlace(id: string): Promise<PlaceTotals | null>;
  /** The place mentions of one place (its `id`), in document then text order. */
  placeMentions(id: string, query?: { readonly limit?: number; readonly offset?: number }): Promise<Array<StoredItem<'places'>>>;
  /** Ledger entities (merged sources), by name. */
  listEntities(query?: EntityQuery): Promise<{ readonly entities: readonly EntityTotals[]; readonly total: number }>;
  /** Contradictions, newest first (the later of the two claims' statement dates), each with its two claims. */
  /** Newest first; `since` / `until` bound the contradiction's date (YYYY-MM-DD, inclusive; an undated one is left out by either). */
  listContradictions(query?: ContradictionQuery): Promise<{ readonly contradictions: readonly DatedContradiction[]; readonly total: number }>;
}

export interface ContradictionQuery {
  readonly place?: string;
  readonly since?: string;
  readonly until?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface PlaceTotalsQuery {
  readonly q?: string;
  readonly country?: string;
  readonly located?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

/** A place aggregated by id: `geonames-ID` when resolved, else `name-NAME` (see `placeIdOf`). */
export interface PlaceTotals {
  readonly id: string;
  readonly name: string;
  readonly geonameId: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly mentions: number;
  readonly documents: number;
  readonly forms: readonly string[];
}

export interface EntityQuery {
  readonly q?: string;
  readonly side?: string;
  readonly kind?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface EntityTotals {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly side: string;
}

export interface DatedContradiction {
  readonly contradiction: Contradiction;
  /** YYYY-MM-DD, or null when neither claim is dated. */
  readonly date: string | null;
  readonly a: LedgerClaim | null;
  readonly b: LedgerClaim | null;
}

/** The id a place mention is aggregated under (src/model/place-key.ts: the ledger's place key, spelled as the API spells ids). */
export { placeIdOf } from '../model/place-key.js';

/** A `place_totals` row with its forms as a JSON array, as both backends select it. */
export interface PlaceRow { id: string; name: string; geoname_id: number | null; lat: number | null; lon: number | null; country: string | null; admin1: string | null; mentions: number; documents: number; forms: string }

export const toPlace = (r: PlaceRow): PlaceTotals => ({
  id: r.id, name: r.name, geonameId: r.geoname_id, lat: r.lat, lon: r.lon, country: r.country, admin1: r.admin1,
  mentions: r.mentions, documents: r.documents, forms: JSON.parse(r.forms) as string[],
});

export const clampLimit = (n: number | undefined, dflt: number): number => Math.max(1, Math.min(n ?? dflt, 10_000));
export const clampOffset = (n: number | undefined): number => Math.max(0, n ?? 0);
const likePattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const whereOf = (where: readonly string[]): string => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/**
 * The WHERE clauses of the browse lists, the same SQL in both dialects but for
 * placeholders (`bind` pushes a value and returns its placeholder).
 */
export function placeTotalsWhere(query: PlaceTotalsQuery, bind: (value: string) => string): string {
  const where: string[] = [];
  if (query.q) {
    const like = likePattern(query.q);
    where.push(`(lower(t.name) LIKE ${bind(like)} ESCAPE '\\' OR EXISTS (SELECT 1 FROM place_forms f WHERE f.place_id = t.id AND lower(f.form) LIKE ${bind(like)} ESCAPE '\\'))`);
  }
  if (query.country) where.push(`t.country = ${bind(query.country)}`);
  if (query.located !== undefined) where.push(query.located ? 't.lat IS NOT NULL AND t.lon IS NOT NULL' : '(t.lat IS NULL OR t.lon IS NULL)');
  return whereOf(where);
}

export function entitiesWhere(query: EntityQuery, bind: (value: string) => string): string {
  const where: string[] = [];
  if (query.q) where.push(`lower(name) LIKE ${bind(likePattern(query.q))} ESCAPE '\\'`);
  if (query.side) where.push(`side = ${bind(query.side)}`);
  if (query.kind) where.push(`kind = ${bind(query.kind)}`);
  return whereOf(where);
}

export function datedContradictionsWhere(query: ContradictionQuery, bind: (value: string) => string): string {
  const where: string[] = [];
  if (query.place) where.push(`d.place = ${bind(query.place)}`);
  if (query.since) where.push(`d.date >= ${bind(query.since)}`);
  if (query.until) where.push(`d.date <= ${bind(query.until)}`);
  return whereOf(where);
}
