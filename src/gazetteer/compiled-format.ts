import { romanisationSkeleton, SKELETON_COUNTRIES } from './fold.js';
import { Gazetteer, KIND_CODE, type GazetteerEntry, type NameKind } from './gazetteer.js';

/**
 * The compiled gazetteer is a plain text file, one record a line, laid out so
 * that loading is a scan with indexOf and one map insertion per name (JSON of
 * GeoNames' size is slower to parse and far larger in memory):
 *
 *   #counterclaim-gazetteer 2
 *   A <code> <name>                         admin division name (UA.05, UA.05.1416)
 *   E <geonameId|-> <name> <lat> <lon> <fclass> <fcode> <cc> <admin1> <admin2> <population>
 *   N <folded name> <hit>,<hit>...          hit = entry number in this file × 4 + kind (0 own name, 1 historic, 2 alternate)
 *   S <skeleton> <hit>,<hit>...             romanisation skeletons (fold.ts), East Slavic entries only
 *
 * The default gazetteer and the user's imported extension share the format.
 */
export const COMPILED_HEADER = '#counterclaim-gazetteer 2';

export interface CompiledRecord {
  readonly entry: GazetteerEntry;
  readonly names: ReadonlyArray<{ readonly folded: string; readonly kind: NameKind }>;
}

/** Serialises admin names and records into the compiled format. */
export function formatCompiled(adminNames: ReadonlyMap<string, string>, records: readonly CompiledRecord[]): string {
  const lines: string[] = [COMPILED_HEADER];
  for (const [code, name] of adminNames) lines.push(`A\t${code}\t${clean(name)}`);
  const names = new Map<string, number[]>();
  const skeletons = new Map<string, number[]>();
  records.forEach((record, i) => {
    const e = record.entry;
    lines.push(['E', e.geonameId ?? '-', clean(e.name), e.lat, e.lon, e.featureClass, e.featureCode, e.country, e.admin1 ?? '', e.admin2 ?? '', e.population].join('\t'));
    const skeleton = SKELETON_COUNTRIES.has(e.country);
    for (const { folded, kind } of record.names) {
      const key = clean(folded);
      if (key === '') continue;
      const hit = i * 4 + KIND_CODE[kind];
      add(names, key, hit);
      if (skeleton && /[a-z]/.test(key)) add(skeletons, romanisationSkeleton(key), hit);
    }
  });
  for (const [name, hits] of names) lines.push(`N\t${name}\t${hits.join(',')}`);
  for (const [name, hits] of skeletons) lines.push(`S\t${name}\t${hits.join(',')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Reads a compiled file into `gazetteer`. Entries with a geonameId already
 * present replace the earlier entry (an import supersedes the default).
 */
export function readCompiled(text: string, gazetteer: Gazetteer, file: string): void {
  if (!text.startsWith(COMPILED_HEADER)) throw new Error(`${file}: not a compiled counterclaim gazetteer (expected '${COMPILED_HEADER}' on line 1); delete it and run 'npm run prepare', or import again`);
  const fresh = gazetteer.size === 0;
  const local: number[] = [];
  let start = text.indexOf('\n') + 1;
  while (start > 0 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const kind = text.charCodeAt(start);
    if (kind === 69 /* E */) {
      const idEnd = text.indexOf('\t', start + 2);
      const id = text.slice(start + 2, idEnd);
      local.push(gazetteer.addRawLine(text.slice(start, end), id === '-' ? null : Number(id)));
    } else if (kind === 78 /* N */ || kind === 83 /* S */) {
      const tab = text.indexOf('\t', start + 2);
      const name = text.slice(start + 2, tab);
      const hits = text.slice(tab + 1, end);
      // Into an empty gazetteer entry numbers are the file's own; otherwise map them.
      gazetteer.setPackedName(name, fresh ? hits : remap(hits, local), kind === 83);
    } else if (kind === 65 /* A */) {
      const tab = text.indexOf('\t', start + 2);
      gazetteer.setAdminName(text.slice(start + 2, tab), text.slice(tab + 1, end));
    }
    start = end + 1;
  }
}

function remap(hits: string, local: readonly number[]): string {
  return hits.split(',').map((h) => {
    const n = Number(h);
    return local[Math.floor(n / 4)]! * 4 + (n % 4);
  }).join(',');
}

function add(map: Map<string, number[]>, key: string, hit: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [hit]);
  else if (!list.includes(hit)) list.push(hit);
}

function clean(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ');
}
