import type { Contradiction } from '../../model/index.js';
import type { LedgerClaim } from '../ledger-claim.js';
import type { PlaceTimeline } from '../ledger-reader.js';
import { countryCodes } from './country-codes.js';

/** What every export is made from: the selected claims, their contradictions and the places' timelines. */
export interface LedgerSnapshot {
  readonly claims: readonly LedgerClaim[];
  readonly contradictions: readonly Contradiction[];
  readonly timelines: readonly PlaceTimeline[];
}

/** What an export needs beyond the ledger: where the web UI that shows each claim is served, if anywhere. */
export interface ExportOptions {
  /**
   * The web UI's address (`https://ledger.example/`): ClaimReview's `url` and
   * KML's links point to the page it serves for a claim (`#/doc/ID?claim=ID`).
   * Without it, they point to the article the claim was read from.
   */
  readonly baseUrl?: string | null;
}

/** The export formats (`counterclaim export --format`). */
export const EXPORT_FORMATS = ['json', 'csv', 'geojson', 'kml', 'plover', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Claims in a stable order (document, claim id), so the same ledger always exports the same bytes. */
export function sortedClaims(claims: readonly LedgerClaim[]): LedgerClaim[] {
  return [...claims].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0));
}

export const claimRefKey = (doc: string, claim: string): string => `${doc}\u0000${claim}`;

/** The date a claim speaks for: the end of the window it is about, else its statement date, else its document's. */
export function claimDate(c: LedgerClaim): string | null {
  return c.claim.about.window?.end ?? c.claim.statedAt.value?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? c.published?.slice(0, 10) ?? null;
}

/**
 * How the ledger names a force key for a reader, in ACLED's actor naming:
 * force:RU -> "Military Forces of Russia"; a side that is no country keeps
 * its code (force:HAMAS -> "Military Forces of HAMAS"); others by label.
 */
export function actorName(key: string | undefined, label: string | undefined): string {
  if (!key) return '';
  if (key.startsWith('force:')) {
    const side = key.slice('force:'.length);
    return `Military Forces of ${countryCodes(side)?.name ?? side}`;
  }
  return label ?? key;
}

/** The claim's sentence as the source worded it (whitespace collapsed), else the claim's own words. */
export function claimSentence(c: LedgerClaim): string {
  return (c.sentence ?? c.claim.text).replace(/\s+/g, ' ').trim();
}

/**
 * Where a reader sees the claim: the web UI's page for it when the export
 * knows where the UI is served, else the article it was read from, else null.
 */
export function claimPageUrl(c: LedgerClaim, options: ExportOptions): string | null {
  if (options.baseUrl) {
    const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    return `${base}#/doc/${encodeURIComponent(c.doc)}?claim=${encodeURIComponent(c.claim.id)}`;
  }
  return absoluteHttpUrl(c.url) ?? null;
}

/** An http(s) URL as it is, anything else (a file path, a relative link) null: exports promise absolute links. */
export function absoluteHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The timelines in place-key order, each with coordinates: a timeline row
 * stored without them (ledgers written before they were kept, or a place
 * whose first control claim came from another document) takes them from an
 * exported claim about the same place.
 */
export function placedTimelines(s: LedgerSnapshot): PlaceTimeline[] {
  const whereOf = new Map<string, NonNullable<LedgerClaim['where']>>();
  for (const c of sortedClaims(s.claims)) {
    const w = c.where;
    if (w && w.lat !== null && w.lon !== null && !whereOf.has(w.key)) whereOf.set(w.key, w);
  }
  return [...s.timelines].sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : 0)).map((t) => {
    if (t.lat !== null && t.lon !== null) return t;
    const w = whereOf.get(t.place);
    return w ? { ...t, lat: w.lat, lon: w.lon, country: t.country ?? w.country, admin1: t.admin1 ?? w.admin1 } : t;
  });
}
