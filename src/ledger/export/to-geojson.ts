import { claimRefKey, type LedgerSnapshot } from './ledger-snapshot.js';

/**
 * Places as a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude]):
 * each place with a control timeline, its current status, and how many of
 * the exported claims and contradictions are about it. A place without
 * coordinates has a null geometry.
 */
export function toLedgerGeoJson(s: LedgerSnapshot): string {
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
  const features = [...s.timelines].sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : 0)).map((t) => {
    const current = t.statuses.at(-1) ?? null;
    const counts = claimsAt.get(t.place);
    return {
      type: 'Feature' as const,
      id: t.place,
      geometry: t.lat !== null && t.lon !== null ? { type: 'Point' as const, coordinates: [t.lon, t.lat] } : null,
      properties: {
        place: t.place, name: t.label, country: t.country, admin1: t.admin1,
        status: current?.state ?? 'unknown', by: current?.by ?? null, denied: current?.denied ?? false, since: current?.from ?? null, why: current?.why ?? null,
        claims: counts?.claims ?? 0,
        claimsBySide: Object.fromEntries(Object.entries(counts?.sides ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))),
        contradictions: contradictionsAt.get(t.place) ?? 0,
        statuses: t.statuses.length,
      },
    };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;
}
