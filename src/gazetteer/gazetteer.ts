import { foldName, romanisationSkeleton, SKELETON_COUNTRIES } from './fold.js';

/** One place of the gazetteer: a GeoNames feature, a first-level division, a country or a curated region. */
export interface GazetteerEntry {
  /** GeoNames id; null for entries synthesised from admin tables or curated regions without one. */
  readonly geonameId: number | null;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** GeoNames feature class (P populated place, A administrative, L area...). */
  readonly featureClass: string;
  /** GeoNames feature code (PPLC, PPLA, ADM1, PCLI, CONT, RGN...). */
  readonly featureCode: string;
  /** ISO 3166-1 alpha-2; '' for continents and regions that span countries. */
  readonly country: string;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly population: number;
}

/** How a name reached an entry: its own name, a historic (renamed) form, or an alternate. */
export type NameKind = 'primary' | 'historic' | 'alternate';

export interface NameHit {
  readonly entry: number;
  readonly kind: NameKind;
}

// Lower codes win when one entry is reached by a name twice: a curated historic form outranks GeoNames' alternate.
export const KIND_CODE: Readonly<Record<NameKind, number>> = { primary: 0, historic: 1, alternate: 2 };
const CODE_KIND: readonly NameKind[] = ['primary', 'historic', 'alternate'];

/** Hits packed as numbers (entry index × 4 + kind code), or as the compiled file's comma list until first used. */
type Packed = number[] | string;

/**
 * The in-memory gazetteer. Built for start-up time: the compiled file's
 * entries stay raw lines until a lookup needs one, and name lists stay the
 * file's comma-separated strings until first read, so loading is little more
 * than one map insertion per name.
 */
export class Gazetteer {
  private readonly rows: Array<GazetteerEntry | string> = [];
  private readonly names = new Map<string, Packed>();
  private readonly skeletons = new Map<string, Packed>();
  private readonly byId = new Map<number, number>();
  private readonly adminNames = new Map<string, string>();
  private readonly countries = new Map<string, number>();
  private readonly demonyms = new Map<string, number[]>();
  /** Folded names and variants of the countries (curated), for demonym detection. */
  readonly countryNames: string[] = [];

  get size(): number {
    return this.rows.length;
  }

  get nameCount(): number {
    return this.names.size;
  }

  entry(index: number): GazetteerEntry {
    const row = this.rows[index];
    if (row === undefined) throw new RangeError(`no gazetteer entry ${index}`);
    if (typeof row !== 'string') return row;
    const parsed = parseEntryLine(row);
    this.rows[index] = parsed;
    return parsed;
  }

  /** Adds an entry or, where one with the same geonameId exists, replaces it in place; returns its index. */
  add(entry: GazetteerEntry): number {
    const existing = entry.geonameId === null ? undefined : this.byId.get(entry.geonameId);
    if (existing !== undefined) {
      this.rows[existing] = entry;
      return existing;
    }
    const index = this.rows.length;
    this.rows.push(entry);
    if (entry.geonameId !== null) this.byId.set(entry.geonameId, index);
    if (entry.featureCode === 'PCLI' && !this.countries.has(entry.country)) this.countries.set(entry.country, index);
    return index;
  }

  /** Adds a compiled entry line (`E\t...`) without parsing it; `geonameId` is its second field. */
  addRawLine(line: string, geonameId: number | null): number {
    const existing = geonameId === null ? undefined : this.byId.get(geonameId);
    if (existing !== undefined) {
      this.rows[existing] = line;
      return existing;
    }
    const index = this.rows.length;
    this.rows.push(line);
    if (geonameId !== null) this.byId.set(geonameId, index);
    return index;
  }

  /** Indexes `name` (any form; folded here) for entry `index`. */
  addName(index: number, name: string, kind: NameKind): void {
    const folded = foldName(name);
    if (folded === '') return;
    const code = index * 4 + KIND_CODE[kind];
    addPacked(this.names, folded, code);
    const entry = this.entry(index);
    if (SKELETON_COUNTRIES.has(entry.country) && /[a-z]/.test(folded)) addPacked(this.skeletons, romanisationSkeleton(folded), code);
  }

  /** Sets a name's packed list from a compiled file (the default file is read into an empty gazetteer). */
  setPackedName(folded: string, packed: string, skeleton: boolean): void {
    const map = skeleton ? this.skeletons : this.names;
    const existing = map.get(folded);
    if (existing === undefined) map.set(folded, packed);
    else for (const p of packed.split(',')) addPacked(map, folded, Number(p));
  }

  /** Records a demonym ("British", folded any way) of the country entry `index`; not a name of the place. */
  addDemonym(index: number, demonym: string): void {
    const folded = foldName(demonym);
    const list = this.demonyms.get(folded);
    if (list === undefined) this.demonyms.set(folded, [index]);
    else if (!list.includes(index)) list.push(index);
  }

  /** The country entries whose demonym is `folded` ("british" → United Kingdom). */
  lookupDemonym(folded: string): NameHit[] {
    return (this.demonyms.get(folded) ?? []).map((entry) => ({ entry, kind: 'alternate' as const }));
  }

  setAdminName(code: string, name: string): void {
    this.adminNames.set(code, name);
  }

  /** Entries whose folded name is exactly `folded`, each with the best way it was reached. */
  lookup(folded: string): NameHit[] {
    return unpack(this.names.get(folded));
  }

  /** Entries whose romanisation skeleton matches (East Slavic countries only). */
  lookupSkeleton(folded: string): NameHit[] {
    return unpack(this.skeletons.get(romanisationSkeleton(folded)));
  }

  has(folded: string): boolean {
    return this.names.has(folded);
  }

  byGeonameId(id: number): number | undefined {
    return this.byId.get(id);
  }

  /** Every country entry's index. */
  countryEntries(): number[] {
    return [...this.countries.values()];
  }

  /** The country entry (curated, PCLI) for an ISO alpha-2 code. */
  country(iso2: string): number | undefined {
    return this.countries.get(iso2);
  }

  /** The name of a first-level (`UA.05`) or second-level (`UA.05.1416`) division, where known. */
  adminName(code: string): string | undefined {
    return this.adminNames.get(code);
  }
}

function addPacked(map: Map<string, Packed>, key: string, value: number): void {
  let list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
    return;
  }
  if (typeof list === 'string') {
    list = list.split(',').map(Number);
    map.set(key, list);
  }
  if (!list.includes(value)) list.push(value);
}

function unpack(packed: Packed | undefined): NameHit[] {
  if (packed === undefined) return [];
  const list = typeof packed === 'string' ? packed.split(',').map(Number) : packed;
  const best = new Map<number, number>();
  for (const p of list) {
    const entry = Math.floor(p / 4);
    const code = p % 4;
    const seen = best.get(entry);
    if (seen === undefined || code < seen) best.set(entry, code);
  }
  return [...best].map(([entry, code]) => ({ entry, kind: CODE_KIND[code]! }));
}

/** Parses an `E` line of the compiled format (see compiled-format.ts). */
export function parseEntryLine(line: string): GazetteerEntry {
  const cols = line.split('\t');
  return {
    geonameId: cols[1] === '-' ? null : Number(cols[1]),
    name: cols[2]!,
    lat: Number(cols[3]),
    lon: Number(cols[4]),
    featureClass: cols[5]!,
    featureCode: cols[6]!,
    country: cols[7]!,
    admin1: cols[8] || null,
    admin2: cols[9] || null,
    population: Number(cols[10]),
  };
}
