import type { BinaryGazetteer } from './binary-format.js';
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

/** A division's abbreviation: the entry, and whether it counts only as "City, XX" (data/places/abbreviations.tsv). */
export interface Abbreviation {
  readonly entry: number;
  readonly afterComma: boolean;
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
/**
 * Which way of reaching an entry a hit reports when a name reaches it twice, by kind code: a curated
 * historic form first (Красноармейск is a primary Cyrillic name of Pokrovsk in GeoNames' data, and a
 * former one in data/places/historic-names.tsv: the mention says the text used a former name), then
 * the entry's own name, then an alternate.
 */
const KIND_RANK: readonly number[] = [1, 0, 2];

/** Hits packed as numbers (entry index × 4 + kind code), or as the compiled file's comma list until first used. */
type Packed = number[] | string;

/**
 * The in-memory gazetteer: a read-only binary base (the default gazetteer,
 * binary-format.ts, used in place) under a small mutable overlay (the user's
 * imported extension and the curated files). Entry numbers 0..base.count-1
 * are the base's; overlay entries follow. An overlay entry with the geonameId
 * of a base entry replaces it under the same number. Overlay entries from a
 * compiled text file stay raw lines until a lookup needs one.
 */
export class Gazetteer {
  private readonly baseCount: number;
  private readonly rows: Array<GazetteerEntry | string> = [];
  private readonly overrides = new Map<number, GazetteerEntry | string>();
  private readonly names = new Map<string, Packed>();
  private readonly skeletons = new Map<string, Packed>();
  private readonly byId = new Map<number, number>();
  private readonly adminNames = new Map<string, string>();
  private readonly countries = new Map<string, number>();
  private readonly demonyms = new Map<string, number[]>();
  private readonly abbreviations = new Map<string, Abbreviation>();
  /** Folded names and variants of the countries (curated), for demonym detection. */
  readonly countryNames: string[] = [];

  constructor(private readonly base?: BinaryGazetteer) {
    this.baseCount = base?.count ?? 0;
  }

  /** The binary base's buffer (a SharedArrayBuffer when loaded for sharing with worker threads). */
  get baseBuffer(): ArrayBufferLike | undefined {
    return this.base?.buffer;
  }

  get size(): number {
    return this.baseCount + this.rows.length;
  }

  get nameCount(): number {
    return (this.base?.nameCount ?? 0) + this.names.size;
  }

  entry(index: number): GazetteerEntry {
    if (index < this.baseCount) {
      if (this.overrides.size > 0) {
        const o = this.overrides.get(index);
        if (o !== undefined) {
          if (typeof o !== 'string') return o;
          const parsed = parseEntryLine(o);
          this.overrides.set(index, parsed);
          return parsed;
        }
      }
      return this.base!.entry(index);
    }
    const row = this.rows[index - this.baseCount];
    if (row === undefined) throw new RangeError(`no gazetteer entry ${index}`);
    if (typeof row !== 'string') return row;
    const parsed = parseEntryLine(row);
    this.rows[index - this.baseCount] = parsed;
    return parsed;
  }

  /** Adds an entry or, where one with the same geonameId exists, replaces it in place; returns its index. */
  add(entry: GazetteerEntry): number {
    const index = this.place(entry, entry.geonameId);
    if (entry.featureCode === 'PCLI' && !this.countries.has(entry.country)) this.countries.set(entry.country, index);
    return index;
  }

  /** Adds a compiled entry line (`E\t...`) without parsing it; `geonameId` is its second field. */
  addRawLine(line: string, geonameId: number | null): number {
    return this.place(line, geonameId);
  }

  private place(row: GazetteerEntry | string, geonameId: number | null): number {
    const existing = geonameId === null ? undefined : this.byGeonameId(geonameId);
    if (existing !== undefined) {
      if (existing < this.baseCount) this.overrides.set(existing, row);
      else this.rows[existing - this.baseCount] = row;
      return existing;
    }
    const index = this.size;
    this.rows.push(row);
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

  /** Adds a name's packed list from a compiled text file (the user's extension). */
  setPackedName(folded: string, packed: string, skeleton: boolean): void {
    const map = skeleton ? this.skeletons : this.names;
    const existing = map.get(folded);
    if (existing === undefined) map.set(folded, packed);
    else for (const p of packed.split(',')) addPacked(map, folded, Number(p));
  }

  setAdminName(code: string, name: string): void {
    this.adminNames.set(code, name);
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

  /** Records an abbreviation of a division, as written ("Calif.", "NSW"; case and dots matter). */
  addAbbreviation(written: string, abbreviation: Abbreviation): void {
    this.abbreviations.set(written, abbreviation);
  }

  /** The division an abbreviation stands for, by its exact written form. */
  lookupAbbreviation(written: string): Abbreviation | undefined {
    return this.abbreviations.get(written);
  }

  /** Entries whose folded name is exactly `folded`, each with the best way it was reached. */
  lookup(folded: string): NameHit[] {
    return unpack(this.base?.names.get(folded), this.names.get(folded));
  }

  /** Entries whose romanisation skeleton matches (East Slavic countries only). */
  lookupSkeleton(folded: string): NameHit[] {
    const skeleton = romanisationSkeleton(folded);
    return unpack(this.base?.skeletons.get(skeleton), this.skeletons.get(skeleton));
  }

  has(folded: string): boolean {
    return this.names.has(folded) || this.base?.names.get(folded) !== undefined;
  }

  byGeonameId(id: number): number | undefined {
    return this.byId.get(id) ?? this.base?.byGeonameId(id);
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
    return this.adminNames.get(code) ?? this.base?.adminName(code);
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

function unpack(base: ArrayLike<number> | undefined, overlay: Packed | undefined): NameHit[] {
  if (base === undefined && overlay === undefined) return [];
  const extra = typeof overlay === 'string' ? overlay.split(',').map(Number) : overlay;
  const out: NameHit[] = [];
  const add = (p: number): void => {
    const entry = Math.floor(p / 4);
    const code = p % 4;
    for (let k = 0; k < out.length; k++) {
      if (out[k]!.entry !== entry) continue;
      if (KIND_RANK[KIND_CODE[out[k]!.kind]]! > KIND_RANK[code]!) out[k] = { entry, kind: CODE_KIND[code]! };
      return;
    }
    out.push({ entry, kind: CODE_KIND[code]! });
  };
  if (base !== undefined) for (let i = 0; i < base.length; i++) add(base[i]!);
  if (extra !== undefined) for (const p of extra) add(p);
  return out;
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
