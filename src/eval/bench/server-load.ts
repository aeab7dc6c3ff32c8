import { addDays } from '../../read/claims/time-window.js';
import type { LedgerDocument } from '../../report/ledger-json.js';

/**
 * The server bench's store (`npm run bench -- --only server`): a few real articles analysed once
 * (the bases), each stored again and again as a ledger grows, every copy a variant of its base with
 * its own id, its own dates and, in two copies of three, its own towns:
 *
 * - **Dates**: every day of the copy (published, times, claims' statements and windows) moved by
 *   the same number of days, copy after copy a day later over two years, so the reports of one
 *   event spread over the days as real reporting does instead of piling up on one day.
 * - **Towns**: populated places (GeoNames feature class P) of copies 1 and 2 of every three become
 *   towns of their own (a GeoNames id of their own, the name marked II or III, the point moved a
 *   little), in the place items and in the claims' arguments and propositions alike; countries and
 *   regions stay the same. So the map has three times the towns, each with its own reports, and
 *   the bases' towns (Pokrovsk of the bundled example among them) stay in a third of their copies.
 *
 * Nothing is analysed again: a copy is the base's JSON with its days and ids rewritten, which is
 * what keeps a 100,000-document fill to the cost of storing.
 */
export function serverLoadDocument(bases: readonly LedgerDocument[], i: number, id: string): LedgerDocument {
  const base = bases[i % bases.length]!;
  const copy = Math.floor(i / bases.length);
  const shift = copy % DAYS - DAYS + 1;
  const town = copy % 3;
  const towns = new Set<number>();
  if (town > 0) for (const p of base.places) if (p.geonameId !== null && p.featureClass === 'P') towns.add(p.geonameId);
  const placeId = (geonameId: number) => (towns.has(geonameId) ? geonameId + TOWN_ID_STEP * town : geonameId);
  const rewrite = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      // Text and ids are the document's own: spans must still point into the text.
      if (key === 'text' || key === 'id') return value;
      let out = ISO_DAY.test(value) ? `${addDays(value.slice(0, 10), shift)}${value.slice(10)}` : value;
      if (towns.size > 0 && out.includes('geonames:')) out = out.replace(/geonames:(\d+)/g, (_, n: string) => `geonames:${placeId(Number(n))}`);
      return out;
    }
    if (Array.isArray(value)) return value.map((v) => rewrite(v, key));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = rewrite(v, k);
      if (town > 0 && typeof out['geonameId'] === 'number' && towns.has(out['geonameId'] as number)) {
        out['geonameId'] = placeId(out['geonameId'] as number);
        if (typeof out['name'] === 'string') out['name'] = `${out['name']} ${town === 1 ? 'II' : 'III'}`;
        if (typeof out['lat'] === 'number') out['lat'] = Math.round(((out['lat'] as number) + 0.07 * town) * 1e5) / 1e5;
        if (typeof out['lon'] === 'number') out['lon'] = Math.round(((out['lon'] as number) + 0.11 * town) * 1e5) / 1e5;
      }
      return out;
    }
    return value;
  };
  const { text, ...rest } = base;
  return { ...(rewrite(rest, '') as Omit<LedgerDocument, 'text'>), text, id, title: `${base.title} #${i}` };
}

/** Days the copies of a base spread over (each copy a day after the one before, then round again). */
const DAYS = 730;
/** Added to a town's GeoNames id for its copies (above any id GeoNames has given). */
const TOWN_ID_STEP = 100_000_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:$|T)/;
