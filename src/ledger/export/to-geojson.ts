import type { PlaceTimeline } from '../ledger-reader.js';
import { claimRefKey, placedTimelines, type LedgerSnapshot } from './ledger-snapshot.js';

/** What the GeoJSON and KML exports say of one place: its current status and how many exported claims are about it. */
export interface PlaceSummary {
  readonly timeline: PlaceTimeline;
  readonly status: string;
  readonly by: string | null;
  readonly denied: boolean;
  readonly since: string | null;
  readonly why: string | null;
  readonly claims: number;
  readonly claimsBySide: Readonly<Record<string, number>>;
  readonly contradictions: number;
}

/** Each timeline's place (in place-key order) with its current status and counts of the exported claims and contradictions. */
export function placeSummaries(s: LedgerSnapshot): PlaceSummary[] {
  const claimsAt = new Map<string, { claims: number; sides: Record<string, number> }>();
  const placeOfClaim = new Map<string, string>();
  for (const c of s.claims) {
    const place = c.claim.args.find((a) => a.role === 'place')?.key;
    if (!place) continue;
    placeOfClaim.set(claimRefKey(c.doc, c.claim.id), place);
    const e = claimsAt.get(place) ?? { claims: 0, sides: {} };
    e.claims++;
    e.sides[c.claim.side] = (e.sides[c.claim.side] ?? 0) + 1;
    claimsAt.set(place, e);
  }
  const contradictionsAt = new Map<string, number>();
  for (const x of s.contradictions) {
    const place = placeOfClaim.get(claimRefKey(x.a.doc, x.a.claim)) ?? placeOfClaim.get(claimRefKey(x.b.doc, x.b.claim));
    if (place) contradictionsAt.set(place, (contradictionsAt.get(place) ?? 0) + 1);
  }
  return placedTimelines(s).map((t) => {
    const current = t.statuses.at(-1) ?? null;
    const counts = claimsAt.get(t.place);
    return {
      timeline: t, status: current?.state ?? 'unknown', by: current?.by ?? null, denied: current?.denied ?? false, since: current?.from ?? null, why: current?.why ?? null,
      claims: counts?.claims ?? 0,
      claimsBySide: Object.fromEntries(Object.entries(counts?.sides ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))),
      contradictions: contradictionsAt.get(t.place) ?? 0,
    };
  });
}

/** Coordinates as RFC 7946 wants them: [longitude, latitude], at most 6 decimals (about 10 cm; section 11.2). */
export function position(lon: number, lat: number): [number, number] {
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/**
 * Places as a GeoJSON FeatureCollection (RFC 7946): a Point feature per place
 * with a control timeline and coordinates, its current status and how many of
 * the exported claims and contradictions are about it. Properties are flat
 * (strings and numbers: `claims_RU`, not a nested object) so QGIS and other
 * GIS tools can filter and style on them. A place the gazetteer has no
 * coordinates for cannot be drawn and is left out (`unplaced` lists it).
 */
export function toLedgerGeoJson(s: LedgerSnapshot): string {
  const placed = placeSummaries(s);
  const features = placed.filter((p) => p.timeline.lat !== null && p.timeline.lon !== null).map((p) => {
    const t = p.timeline;
    return {
      type: 'Feature' as const,
      id: t.place,
      geometry: { type: 'Point' as const, coordinates: position(t.lon!, t.lat!) },
      properties: {
        place: t.place, name: t.label, country: t.country, admin1: t.admin1,
        status: p.status, by: p.by, denied: p.denied, since: p.since, why: p.why,
        claims: p.claims,
        ...Object.fromEntries(Object.entries(p.claimsBySide).map(([side, n]) => [`claims_${side}`, n])),
        contradictions: p.contradictions,
        statuses: t.statuses.length,
      },
    };
  });
  const unplaced = placed.filter((p) => p.timeline.lat === null || p.timeline.lon === null).map((p) => p.timeline.place);
  return `${JSON.stringify({ type: 'FeatureCollection', features, ...(unplaced.length ? { unplaced } : {}) }, null, 2)}\n`;
}
