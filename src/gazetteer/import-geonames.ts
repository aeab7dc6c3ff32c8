import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { foldName, isUsableScript } from './fold.js';
import { COMPILED_HEADER, formatCompiled, type CompiledRecord } from './compiled-format.js';
import type { GazetteerEntry, NameKind } from './gazetteer.js';
import { GazetteerFormatError, indexableNames, parseGeonamesRow } from './geonames-format.js';
import { parseEntryLine } from './gazetteer.js';
import { extensionFileFor, PLACES_DATA_DIR } from './paths.js';

export interface ImportSummary {
  readonly file: string;
  readonly places: number;
  readonly alternateNames: number;
  readonly adminNames: number;
}

/**
 * `counterclaim gazetteer import FILE...`: reads GeoNames dump files (a
 * country file such as UA.txt or allCountries.txt, zipped or not;
 * alternateNamesV2.txt; admin1CodesASCII.txt), validates every line, and
 * writes the extension beside the database. All or nothing: any bad line
 * throws a GazetteerFormatError naming the file and line, and the existing
 * extension is left as it was (the new one is written to a temporary file and
 * renamed over it only at the end).
 */
export function importGeonames(files: readonly string[], db: string): ImportSummary[] {
  const known = knownCountries();
  const target = extensionFileFor(db);
  const { adminNames, records } = existsSync(target) ? readCompiledRecords(readFileSync(target, 'utf8'), target) : { adminNames: new Map<string, string>(), records: new Map<number, MutableRecord>() };
  const summaries: ImportSummary[] = [];
  const alternates: Array<{ file: string; line: number; id: number; name: string; historic: boolean }> = [];
  for (const file of files) {
    for (const { name, text } of readInputs(file)) {
      const kind = path.basename(name).toLowerCase();
      let places = 0;
      let adminCount = 0;
      let altCount = 0;
      const lines = text.split('\n');
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      lines.forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line === '' || line.startsWith('#')) return;
        if (kind.startsWith('admin1codes') || kind.startsWith('admin2codes')) {
          const cols = line.split('\t');
          if (cols.length !== 4 || !/^[A-Z]{2}\.[^.\t]+(\.[^.\t]+)?$/.test(cols[0]!)) throw new GazetteerFormatError(name, i + 1, 'expected code<TAB>name<TAB>asciiname<TAB>geonameid (GeoNames admin codes file)');
          if (!known.has(cols[0]!.slice(0, 2))) throw new GazetteerFormatError(name, i + 1, `unknown country code '${cols[0]!.slice(0, 2)}'`);
          adminNames.set(cols[0]!, cols[1]!);
          adminCount++;
        } else if (kind.startsWith('alternatenames')) {
          const cols = line.split('\t');
          if (cols.length < 4 || !/^\d+$/.test(cols[1]!)) throw new GazetteerFormatError(name, i + 1, 'expected alternateNameId<TAB>geonameid<TAB>isolanguage<TAB>alternate name... (GeoNames alternateNames file)');
          const lang = cols[2]!;
          if (['link', 'post', 'iata', 'icao', 'faac', 'fr_1793', 'abbr', 'wkdt', 'unlc'].includes(lang)) return;
          alternates.push({ file: name, line: i + 1, id: Number(cols[1]), name: cols[3]!, historic: cols[7] === '1' });
          altCount++;
        } else {
          const row = parseGeonamesRow(line, name, i + 1, known);
          const { primary, alternate } = indexableNames(row.entry.name, row.asciiName, row.alternateNames);
          const record: MutableRecord = { entry: row.entry, names: new Map() };
          for (const n of primary) record.names.set(n, 'primary');
          for (const n of alternate) if (!record.names.has(n)) record.names.set(n, 'alternate');
          records.set(row.entry.geonameId!, record);
          places++;
        }
      });
      summaries.push({ file: name, places, alternateNames: altCount, adminNames: adminCount });
    }
  }
  for (const alt of alternates) {
    const record = records.get(alt.id);
    if (!record || !isUsableScript(alt.name)) continue;
    const folded = foldName(alt.name);
    if (folded.length < 2) continue;
    const kind: NameKind = alt.historic ? 'historic' : 'alternate';
    if (record.names.get(folded) !== 'primary') record.names.set(folded, kind);
  }
  const compiled: CompiledRecord[] = [...records.values()].map((r) => ({ entry: r.entry, names: [...r.names].map(([folded, kind]) => ({ folded, kind })) }));
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, formatCompiled(adminNames, compiled));
  renameSync(tmp, target);
  return summaries;
}

interface MutableRecord {
  entry: GazetteerEntry;
  names: Map<string, NameKind>;
}

/** Reads a compiled extension back into records, so a second import adds to the first. */
function readCompiledRecords(text: string, file: string): { adminNames: Map<string, string>; records: Map<number, MutableRecord> } {
  if (!text.startsWith(COMPILED_HEADER)) throw new Error(`${file}: not a compiled counterclaim gazetteer; move it away and import again`);
  const adminNames = new Map<string, string>();
  const byLocal: MutableRecord[] = [];
  const kinds: NameKind[] = ['primary', 'historic', 'alternate'];
  for (const line of text.split('\n').slice(1)) {
    const tag = line[0];
    if (tag === 'A') {
      const [, code, name] = line.split('\t');
      adminNames.set(code!, name!);
    } else if (tag === 'E') {
      byLocal.push({ entry: parseEntryLine(line), names: new Map() });
    } else if (tag === 'N') {
      const [, name, hits] = line.split('\t');
      for (const h of hits!.split(',')) byLocal[Math.floor(Number(h) / 4)]?.names.set(name!, kinds[Number(h) % 4]!);
    }
  }
  const records = new Map<number, MutableRecord>();
  for (const r of byLocal) if (r.entry.geonameId !== null) records.set(r.entry.geonameId, r);
  return { adminNames, records };
}

/** The text files of an input: itself, or the .txt members of a zip (GeoNames' readme.txt left out). */
function readInputs(file: string): Array<{ name: string; text: string }> {
  if (!existsSync(file)) throw new GazetteerFormatError(file, 0, 'no such file');
  const bytes = readFileSync(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let members: Record<string, Uint8Array>;
    try {
      members = unzipSync(bytes);
    } catch (error) {
      throw new GazetteerFormatError(file, 0, `corrupt or truncated zip (${(error as Error).message})`);
    }
    const texts = Object.entries(members).filter(([n]) => n.endsWith('.txt') && !/readme/i.test(n));
    if (texts.length === 0) throw new GazetteerFormatError(file, 0, 'the zip holds no GeoNames .txt file');
    return texts.map(([n, data]) => ({ name: `${file}#${n}`, text: strFromU8(data) }));
  }
  if (bytes.includes(0)) throw new GazetteerFormatError(file, 1, 'binary data, not a GeoNames text file');
  return [{ name: file, text: bytes.toString('utf8') }];
}

function knownCountries(): Set<string> {
  const text = readFileSync(path.join(PLACES_DATA_DIR, 'countries.tsv'), 'utf8');
  const codes = new Set<string>();
  for (const line of text.split('\n')) if (/^[A-Z]{2}\t/.test(line)) codes.add(line.slice(0, 2));
  return codes;
}
