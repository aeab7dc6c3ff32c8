import { romanisationSkeleton, SKELETON_COUNTRIES } from './fold.js';
import { KIND_CODE, type GazetteerEntry } from './gazetteer.js';
import type { CompiledRecord } from './compiled-format.js';

/**
 * The default gazetteer as one binary file, written by the compile step and
 * used in place without parsing: loading is a file read plus typed-array views
 * (tens of milliseconds, memory about the file's size), and the buffer may be
 * a SharedArrayBuffer handed to worker threads, which then share one copy.
 *
 * Layout (little-endian, every section 8-byte aligned):
 *
 *   magic "CCGZBIN3"  then a Uint32 header length and a JSON header:
 *   { version, entries, fclasses[], fcodes[], countries[], sections: { name: [byteOffset, byteLength] } }
 *   ids       Int32   × entries     geonameId, -1 when none
 *   lat, lon  Float64 × entries
 *   pop       Float64 × entries
 *   fclass, fcode  Uint8 × entries  index into the header's lists
 *   country   Uint16  × entries     index into the header's list
 *   strOff    Uint32  × entries + 1 into `strings`: "name\tadmin1\tadmin2" (UTF-8)
 *   idOrder   Uint32  × entries     entry numbers sorted by geonameId (for byGeonameId)
 *   admin     UTF-8 "code\tname\n" lines (decoded on first use)
 *   names / skeletons: an open-addressing hash table over folded names:
 *     slots Uint32 × (power of two)  name number + 1, 0 = empty (FNV-1a of the UTF-8 key)
 *     keyOff Uint32 × (names + 1)    into keys (UTF-8)
 *     hitOff Uint32 × (names + 1)    into hits
 *     hits   Uint32                  entry × 4 + kind code (gazetteer.ts KIND_CODE)
 */
export const BINARY_MAGIC = 'CCGZBIN3';

interface Header {
  /** What compiled it, in which version (compile-default.ts DEFAULT_COMPILE_VERSION): a stale file is recompiled. */
  readonly version: string;
  readonly entries: number;
  readonly fclasses: readonly string[];
  readonly fcodes: readonly string[];
  readonly countries: readonly string[];
  readonly sections: Readonly<Record<string, readonly [number, number]>>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over bytes [from, to) of `bytes`. */
function fnv1a(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Serialises admin names and records into the binary format. */
export function formatBinary(adminNames: ReadonlyMap<string, string>, records: readonly CompiledRecord[], version = ''): Uint8Array {
  const n = records.length;
  const listIndex = (list: string[], map: Map<string, number>, value: string): number => {
    let i = map.get(value);
    if (i === undefined) { i = list.length; list.push(value); map.set(value, i); }
    return i;
  };
  const fclasses: string[] = []; const fcodes: string[] = []; const countries: string[] = [];
  const fclassMap = new Map<string, number>(); const fcodeMap = new Map<string, number>(); const countryMap = new Map<string, number>();
  const ids = new Int32Array(n); const lat = new Float64Array(n); const lon = new Float64Array(n); const pop = new Float64Array(n);
  const fclass = new Uint8Array(n); const fcode = new Uint8Array(n); const country = new Uint16Array(n);
  const strParts: string[] = [];
  const names = new Map<string, number[]>();
  const skeletons = new Map<string, number[]>();
  records.forEach((record, i) => {
    const e = record.entry;
    ids[i] = e.geonameId ?? -1;
    lat[i] = e.lat; lon[i] = e.lon; pop[i] = e.population;
    fclass[i] = listIndex(fclasses, fclassMap, e.featureClass);
    fcode[i] = listIndex(fcodes, fcodeMap, e.featureCode);
    country[i] = listIndex(countries, countryMap, e.country);
    strParts.push(`${e.name.replace(/[\t\n]/g, ' ')}\t${e.admin1 ?? ''}\t${e.admin2 ?? ''}`);
    const skeleton = SKELETON_COUNTRIES.has(e.country);
    for (const { folded, kind } of record.names) {
      if (folded === '') continue;
      const hit = i * 4 + KIND_CODE[kind];
      add(names, folded, hit);
      if (skeleton && /[a-z]/.test(folded)) add(skeletons, romanisationSkeleton(folded), hit);
    }
  });
  if (fcodes.length > 255 || fclasses.length > 255 || countries.length > 65535) throw new Error('gazetteer: too many distinct feature codes or countries for the binary format');
  const { offsets: strOff, blob: strings } = packStrings(strParts);
  const idOrder = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const admin = encoder.encode([...adminNames].map(([code, name]) => `${code}\t${name.replace(/[\t\n]/g, ' ')}\n`).join(''));
  const sections: Array<[string, Uint8Array]> = [
    ['ids', bytes(ids)], ['lat', bytes(lat)], ['lon', bytes(lon)], ['pop', bytes(pop)], ['fclass', fclass], ['fcode', fcode],
    ['country', bytes(country)], ['strOff', bytes(strOff)], ['strings', strings], ['idOrder', bytes(idOrder)], ['admin', admin],
    ...hashSections('names', names), ...hashSections('skeletons', skeletons),
  ];
  // Header size is fixed by a first pass with placeholder offsets (JSON numbers padded to a fixed width).
  const layout = (base: number): Record<string, [number, number]> => {
    const out: Record<string, [number, number]> = {};
    let at = base;
    for (const [name, data] of sections) { at = align8(at); out[name] = [at, data.byteLength]; at += data.byteLength; }
    return out;
  };
  const headerFor = (base: number): Uint8Array => encoder.encode(JSON.stringify({ version, entries: n, fclasses, fcodes, countries, sections: layout(base) } satisfies Header));
  let headerBytes = headerFor(0);
  for (let k = 0; k < 3; k++) headerBytes = headerFor(align8(12 + headerBytes.byteLength + 64));
  const base = align8(12 + headerBytes.byteLength + 64);
  const header: Header = JSON.parse(decoder.decode(headerBytes)) as Header;
  const total = Math.max(...Object.values(header.sections).map(([o, l]) => o + l));
  const out = new Uint8Array(total);
  out.set(encoder.encode(BINARY_MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.byteLength, true);
  out.set(headerBytes, 12);
  if (12 + headerBytes.byteLength > base) throw new Error('gazetteer: binary header overflow');
  for (const [name, data] of sections) out.set(data, header.sections[name]![0]);
  return out;
}

function hashSections(prefix: string, map: Map<string, number[]>): Array<[string, Uint8Array]> {
  const keys = [...map.keys()];
  const { offsets: keyOff, blob: keyBlob } = packStrings(keys);
  const hitOff = new Uint32Array(keys.length + 1);
  let total = 0;
  keys.forEach((k, i) => { hitOff[i] = total; total += map.get(k)!.length; });
  hitOff[keys.length] = total;
  const hits = new Uint32Array(total);
  keys.forEach((k, i) => hits.set(map.get(k)!, hitOff[i]!));
  let size = 1;
  while (size < keys.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  keys.forEach((_, i) => {
    let s = fnv1a(keyBlob, keyOff[i]!, keyOff[i + 1]!) & (size - 1);
    while (slots[s] !== 0) s = (s + 1) & (size - 1);
    slots[s] = i + 1;
  });
  return [[`${prefix}.slots`, bytes(slots)], [`${prefix}.keyOff`, bytes(keyOff)], [`${prefix}.keys`, keyBlob], [`${prefix}.hitOff`, bytes(hitOff)], [`${prefix}.hits`, bytes(hits)]];
}

function packStrings(strings: readonly string[]): { offsets: Uint32Array; blob: Uint8Array } {
  const encoded = strings.map((s) => encoder.encode(s));
  const offsets = new Uint32Array(strings.length + 1);
  let total = 0;
  encoded.forEach((e, i) => { offsets[i] = total; total += e.byteLength; });
  offsets[strings.length] = total;
  const blob = new Uint8Array(total);
  encoded.forEach((e, i) => blob.set(e, offsets[i]!));
  return { offsets, blob };
}

function add(map: Map<string, number[]>, key: string, hit: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [hit]);
  else if (!list.includes(hit)) list.push(hit);
}

function bytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function align8(x: number): number {
  return (x + 7) & ~7;
}

/** One hash table of the binary file (names or skeletons). */
class NameTable {
  private readonly scratch = new Uint8Array(1024);
  constructor(
    private readonly slots: Uint32Array,
    private readonly keyOff: Uint32Array,
    private readonly keys: Uint8Array,
    private readonly hitOff: Uint32Array,
    private readonly hits: Uint32Array,
  ) {}

  /** The packed hits (entry × 4 + kind) of `folded`, or undefined. */
  get(folded: string): Uint32Array | undefined {
    let len: number;
    if (folded.length * 3 <= this.scratch.length) len = encoder.encodeInto(folded, this.scratch).written;
    else return this.getSlow(encoder.encode(folded));
    return this.find(this.scratch, len);
  }

  private getSlow(key: Uint8Array): Uint32Array | undefined {
    return this.find(key, key.byteLength);
  }

  private find(key: Uint8Array, len: number): Uint32Array | undefined {
    const mask = this.slots.length - 1;
    let s = fnv1a(key, 0, len) & mask;
    for (;;) {
      const slot = this.slots[s]!;
      if (slot === 0) return undefined;
      const k = slot - 1;
      const from = this.keyOff[k]!;
      if (this.keyOff[k + 1]! - from === len) {
        let same = true;
        for (let i = 0; i < len; i++) if (this.keys[from + i] !== key[i]) { same = false; break; }
        if (same) return this.hits.subarray(this.hitOff[k]!, this.hitOff[k + 1]!);
      }
      s = (s + 1) & mask;
    }
  }

  get size(): number {
    return this.keyOff.length - 1;
  }
}

/**
 * A read-only view over a binary gazetteer buffer: entries decoded on first
 * use (and cached), names found by hashing the folded key's UTF-8 bytes.
 */
export class BinaryGazetteer {
  readonly count: number;
  readonly version: string;
  readonly names: NameTable;
  readonly skeletons: NameTable;
  private readonly header: Header;
  private readonly ids: Int32Array;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly pop: Float64Array;
  private readonly fclass: Uint8Array;
  private readonly fcode: Uint8Array;
  private readonly country: Uint16Array;
  private readonly strOff: Uint32Array;
  private readonly strings: Uint8Array;
  private readonly idOrder: Uint32Array;
  private readonly adminBytes: Uint8Array;
  private adminMap: Map<string, string> | undefined;
  private readonly cache: Array<GazetteerEntry | undefined>;

  /** `buffer` is the whole file (an ArrayBuffer or a SharedArrayBuffer); `file` names it in errors. */
  constructor(readonly buffer: ArrayBufferLike, file: string) {
    const all = new Uint8Array(buffer);
    if (all.byteLength < 12 || decoder.decode(all.subarray(0, 8)) !== BINARY_MAGIC) {
      throw new Error(`${file}: not a binary counterclaim gazetteer (expected '${BINARY_MAGIC}'); delete it and run 'npm run prepare'`);
    }
    const headerLength = new DataView(buffer as ArrayBuffer).getUint32(8, true);
    if (12 + headerLength > all.byteLength) throw new Error(`${file}: binary gazetteer truncated (header); delete it and run 'npm run prepare'`);
    this.header = JSON.parse(decoder.decode(all.subarray(12, 12 + headerLength))) as Header;
    const at = (name: string): [number, number] => {
      const s = this.header.sections[name];
      if (!s || s[0] + s[1] > all.byteLength) throw new Error(`${file}: binary gazetteer truncated (section ${name}); delete it and run 'npm run prepare'`);
      return [s[0], s[1]];
    };
    const u8 = (name: string): Uint8Array => { const [o, l] = at(name); return new Uint8Array(buffer, o, l); };
    const u32 = (name: string): Uint32Array => { const [o, l] = at(name); return new Uint32Array(buffer, o, l / 4); };
    const f64 = (name: string): Float64Array => { const [o, l] = at(name); return new Float64Array(buffer, o, l / 8); };
    this.count = this.header.entries;
    this.version = this.header.version ?? '';
    { const [o, l] = at('ids'); this.ids = new Int32Array(buffer, o, l / 4); }
    this.lat = f64('lat');
    this.lon = f64('lon');
    this.pop = f64('pop');
    this.fclass = u8('fclass');
    this.fcode = u8('fcode');
    { const [o, l] = at('country'); this.country = new Uint16Array(buffer, o, l / 2); }
    this.strOff = u32('strOff');
    this.strings = u8('strings');
    this.idOrder = u32('idOrder');
    this.adminBytes = u8('admin');
    this.names = new NameTable(u32('names.slots'), u32('names.keyOff'), u8('names.keys'), u32('names.hitOff'), u32('names.hits'));
    this.skeletons = new NameTable(u32('skeletons.slots'), u32('skeletons.keyOff'), u8('skeletons.keys'), u32('skeletons.hitOff'), u32('skeletons.hits'));
    this.cache = new Array(this.count);
  }

  entry(i: number): GazetteerEntry {
    const cached = this.cache[i];
    if (cached !== undefined) return cached;
    const [name, admin1, admin2] = decoder.decode(this.strings.subarray(this.strOff[i]!, this.strOff[i + 1]!)).split('\t');
    const id = this.ids[i]!;
    const e: GazetteerEntry = {
      geonameId: id < 0 ? null : id,
      name: name!,
      lat: this.lat[i]!,
      lon: this.lon[i]!,
      featureClass: this.header.fclasses[this.fclass[i]!]!,
      featureCode: this.header.fcodes[this.fcode[i]!]!,
      country: this.header.countries[this.country[i]!]!,
      admin1: admin1 || null,
      admin2: admin2 || null,
      population: this.pop[i]!,
    };
    this.cache[i] = e;
    return e;
  }

  /** The entry number with GeoNames id `id`, by binary search over idOrder. */
  byGeonameId(id: number): number | undefined {
    let lo = 0;
    let hi = this.idOrder.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[this.idOrder[mid]!]!;
      if (v === id) return this.idOrder[mid];
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  adminName(code: string): string | undefined {
    if (this.adminMap === undefined) {
      this.adminMap = new Map();
      for (const line of decoder.decode(this.adminBytes).split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) this.adminMap.set(line.slice(0, tab), line.slice(tab + 1));
      }
    }
    return this.adminMap.get(code);
  }

  get nameCount(): number {
    return this.names.size;
  }
}
