import { z } from 'zod';
import type { Sentence, Token } from '../../model/index.js';
import type { CueLexicon } from './cue-lexicon.js';

/**
 * A linear-chain tagger (averaged structured perceptron, Collins 2002) that
 * marks the tokens of each attribution role — cue, source, content — with
 * O/B/I tags, one Viterbi pass per role and sentence. Roles overlap (a
 * content holds the cue and source of a nested attribution), so each role has
 * its own tag chain. Cues are tagged first; the source and content chains see
 * where the tagged cues are. The weights are trained on PolNeAR train by
 * scripts/train-attribution.ts and shipped in models/attribution/.
 */

export const ROLES = ['cue', 'source', 'content'] as const;
export type Role = (typeof ROLES)[number];
/**
 * The chains of the model: the three roles, then `cue2`, a second (stacked)
 * cue pass that sees the first pass's tags in a window and its margin
 * (Wolpert 1992 stacking; trained on jackknifed first-pass tags, so it learns
 * from the first pass's real errors). Optional in the model file.
 */
export const CHAINS = ['cue', 'source', 'content', 'cue2'] as const;
export type Chain = (typeof CHAINS)[number];
export const TAGS = 3; // O, B, I
export const O = 0;
export const B = 1;
export const I = 2;

/** The shape of models/attribution/tagger.json, checked where it is loaded. */
export const TaggerModelSchema = z.object({
  format: z.literal('counterclaim-attribution-tagger/1'),
  trainedOn: z.string(),
  /** Per role: transition weights [from O,B,I,start][to O,B,I], flattened (12 numbers). */
  transitions: z.object({ cue: z.array(z.number()).length(12), source: z.array(z.number()).length(12), content: z.array(z.number()).length(12), cue2: z.array(z.number()).length(12).optional() }),
  /** Per role: added to the B and I scores of every token (the perceptron leans to O; chosen on train for token F1). */
  bias: z.object({ cue: z.number(), source: z.number(), content: z.number(), cue2: z.number().optional() }).optional(),
  /** Per role: feature → weights for O, B, I. */
  weights: z.object({
    cue: z.record(z.string(), z.array(z.number()).length(3)), source: z.record(z.string(), z.array(z.number()).length(3)), content: z.record(z.string(), z.array(z.number()).length(3)),
    cue2: z.record(z.string(), z.array(z.number()).length(3)).optional(),
  }),
});
export type TaggerModelData = z.infer<typeof TaggerModelSchema>;

/**
 * The compiled model, laid out so that tagging a token costs array reads
 * rather than building ~30 feature strings and hashing them: every word of the
 * model gets an id (looked up once per token), word features are rows of a
 * table by id, the small-valued features (shape, lexicon class, distance
 * buckets, quotation) rows of a table by value index, and a word pair one
 * numeric lookup. Every row holds the weights of all three roles (cue,
 * source, content × O, B, I).
 */
export interface SpanTagger {
  readonly transitions: Readonly<Record<Chain, Float64Array>>;
  readonly bias: Readonly<Record<Chain, number>>;
  /** Whether the model has the stacked second cue pass (`cue2`). */
  readonly stacked: boolean;
  readonly vocab: ReadonlyMap<string, number>;
  /** Per word id: the rows of w, p, n, pp, nn (5 × 9). */
  readonly wordRows: Float32Array;
  /** Per word id: the row of its s3 feature, or -1; suffixes of unknown words through `suffixes`. */
  readonly suffixOfWord: Int32Array;
  readonly suffixes: ReadonlyMap<string, number>;
  readonly suffixRows: Float32Array;
  /** Dense tables of the small-valued templates, by value index (see TABLES). */
  readonly tables: Readonly<Record<TableName, Float32Array>>;
  /** Shapes the model knows beyond the five word shapes (punctuation marks) → index. */
  readonly shapes: ReadonlyMap<string, number>;
  /**
   * Every table above laid end to end in one typed array (rows of 9), so that a
   * token's features are row numbers found once per document (`prepareTagging`)
   * and scoring them is a sum of rows: no strings, maps or calls in the loop.
   */
  readonly rows: Float32Array;
  /** Where each table starts in `rows`, in rows (`pairs`: the pair rows, `pw` then `wn` for each pair). */
  readonly offsets: Readonly<Record<TableName | 'word' | 'suffix' | 'pair', number>>;
  /** Adjacent pair key a × V + b → the number of its `pw` row in `rows` (its `wn` row follows). */
  readonly pairRowOf: ReadonlyMap<number, number>;
}

const W = 12; // weights per row: cue, source, content, cue2 × O, B, I
const WORD_TEMPLATES = ['w', 'p', 'n', 'pp', 'nn'] as const;
const WORD_VALUED = new Set(['w', 'p', 'n', 'pp', 'nn', 'pw', 'wn', 'clw', 'crw', 'cr|w', 'k0|w']);
const BOS = '<s>';
const EOS = '</s>';
const BUCKETS = ['0', '1', '2', '3', '6', '12', 'far', 'no'];
const CLASSES = ['', 'speech', 'thought', 'evidence', 'according', 'noun'];
const QUOTES = ['0', '1', '2'];
const PUNCT = ['q', ',', '-'];
const CUE_STATE = ['in', 'out', 'none'];
const NEARNESS = ['near', 'far', 'no'];
/** Word shapes first; punctuation shapes follow from index 6 (`shapes`); index 5 is "<s>". */
const WORD_SHAPES = ['x', 'Xx', 'XX', 'd', 'q', BOS];
const MAX_SHAPES = 64;
/** The stacked pass's first-pass tags: O, B, I, and '-' outside the sentence. */
const TAG_NAMES = ['O', 'B', 'I', '-'];
/** First-pass margin (best of B, I minus O, bias included) thresholds: the bucket is how many it reaches. */
const MARGINS = [-80, -40, -20, -10, 0, 10, 20, 40, 80];
const marginIndex = (m: number): number => { let i = 0; while (i < MARGINS.length && m >= MARGINS[i]!) i++; return i; };
type TableName = 'k0' | 'kp' | 'kn' | 'kpp' | 'knn' | 'k3' | 'km' | 'kd' | 'k0|w' | 'b' | 'sh' | 'psh' | 'lx' | 'lxp' | 'lxn' | 'q' | 'sp' | 'ep' | 'dl' | 'dr' | 'c' | 'cl' | 'cr' | 'clr' | 'cl|q' | 'cr|sh' | 'cr|w' | 'clw' | 'crw' | 'clp' | 'crp';

/** Validates the model file and compiles it for tagging. */
export function compileSpanTagger(data: unknown): SpanTagger {
  const m = TaggerModelSchema.parse(data);
  const vocab = new Map<string, number>([[BOS, 0], [EOS, 1]]);
  const shapes = new Map<string, number>(WORD_SHAPES.map((x, i) => [x, i]));
  const split = (f: string): [string, string] => { const eq = f.indexOf('='); return eq === -1 ? [f, f] : [f.slice(0, eq), f.slice(eq + 1)]; };
  const pairOf = (v: string): [string, string] | null => { const bar = v.indexOf('|'); return bar === -1 || v.indexOf('|', bar + 1) !== -1 ? null : [v.slice(0, bar), v.slice(bar + 1)]; };
  // first pass: ids for every word and punctuation shape the model names
  for (const role of CHAINS) for (const f of Object.keys(m.weights[role] ?? {})) {
    const [template, value] = split(f);
    if (WORD_VALUED.has(template)) {
      const words = template === 'pw' || template === 'wn' ? pairOf(value) ?? [] : template === 'cr|w' || template === 'k0|w' ? [pairOf(value)?.[1] ?? ''] : [value];
      for (const w of words) if (!vocab.has(w)) vocab.set(w, vocab.size);
    } else if (template === 'sh' || template === 'psh' || template === 'cr|sh') {
      const vs = template === 'sh' ? [value] : pairOf(value) ?? [];
      for (const x of vs) if (!shapes.has(x) && shapes.size < MAX_SHAPES) shapes.set(x, shapes.size);
    }
  }
  const V = vocab.size;
  if (V * V >= 2 ** 30) throw new Error('attribution tagger: vocabulary too large for numeric pair keys; prune the model harder (scripts/train-attribution.ts --prune)');
  const S = MAX_SHAPES;
  const B = BUCKETS.length;
  const tables: Record<TableName, Float32Array> = {
    b: new Float32Array(W), sh: new Float32Array(S * W), psh: new Float32Array(S * S * W),
    lx: new Float32Array(CLASSES.length * W), lxp: new Float32Array(CLASSES.length * W), lxn: new Float32Array(CLASSES.length * W),
    q: new Float32Array(QUOTES.length * W), sp: new Float32Array(B * W), ep: new Float32Array(B * W), dl: new Float32Array(B * W), dr: new Float32Array(B * W),
    c: new Float32Array(CUE_STATE.length * W), cl: new Float32Array(B * W), cr: new Float32Array(B * W), clr: new Float32Array(B * B * W),
    'cl|q': new Float32Array(B * QUOTES.length * W), 'cr|sh': new Float32Array(B * S * W), 'cr|w': new Float32Array(NEARNESS.length * V * W),
    clw: new Float32Array(V * W), crw: new Float32Array(V * W), clp: new Float32Array(PUNCT.length * W), crp: new Float32Array(PUNCT.length * W),
    k0: new Float32Array(4 * W), kp: new Float32Array(4 * W), kn: new Float32Array(4 * W), kpp: new Float32Array(4 * W), knn: new Float32Array(4 * W),
    k3: new Float32Array(64 * W), km: new Float32Array((MARGINS.length + 1) * W), kd: new Float32Array(B * W), 'k0|w': new Float32Array(3 * V * W),
  };
  const domains: Partial<Record<TableName, readonly string[]>> = {
    k0: TAG_NAMES, kp: TAG_NAMES, kn: TAG_NAMES, kpp: TAG_NAMES, knn: TAG_NAMES, km: MARGINS.map((_, i) => String(i)).concat(String(MARGINS.length)), kd: BUCKETS,
    lx: CLASSES, lxp: CLASSES, lxn: CLASSES, q: QUOTES, sp: BUCKETS, ep: BUCKETS, dl: BUCKETS, dr: BUCKETS, c: CUE_STATE, cl: BUCKETS, cr: BUCKETS, clp: PUNCT, crp: PUNCT,
  };
  const wordRows = new Float32Array(V * WORD_TEMPLATES.length * W);
  const suffixes = new Map<string, number>();
  const suffixList: Array<readonly number[]> = [];
  const pairRows = new Map<number, Float32Array>();
  const transitions = {} as Record<Chain, Float64Array>;
  CHAINS.forEach((role, r) => {
    transitions[role] = Float64Array.from(m.transitions[role] ?? new Array(12).fill(0));
    for (const [f, w] of Object.entries(m.weights[role] ?? {})) {
      const [template, value] = split(f);
      let table: Float32Array | undefined;
      let row = -1;
      const t = (WORD_TEMPLATES as readonly string[]).indexOf(template);
      if (t !== -1) { table = wordRows; row = vocab.get(value)! * WORD_TEMPLATES.length + t; }
      else if (template === 'pw' || template === 'wn') {
        const pair = pairOf(value);
        if (!pair) continue;
        const key = vocab.get(pair[0])! * V + vocab.get(pair[1])!;
        table = pairRows.get(key) ?? new Float32Array(2 * W);
        pairRows.set(key, table);
        row = template === 'pw' ? 0 : 1;
      } else if (template === 's3') {
        if (!suffixes.has(value)) { suffixes.set(value, suffixList.length); suffixList.push([]); }
        table = undefined;
        const i = suffixes.get(value)!;
        (suffixList[i] as number[])[r * 3] = w[0]!; (suffixList[i] as number[])[r * 3 + 1] = w[1]!; (suffixList[i] as number[])[r * 3 + 2] = w[2]!;
        continue;
      } else if (template in tables) {
        const name = template as TableName;
        table = tables[name];
        const one = (d: readonly string[] | undefined, x: string): number => (d ? d.indexOf(x) : -1);
        const two = (i: number, j: number, nj: number): number => (i < 0 || j < 0 ? -1 : i * nj + j);
        const pair = pairOf(value) ?? ['\u0000', '\u0000'];
        if (name === 'b') row = 0;
        else if (name === 'sh') row = shapes.get(value) ?? -1;
        else if (name === 'clw' || name === 'crw') row = vocab.get(value) ?? -1;
        else if (name === 'psh') row = two(shapes.get(pair[0]) ?? -1, shapes.get(pair[1]) ?? -1, S);
        else if (name === 'clr') row = two(one(BUCKETS, pair[0]), one(BUCKETS, pair[1]), B);
        else if (name === 'cl|q') row = two(one(BUCKETS, pair[0]), one(QUOTES, pair[1]), QUOTES.length);
        else if (name === 'cr|sh') row = two(one(BUCKETS, pair[0]), shapes.get(pair[1]) ?? -1, S);
        else if (name === 'cr|w') row = two(one(NEARNESS, pair[0]), vocab.get(pair[1]) ?? -1, V);
        else if (name === 'k0|w') row = two(one(TAG_NAMES, pair[0]), vocab.get(pair[1]) ?? -1, V);
        else if (name === 'k3') { const [x, y, z3] = value.split('|'); const a = TAG_NAMES.indexOf(x ?? ''); const b = TAG_NAMES.indexOf(y ?? ''); const c = TAG_NAMES.indexOf(z3 ?? ''); row = a < 0 || b < 0 || c < 0 ? -1 : (a * 4 + b) * 4 + c; }
        else row = one(domains[name], value);
      }
      if (!table || row < 0) continue;
      table[row * W + r * 3] = w[0]!; table[row * W + r * 3 + 1] = w[1]!; table[row * W + r * 3 + 2] = w[2]!;
    }
  });
  const suffixRows = new Float32Array(suffixList.length * W);
  suffixList.forEach((ws, i) => { for (let j = 0; j < W; j++) suffixRows[i * W + j] = ws[j] ?? 0; });
  const suffixOfWord = new Int32Array(V).fill(-1);
  for (const [word, id] of vocab) suffixOfWord[id] = suffixes.get(word.slice(-3)) ?? -1;
  const bias = { cue: m.bias?.cue ?? 0, source: m.bias?.source ?? 0, content: m.bias?.content ?? 0, cue2: m.bias?.cue2 ?? 0 };
  const stacked = m.weights.cue2 !== undefined && m.transitions.cue2 !== undefined;
  // one array of rows: word rows, suffix rows, pair rows, then the small tables
  const offsets = {} as Record<TableName | 'word' | 'suffix' | 'pair', number>;
  let size = 0;
  const parts: Float32Array[] = [];
  const place = (name: TableName | 'word' | 'suffix' | 'pair', table: Float32Array): void => { offsets[name] = size / W; parts.push(table); size += table.length; };
  place('word', wordRows);
  place('suffix', suffixRows);
  const pairTable = new Float32Array(pairRows.size * 2 * W);
  const pairRowOf = new Map<number, number>();
  let p = 0;
  for (const [key, row] of pairRows) { pairTable.set(row, p * 2 * W); pairRowOf.set(key, p * 2); p++; }
  place('pair', pairTable);
  for (const name of Object.keys(tables) as TableName[]) place(name, tables[name]);
  const rows = new Float32Array(size);
  for (let i = 0, at = 0; i < parts.length; at += parts[i]!.length, i++) rows.set(parts[i]!, at);
  for (const [key, row] of pairRowOf) pairRowOf.set(key, row + offsets.pair);
  return { transitions, bias, stacked, vocab, wordRows, suffixOfWord, suffixes, suffixRows, tables, shapes, rows, offsets, pairRowOf };
}

/**
 * The compiled tagger as bytes, so that start-up maps them instead of parsing
 * the 1.8 MB JSON model and compiling it (0.3–1.4 s): `npm run prepare` and
 * `npm run build` write it to .cache/attribution/ (scripts/compile-tagger.mjs),
 * and loadResources uses it when its `source` (the SHA-256 of the JSON model)
 * matches the model on disk, else compiles the JSON as before.
 *
 * Layout (little-endian): the 8 bytes of TAGGER_MAGIC; a uint32 header length;
 * the header as JSON (everything but the arrays: vocabulary, suffixes, shapes,
 * transitions, bias, offsets, the table layout); zero padding to 8 bytes; then
 * `rows` (float32), `suffixOfWord` (int32) and the pair keys (int32, in the
 * order of their rows), each at the byte offset the header names.
 */
const TAGGER_MAGIC = 'cctagger';
const TAGGER_BINARY_VERSION = 1;

interface TaggerBinaryHeader {
  readonly version: number;
  readonly source: string;
  readonly transitions: Record<Chain, number[]>;
  readonly bias: Record<Chain, number>;
  readonly stacked: boolean;
  readonly vocab: string[];
  readonly suffixes: string[];
  readonly shapes: string[];
  readonly offsets: Record<TableName | 'word' | 'suffix' | 'pair', number>;
  /** Every table's name, first row and number of rows, in the order they lie in `rows`. */
  readonly layout: Array<[TableName | 'word' | 'suffix' | 'pair', number, number]>;
  /** Byte offset and element count of `rows`, `suffixOfWord` and `pairKeys`. */
  readonly sections: Record<'rows' | 'suffixOfWord' | 'pairKeys', [number, number]>;
}

/** The compiled tagger as bytes (the layout above); `source` identifies the model it came from. */
export function encodeSpanTagger(tagger: SpanTagger, source: string): Uint8Array {
  const align = (n: number): number => Math.ceil(n / 8) * 8;
  const pairs = [...tagger.pairRowOf].sort((a, b) => a[1] - b[1]);
  const pairKeys = Int32Array.from(pairs, ([key]) => key);
  const rowsOf = (table: Float32Array): number => table.length / W;
  const layout: TaggerBinaryHeader['layout'] = [
    ['word', tagger.offsets.word, rowsOf(tagger.wordRows)], ['suffix', tagger.offsets.suffix, rowsOf(tagger.suffixRows)], ['pair', tagger.offsets.pair, pairKeys.length * 2],
    ...(Object.keys(tagger.tables) as TableName[]).map((name): [TableName, number, number] => [name, tagger.offsets[name], rowsOf(tagger.tables[name])]),
  ];
  const arrays = { rows: tagger.rows, suffixOfWord: tagger.suffixOfWord, pairKeys };
  const header = {
    version: TAGGER_BINARY_VERSION, source,
    transitions: Object.fromEntries(CHAINS.map((c) => [c, [...tagger.transitions[c]]])) as Record<Chain, number[]>,
    bias: { ...tagger.bias }, stacked: tagger.stacked,
    vocab: [...tagger.vocab.keys()], suffixes: [...tagger.suffixes.keys()], shapes: [...tagger.shapes.keys()],
    offsets: { ...tagger.offsets }, layout,
    sections: {} as TaggerBinaryHeader['sections'],
  } satisfies TaggerBinaryHeader;
  // the header's length depends on the offsets it names: place the arrays after a header sized with placeholders, then recheck
  for (let headerBytes = 0; ;) {
    let at = align(12 + headerBytes);
    for (const [name, array] of Object.entries(arrays) as Array<[keyof typeof arrays, Float32Array | Int32Array]>) { header.sections[name] = [at, array.length]; at = align(at + array.byteLength); }
    const json = new TextEncoder().encode(JSON.stringify(header));
    if (json.length > headerBytes) { headerBytes = json.length; continue; }
    const out = new Uint8Array(at);
    out.set(new TextEncoder().encode(TAGGER_MAGIC), 0);
    new DataView(out.buffer).setUint32(8, json.length, true);
    out.set(json, 12);
    for (const [name, array] of Object.entries(arrays) as Array<[keyof typeof arrays, Float32Array | Int32Array]>) out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), header.sections[name][0]);
    return out;
  }
}

/**
 * The tagger encodeSpanTagger wrote, its arrays views of `bytes` (no copy when
 * they are 8-byte aligned); null when the bytes are another format version or
 * come from another model than `source`, so that the caller compiles the JSON.
 */
export function decodeSpanTagger(bytes: Uint8Array, source: string): SpanTagger | null {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== TAGGER_MAGIC) return null;
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as TaggerBinaryHeader;
  if (header.version !== TAGGER_BINARY_VERSION || header.source !== source) return null;
  const [rowsAt, rowsLength] = header.sections.rows;
  const [suffixAt, suffixLength] = header.sections.suffixOfWord;
  const [pairAt, pairLength] = header.sections.pairKeys;
  const rows = new Float32Array(bytes.buffer, bytes.byteOffset + rowsAt, rowsLength);
  const suffixOfWord = new Int32Array(bytes.buffer, bytes.byteOffset + suffixAt, suffixLength);
  const pairKeys = new Int32Array(bytes.buffer, bytes.byteOffset + pairAt, pairLength);
  const view = (first: number, count: number): Float32Array => rows.subarray(first * W, (first + count) * W);
  const tables = {} as Record<TableName, Float32Array>;
  let wordRows: Float32Array = new Float32Array(0);
  let suffixRows: Float32Array = new Float32Array(0);
  for (const [name, first, count] of header.layout) {
    if (name === 'word') wordRows = view(first, count);
    else if (name === 'suffix') suffixRows = view(first, count);
    else if (name !== 'pair') tables[name] = view(first, count);
  }
  const pairRowOf = new Map<number, number>();
  for (let p = 0; p < pairKeys.length; p++) pairRowOf.set(pairKeys[p]!, header.offsets.pair + p * 2);
  const transitions = {} as Record<Chain, Float64Array>;
  for (const c of CHAINS) transitions[c] = Float64Array.from(header.transitions[c]);
  return {
    transitions, bias: header.bias, stacked: header.stacked,
    vocab: new Map(header.vocab.map((w, i) => [w, i])), wordRows, suffixOfWord,
    suffixes: new Map(header.suffixes.map((x, i) => [x, i])), suffixRows,
    tables, shapes: new Map(header.shapes.map((x, i) => [x, i])), rows, offsets: header.offsets, pairRowOf,
  };
}

/** Per token: the lexicon class of a cue form starting there ('' if none), and whether it sits inside quotation marks. */
export interface TokenContext {
  readonly lexClass: readonly string[];
  readonly quoted: Uint8Array;
}

/** The cue lexicon's class (speech, thought, evidence, according, noun) of a form starting at each token. */
export function tokenContext(tokens: readonly Token[], lexicon: CueLexicon): TokenContext {
  const lexClass: string[] = new Array(tokens.length).fill('');
  const quoted = new Uint8Array(tokens.length);
  let open = 0;
  let sentence = -1;
  let sentenceOpen = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) { sentence = t.sentence; sentenceOpen = open; }
    const list = lexicon.byFirst.get(t.norm);
    if (list) {
      for (const e of list) {
        if (e.norms.every((n, j) => tokens[k + j]?.norm === n)) { lexClass[k] = e.frame === 'verb' ? e.class : e.frame; break; }
      }
    }
    if (t.text === '“' || t.text === '«') open = 1;
    else if (t.text === '”' || t.text === '»') { quoted[k] = 1; open = 0; }
    else if (t.text === '"') { open = open ? 0 : 1; quoted[k] = 1; }
    if (open) quoted[k] = sentenceOpen && open ? 2 : 1;
  }
  return { lexClass, quoted };
}

const SMALL = ['0', '1', '2', '3'];
const bucket = (d: number): string => (d <= 3 ? SMALL[d]! : d <= 6 ? '6' : d <= 12 ? '12' : 'far');

function shape(t: Token): string {
  if (t.kind === 'number') return 'd';
  if (t.kind === 'quote') return 'q';
  if (t.kind !== 'word') return t.text;
  // ASCII fast path (no strings built): lower case first, or capital then lower case somewhere
  const c0 = t.text.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122) return 'x';
  if (c0 >= 65 && c0 <= 90) {
    let lower = false;
    let ascii = true;
    for (let i = 1; i < t.text.length; i++) {
      const c = t.text.charCodeAt(i);
      if (c >= 97 && c <= 122) { lower = true; break; }
      if (c > 127) { ascii = false; break; }
    }
    if (lower) return 'Xx';
    if (ascii) return t.text.length > 1 ? 'XX' : 'Xx';
  }
  const first = t.text.charAt(0);
  if (first !== first.toLowerCase()) return t.text === t.text.toUpperCase() && t.text.length > 1 ? 'XX' : 'Xx';
  return 'x';
}

/** The cue chain's features of every token of a sentence: the word and its neighbours, shape, lexicon cues nearby, quotation. */
export function sentenceFeatures(tokens: readonly Token[], sentence: Sentence, ctx: TokenContext, withoutWords = false): string[][] {
  const [from, to] = sentence.tokens;
  const out: string[][] = [];
  const norm = (k: number): string => (k < from ? '<s>' : k >= to ? '</s>' : tokens[k]!.norm);
  const lex = (k: number): string => (k < from || k >= to ? '' : ctx.lexClass[k]!);
  // nearest lexicon cue to each side (reporting verbs nearby)
  const lexLeft = new Int32Array(to - from).fill(-1);
  const lexRight = new Int32Array(to - from).fill(-1);
  for (let k = from, last = -1; k < to; k++) { lexLeft[k - from] = last; if (ctx.lexClass[k]) last = k; }
  for (let k = to - 1, last = -1; k >= from; k--) { lexRight[k - from] = last; if (ctx.lexClass[k]) last = k; }
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const w = t.norm;
    const p = norm(k - 1);
    const n = norm(k + 1);
    // withoutWords: the word and word-pair features are looked up per word by baseEmissions
    out.push([
      ...(withoutWords ? [] : [`w=${w}`, `p=${p}`, `n=${n}`, `pp=${norm(k - 2)}`, `nn=${norm(k + 2)}`, `pw=${p}|${w}`, `wn=${w}|${n}`]),
      'b', `s3=${w.slice(-3)}`, `sh=${shape(t)}`, `psh=${k > from ? shape(tokens[k - 1]!) : '<s>'}|${shape(t)}`,
      `lx=${lex(k)}`, `lxp=${lex(k - 1)}`, `lxn=${lex(k + 1)}`, `q=${ctx.quoted[k]}`, `sp=${bucket(k - from)}`, `ep=${bucket(to - 1 - k)}`,
      `dl=${lexLeft[k - from]! < 0 ? 'no' : bucket(k - lexLeft[k - from]!)}`, `dr=${lexRight[k - from]! < 0 ? 'no' : bucket(lexRight[k - from]! - k)}`,
    ]);
  }
  return out;
}

/**
 * What the source and content chains add, given the tagged cue tokens of the
 * sentence (`cues[k - from]` is 1 inside a cue): distance and direction to the
 * nearest cue, punctuation between, the cue's word.
 */
export function cueRelativeFeatures(tokens: readonly Token[], sentence: Sentence, ctx: TokenContext, cues: Uint8Array): string[][] {
  const [from, to] = sentence.tokens;
  const cueLeft = new Int32Array(to - from).fill(-1);
  const cueRight = new Int32Array(to - from).fill(-1);
  let anyCue = false;
  for (let k = from, last = -1; k < to; k++) { if (cues[k - from]) { anyCue = true; last = k; } else cueLeft[k - from] = last; }
  for (let k = to - 1, last = -1; k >= from; k--) { if (cues[k - from]) last = k; else cueRight[k - from] = last; }
  const out: string[][] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const inCue = cues[k - from] === 1;
    const f = [`c=${inCue ? 'in' : anyCue ? 'out' : 'none'}`];
    if (!inCue) {
      const l = cueLeft[k - from]!;
      const r = cueRight[k - from]!;
      const dl = l < 0 ? 'no' : bucket(k - l);
      const dr = r < 0 ? 'no' : bucket(r - k);
      f.push(`cl=${dl}`, `cr=${dr}`, `clr=${dl}|${dr}`, `cl|q=${dl}|${ctx.quoted[k]}`, `cr|sh=${dr}|${shape(t)}`, `cr|w=${r < 0 ? 'no' : r - k <= 3 ? 'near' : 'far'}|${t.norm}`);
      if (l >= 0) f.push(`clw=${tokens[l]!.norm}`, `clp=${punctBetween(tokens, l, k)}`);
      if (r >= 0) f.push(`crw=${tokens[r]!.norm}`, `crp=${punctBetween(tokens, k, r)}`);
    }
    out.push(f);
  }
  return out;
}

/** The strongest punctuation strictly between two tokens: a quote, a comma or none. */
function punctBetween(tokens: readonly Token[], a: number, b: number): string {
  let best = '';
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k]!.text;
    if (t === '“' || t === '”' || t === '"') return 'q';
    if (t === ',' || t === ':' || t === '—' || t === '(' || t === ')') best = ',';
  }
  return best || '-';
}

/**
 * Emission scores [token][role × tag] (9 per token) of feature lists straight
 * from the model file's weights: the reference the compiled scoring must match
 * (span-tagger.test.ts), and a plain statement of what a feature weighs.
 */
export function referenceEmissions(model: TaggerModelData, ...lists: ReadonlyArray<readonly (readonly string[])[]>): Float64Array {
  const n = lists[0]!.length;
  const out = new Float64Array(n * W);
  for (const features of lists) for (let k = 0; k < n; k++) {
    for (const f of features[k]!) {
      CHAINS.forEach((role, r) => {
        const w = model.weights[role]?.[f];
        if (w) for (let y = 0; y < 3; y++) out[k * W + r * 3 + y] = out[k * W + r * 3 + y]! + w[y]!;
      });
    }
  }
  return out;
}

/**
 * What the compiled tagger reads of each token of a document, found once: word
 * id, shape index, and the rows (in `SpanTagger.rows`) of the cue chain's
 * features (sentenceFeatures), BASE_FEATURES per token, -1 where a feature has
 * no weights. Every chain and pass sums these same rows.
 */
export interface TaggerInput {
  readonly word: Int32Array;
  readonly shape: Int32Array;
  readonly featureRows: Int32Array;
}

/** w, p, n, pp, nn, pw, wn, b, s3, sh, psh, lx, lxp, lxn, q, sp, ep, dl, dr. */
export const BASE_FEATURES = 19;

export function prepareTagging(tagger: SpanTagger, tokens: readonly Token[], ctx: TokenContext, sentences: readonly Sentence[]): TaggerInput {
  const n = tokens.length;
  const word = new Int32Array(n);
  const shapeIdx = new Int32Array(n);
  const suffix = new Int32Array(n);
  const lexClass = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!;
    const id = tagger.vocab.get(t.norm) ?? -1;
    word[k] = id;
    suffix[k] = id >= 0 ? tagger.suffixOfWord[id]! : tagger.suffixes.get(t.norm.slice(-3)) ?? -1;
    shapeIdx[k] = tagger.shapes.get(shape(t)) ?? -1;
    lexClass[k] = ctx.lexClass[k] ? Math.max(0, CLASSES.indexOf(ctx.lexClass[k]!)) : 0;
  }
  const rows = new Int32Array(n * BASE_FEATURES).fill(-1);
  const o = tagger.offsets;
  const V = tagger.vocab.size;
  const S = MAX_SHAPES;
  const T = WORD_TEMPLATES.length;
  for (const sentence of sentences) {
    const [from, to] = sentence.tokens;
    // no closures here: the window's ends are plain comparisons (this runs for every token of every document)
    let lexLeft = -1;
    let lexRight = -1;
    let scanned = from;
    // The pair row of (k, k + 1) is token k's right pair and token k + 1's left one: looked up once, carried over.
    let carriedPair: number | undefined;
    for (let k = from; k < to; k++) {
      const f = k * BASE_FEATURES;
      const i = k - from;
      if (lexRight <= k) {
        lexRight = -1;
        for (let j = Math.max(k + 1, scanned); j < to; j++) if (ctx.lexClass[j]) { lexRight = j; break; }
        scanned = lexRight === -1 ? to : lexRight;
      }
      const b = word[k]!;
      const a = k - 1 < from ? BOS_ID : word[k - 1]!;
      const c = k + 1 >= to ? EOS_ID : word[k + 1]!;
      const aa = k - 2 < from ? BOS_ID : word[k - 2]!;
      const cc = k + 2 >= to ? EOS_ID : word[k + 2]!;
      if (b >= 0) rows[f] = o.word + b * T;
      if (a >= 0) rows[f + 1] = o.word + a * T + 1;
      if (c >= 0) rows[f + 2] = o.word + c * T + 2;
      if (aa >= 0) rows[f + 3] = o.word + aa * T + 3;
      if (cc >= 0) rows[f + 4] = o.word + cc * T + 4;
      if (a >= 0 && b >= 0) { const r = k === from ? tagger.pairRowOf.get(a * V + b) : carriedPair; if (r !== undefined) rows[f + 5] = r; }
      carriedPair = b >= 0 && c >= 0 ? tagger.pairRowOf.get(b * V + c) : undefined;
      if (carriedPair !== undefined) rows[f + 6] = carriedPair + 1;
      rows[f + 7] = o.b;
      if (suffix[k]! >= 0) rows[f + 8] = o.suffix + suffix[k]!;
      const sh = shapeIdx[k]!;
      if (sh >= 0) rows[f + 9] = o.sh + sh;
      const prevShape = k > from ? shapeIdx[k - 1]! : 5;
      if (prevShape >= 0 && sh >= 0) rows[f + 10] = o.psh + prevShape * S + sh;
      rows[f + 11] = o.lx + lexClass[k]!;
      rows[f + 12] = o.lxp + (k - 1 < from ? 0 : lexClass[k - 1]!);
      rows[f + 13] = o.lxn + (k + 1 >= to ? 0 : lexClass[k + 1]!);
      rows[f + 14] = o.q + ctx.quoted[k]!;
      rows[f + 15] = o.sp + bucketIndex(i);
      rows[f + 16] = o.ep + bucketIndex(to - 1 - k);
      rows[f + 17] = o.dl + (lexLeft < 0 ? NO_BUCKET : bucketIndex(k - lexLeft));
      rows[f + 18] = o.dr + (lexRight < 0 ? NO_BUCKET : bucketIndex(lexRight - k));
      if (ctx.lexClass[k]) lexLeft = k;
    }
  }
  return { word, shape: shapeIdx, featureRows: rows };
}

const BOS_ID = 0;
const EOS_ID = 1;
const bucketIndex = (d: number): number => (d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6);
const NO_BUCKET = 7;

/** Adds row `row` of the tagger's rows, columns [first, 9), to token i's 9 scores. */
function addRow(out: Float64Array, i: number, rows: Float32Array, row: number, first: number, last = 9): void {
  const o = i * W;
  const r = row * W;
  for (let j = first; j < last; j++) out[o + j] = out[o + j]! + rows[r + j]!;
}

/** The cue chain's features (sentenceFeatures) of a sentence scored for all three roles: a sum of each token's feature rows. */
function baseEmissions(tagger: SpanTagger, sentence: Sentence, input: TaggerInput): Float64Array {
  const out = cueEmissions(tagger, sentence, input);
  addRoleEmissions(tagger, sentence, input, out);
  return out;
}

/**
 * The columns of the cue chains (0–2, and 9–11 for the stacked pass) of the base features' sum. The
 * source and content columns (3–8) are added by addRoleEmissions only in a sentence where a cue
 * was tagged (most sentences have none). Each column is summed over the same rows in the same
 * order as when all twelve were summed at once, so the scores are the same numbers.
 */
function cueEmissions(tagger: SpanTagger, sentence: Sentence, input: TaggerInput): Float64Array {
  const [from, to] = sentence.tokens;
  const out = new Float64Array((to - from) * W);
  const rows = tagger.rows;
  const f = input.featureRows;
  for (let k = from; k < to; k++) {
    const o = (k - from) * W;
    let c0 = 0; let c1 = 0; let c2 = 0; let c9 = 0; let c10 = 0; let c11 = 0;
    for (let j = k * BASE_FEATURES, end = j + BASE_FEATURES; j < end; j++) {
      const row = f[j]!;
      if (row < 0) continue;
      const r = row * W;
      c0 += rows[r]!; c1 += rows[r + 1]!; c2 += rows[r + 2]!;
      c9 += rows[r + 9]!; c10 += rows[r + 10]!; c11 += rows[r + 11]!;
    }
    out[o] = c0; out[o + 1] = c1; out[o + 2] = c2; out[o + 9] = c9; out[o + 10] = c10; out[o + 11] = c11;
  }
  return out;
}

/** The source and content columns (3–8) of the base features' sum, into `out` (see cueEmissions). */
function addRoleEmissions(tagger: SpanTagger, sentence: Sentence, input: TaggerInput, out: Float64Array): void {
  const [from, to] = sentence.tokens;
  const rows = tagger.rows;
  const f = input.featureRows;
  for (let k = from; k < to; k++) {
    const o = (k - from) * W;
    let c3 = 0; let c4 = 0; let c5 = 0; let c6 = 0; let c7 = 0; let c8 = 0;
    for (let j = k * BASE_FEATURES, end = j + BASE_FEATURES; j < end; j++) {
      const row = f[j]!;
      if (row < 0) continue;
      const r = row * W;
      c3 += rows[r + 3]!; c4 += rows[r + 4]!; c5 += rows[r + 5]!; c6 += rows[r + 6]!; c7 += rows[r + 7]!; c8 += rows[r + 8]!;
    }
    out[o + 3] = c3; out[o + 4] = c4; out[o + 5] = c5; out[o + 6] = c6; out[o + 7] = c7; out[o + 8] = c8;
  }
}

/** What the source and content chains add given the tagged cues (cueRelativeFeatures), into columns 3–8 of the scores. */
function addCueRelative(tagger: SpanTagger, tokens: readonly Token[], sentence: Sentence, ctx: TokenContext, input: TaggerInput, cues: Uint8Array, all: Float64Array): void {
  const [from, to] = sentence.tokens;
  const n = to - from;
  const o = tagger.offsets;
  const rows = tagger.rows;
  const V = tagger.vocab.size;
  const B = BUCKETS.length;
  const S = MAX_SHAPES;
  const cueRight = new Int32Array(n).fill(-1);
  let anyCue = false;
  for (let k = to - 1, last = -1; k >= from; k--) { if (cues[k - from]) { last = k; anyCue = true; } else cueRight[k - from] = last; }
  let l = -1;
  for (let k = from; k < to; k++) {
    const i = k - from;
    if (cues[i]) { addRow(all, i, rows, o.c, 3); l = k; continue; }
    addRow(all, i, rows, o.c + (anyCue ? 1 : 2), 3);
    const r = cueRight[i]!;
    const dl = l < 0 ? NO_BUCKET : bucketIndex(k - l);
    const dr = r < 0 ? NO_BUCKET : bucketIndex(r - k);
    addRow(all, i, rows, o.cl + dl, 3);
    addRow(all, i, rows, o.cr + dr, 3);
    addRow(all, i, rows, o.clr + dl * B + dr, 3);
    addRow(all, i, rows, o['cl|q'] + dl * QUOTES.length + ctx.quoted[k]!, 3);
    if (input.shape[k]! >= 0) addRow(all, i, rows, o['cr|sh'] + dr * S + input.shape[k]!, 3);
    if (input.word[k]! >= 0) addRow(all, i, rows, o['cr|w'] + (r < 0 ? 2 : r - k <= 3 ? 0 : 1) * V + input.word[k]!, 3);
    if (l >= 0) { if (input.word[l]! >= 0) addRow(all, i, rows, o.clw + input.word[l]!, 3); addRow(all, i, rows, o.clp + punctIndex(tokens, l, k), 3); }
    if (r >= 0) { if (input.word[r]! >= 0) addRow(all, i, rows, o.crw + input.word[r]!, 3); addRow(all, i, rows, o.crp + punctIndex(tokens, k, r), 3); }
  }
}

/** punctBetween as an index of PUNCT (q, ',', '-'). */
function punctIndex(tokens: readonly Token[], a: number, b: number): number {
  let best = 2;
  for (let k = a + 1; k < b; k++) {
    const t = tokens[k]!.text;
    if (t === '“' || t === '”' || t === '"') return 0;
    if (t === ',' || t === ':' || t === '—' || t === '(' || t === ')') best = 1;
  }
  return best;
}

/** Per token of a first-pass cue chain: the margin of its best cue tag over O (the chain's emissions, bias included). */
export function cueMargins(em: Float64Array): Float64Array {
  const n = em.length / TAGS;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = Math.max(em[k * TAGS + 1]!, em[k * TAGS + 2]!) - em[k * TAGS]!;
  return out;
}

/**
 * The stacked cue pass's features of a sentence (beside sentenceFeatures):
 * the first pass's tags at -2…+2 and as a trigram, its margin bucket, the
 * distance to its nearest other cue token, and the word under its tag.
 */
export function stackedFeatures(tokens: readonly Token[], sentence: Sentence, first: Uint8Array, margins: Float64Array): string[][] {
  const [from, to] = sentence.tokens;
  const n = to - from;
  const tag = (i: number): string => (i < 0 || i >= n ? '-' : TAG_NAMES[first[i]!]!);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    let d = -1;
    for (let j = 1; j < n && d < 0; j++) if ((i - j >= 0 && first[i - j] !== O) || (i + j < n && first[i + j] !== O)) d = j;
    out.push([
      `k0=${tag(i)}`, `kp=${tag(i - 1)}`, `kn=${tag(i + 1)}`, `kpp=${tag(i - 2)}`, `knn=${tag(i + 2)}`, `k3=${tag(i - 1)}|${tag(i)}|${tag(i + 1)}`,
      `km=${marginIndex(margins[i]!)}`, `kd=${d < 0 ? 'no' : bucket(d)}`, `k0|w=${tag(i)}|${tokens[from + i]!.norm}`,
    ]);
  }
  return out;
}

/** stackedFeatures scored from the compiled rows into the cue2 columns (9–11). */
function addStacked(tagger: SpanTagger, sentence: Sentence, input: TaggerInput, first: Uint8Array, em: Float64Array, all: Float64Array): void {
  const [from, to] = sentence.tokens;
  const n = to - from;
  const o = tagger.offsets;
  const rows = tagger.rows;
  const V = tagger.vocab.size;
  const tag = (i: number): number => (i < 0 || i >= n ? 3 : first[i]!);
  let last = -1;
  let next = -1;
  for (let i = 0; i < n; i++) {
    if (next !== -1 && next <= i) next = -1;
    if (next === -1) for (let j = i + 1; j < n; j++) if (first[j] !== O) { next = j; break; }
    const dl = last < 0 ? Infinity : i - last;
    const dr = next < 0 ? Infinity : next - i;
    const d = Math.min(dl, dr);
    const t = tag(i);
    addRow(all, i, rows, o.k0 + t, 9, W);
    addRow(all, i, rows, o.kp + tag(i - 1), 9, W);
    addRow(all, i, rows, o.kn + tag(i + 1), 9, W);
    addRow(all, i, rows, o.kpp + tag(i - 2), 9, W);
    addRow(all, i, rows, o.knn + tag(i + 2), 9, W);
    addRow(all, i, rows, o.k3 + (tag(i - 1) * 4 + t) * 4 + tag(i + 1), 9, W);
    addRow(all, i, rows, o.km + marginIndex(Math.max(em[i * TAGS + 1]!, em[i * TAGS + 2]!) - em[i * TAGS]!), 9, W);
    addRow(all, i, rows, o.kd + (d === Infinity ? NO_BUCKET : bucketIndex(d)), 9, W);
    const w = input.word[from + i]!;
    if (w >= 0) addRow(all, i, rows, o['k0|w'] + t * V + w, 9, W);
    if (first[i] !== O) last = i;
  }
}

/** The best O/B/I sequence; I may only follow B or I. `trans` is [from O,B,I,start][to]. */
export function viterbi(em: Float64Array, trans: ArrayLike<number>): Uint8Array {
  const n = em.length / TAGS;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * TAGS);
  const back = new Uint8Array(n * TAGS);
  for (let y = 0; y < TAGS; y++) score[y] = y === I ? -Infinity : em[y]! + trans[3 * TAGS + y]!;
  for (let k = 1; k < n; k++) {
    for (let y = 0; y < TAGS; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let x = 0; x < TAGS; x++) {
        if (y === I && x === O) continue;
        const s = score[(k - 1) * TAGS + x]! + trans[x * TAGS + y]!;
        if (s > best) { best = s; arg = x; }
      }
      score[k * TAGS + y] = best + em[k * TAGS + y]!;
      back[k * TAGS + y] = arg;
    }
  }
  let y = 0;
  for (let t = 1; t < TAGS; t++) if (score[(n - 1) * TAGS + t]! > score[(n - 1) * TAGS + y]!) y = t;
  for (let k = n - 1; k >= 0; k--) { out[k] = y; y = back[k * TAGS + y]!; }
  return out;
}

/** Token ranges [from, to) of the B/I runs of a tag sequence, offset to document token indexes. */
export function spansOf(tags: Uint8Array, offset: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < tags.length; k++) {
    if (tags[k] === O) continue;
    if (tags[k] === B || out.length === 0 || tags[k - 1] === O) out.push([offset + k, offset + k + 1]);
    else out[out.length - 1]![1] = offset + k + 1;
  }
  return out;
}

export interface TaggedSentence {
  readonly cue: Array<[number, number]>;
  readonly source: Array<[number, number]>;
  readonly content: Array<[number, number]>;
}

/** One role's emissions [token][O, B, I] out of the 9-wide scores, with the role's recall bias on B and I. */
function roleEmissions(all: Float64Array, r: number, bias: number): Float64Array {
  const n = all.length / W;
  const out = new Float64Array(n * TAGS);
  for (let k = 0; k < n; k++) {
    out[k * TAGS] = all[k * W + r * 3]!;
    out[k * TAGS + 1] = all[k * W + r * 3 + 1]! + bias;
    out[k * TAGS + 2] = all[k * W + r * 3 + 2]! + bias;
  }
  return out;
}

/** Tags one sentence: cues first, then source and content given the cues. */
export function tagSentence(tagger: SpanTagger, tokens: readonly Token[], sentence: Sentence, ctx: TokenContext, input: TaggerInput): TaggedSentence {
  const [from, to] = sentence.tokens;
  if (to <= from) return { cue: [], source: [], content: [] };
  // the cue columns first; the source and content columns and chains only where a cue was tagged
  const all = cueEmissions(tagger, sentence, input);
  const first = roleEmissions(all, 0, tagger.bias.cue);
  let cueTags = viterbi(first, tagger.transitions.cue);
  if (tagger.stacked) {
    addStacked(tagger, sentence, input, cueTags, first, all);
    cueTags = viterbi(roleEmissions(all, 3, tagger.bias.cue2), tagger.transitions.cue2);
  }
  const cue = spansOf(cueTags, from);
  if (cue.length === 0) return { cue, source: [], content: [] };
  addRoleEmissions(tagger, sentence, input, all);
  const cueMask = new Uint8Array(cueTags.length);
  for (let k = 0; k < cueTags.length; k++) cueMask[k] = cueTags[k] === O ? 0 : 1;
  addCueRelative(tagger, tokens, sentence, ctx, input, cueMask, all);
  return {
    cue,
    source: spansOf(viterbi(roleEmissions(all, 1, tagger.bias.source), tagger.transitions.source), from),
    content: spansOf(viterbi(roleEmissions(all, 2, tagger.bias.content), tagger.transitions.content), from),
  };
}

/** For the test that checks the compiled scores against the feature strings. */
export const baseEmissionsForTest = baseEmissions;
export const addCueRelativeForTest = addCueRelative;
export const addStackedForTest = addStacked;
/** One chain's [O, B, I] emissions out of the row-wide scores (chain index as in CHAINS), with a bias on B and I. */
export const chainEmissions = (all: Float64Array, chain: number, bias: number): Float64Array => roleEmissions(all, chain, bias);
