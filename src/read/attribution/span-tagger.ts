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
export const TAGS = 3; // O, B, I
export const O = 0;
export const B = 1;
export const I = 2;

/** The shape of models/attribution/tagger.json, checked where it is loaded. */
export const TaggerModelSchema = z.object({
  format: z.literal('counterclaim-attribution-tagger/1'),
  trainedOn: z.string(),
  /** Per role: transition weights [from O,B,I,start][to O,B,I], flattened (12 numbers). */
  transitions: z.object({ cue: z.array(z.number()).length(12), source: z.array(z.number()).length(12), content: z.array(z.number()).length(12) }),
  /** Per role: added to the B and I scores of every token (the perceptron leans to O; chosen on train for token F1). */
  bias: z.object({ cue: z.number(), source: z.number(), content: z.number() }).optional(),
  /** Per role: feature → weights for O, B, I. */
  weights: z.object({ cue: z.record(z.string(), z.array(z.number()).length(3)), source: z.record(z.string(), z.array(z.number()).length(3)), content: z.record(z.string(), z.array(z.number()).length(3)) }),
});
export type TaggerModelData = z.infer<typeof TaggerModelSchema>;

/**
 * The compiled model. Features of the word templates (w, p, n, pp, nn) are
 * grouped per word into one profile, and word-pair features into nested maps
 * keyed by the tokens' own norms, so tagging a token costs a few lookups of
 * strings whose hashes are already cached instead of building ~20 strings;
 * each entry holds the weights of all three roles (cue, source, content × O, B, I).
 */
export interface SpanTagger {
  readonly transitions: Readonly<Record<Role, Float64Array>>;
  readonly bias: Readonly<Record<Role, number>>;
  /** Per word: WORD_TEMPLATES.length × 9 weights. */
  readonly words: ReadonlyMap<string, Float32Array>;
  /** "p|w" and "w|n" pairs: first word → second word → 9 weights. */
  readonly pairs: Readonly<Record<'pw' | 'wn', ReadonlyMap<string, ReadonlyMap<string, Float32Array>>>>;
  /** Every other feature → 9 weights. */
  readonly other: ReadonlyMap<string, Float32Array>;
}

const WORD_TEMPLATES = ['w', 'p', 'n', 'pp', 'nn'] as const;
const W = 9;

/** Validates the model file and compiles it for lookup. */
export function compileSpanTagger(data: unknown): SpanTagger {
  const m = TaggerModelSchema.parse(data);
  const transitions = {} as Record<Role, Float64Array>;
  const words = new Map<string, Float32Array>();
  const pairs = { pw: new Map<string, Map<string, Float32Array>>(), wn: new Map<string, Map<string, Float32Array>>() };
  const other = new Map<string, Float32Array>();
  ROLES.forEach((role, r) => {
    transitions[role] = Float64Array.from(m.transitions[role]);
    for (const [f, w] of Object.entries(m.weights[role])) {
      const eq = f.indexOf('=');
      const template = eq === -1 ? f : f.slice(0, eq);
      const value = f.slice(eq + 1);
      let slot: Float32Array;
      const t = (WORD_TEMPLATES as readonly string[]).indexOf(template);
      if (t !== -1) {
        let profile = words.get(value);
        if (!profile) words.set(value, profile = new Float32Array(WORD_TEMPLATES.length * W));
        slot = profile.subarray(t * W, t * W + W);
      } else if (template === 'pw' || template === 'wn') {
        const bar = value.indexOf('|');
        if (bar === -1 || value.indexOf('|', bar + 1) !== -1) continue;
        const a = value.slice(0, bar);
        const b = value.slice(bar + 1);
        const inner = pairs[template].get(a) ?? new Map<string, Float32Array>();
        pairs[template].set(a, inner);
        slot = inner.get(b) ?? new Float32Array(W);
        inner.set(b, slot);
      } else {
        slot = other.get(f) ?? new Float32Array(W);
        other.set(f, slot);
      }
      slot[r * 3] = w[0]!; slot[r * 3 + 1] = w[1]!; slot[r * 3 + 2] = w[2]!;
    }
  });
  const bias = { cue: m.bias?.cue ?? 0, source: m.bias?.source ?? 0, content: m.bias?.content ?? 0 };
  return { transitions, bias, words, pairs, other };
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

const bucket = (d: number): string => (d <= 3 ? String(d) : d <= 6 ? '6' : d <= 12 ? '12' : 'far');

function shape(t: Token): string {
  if (t.kind === 'number') return 'd';
  if (t.kind === 'quote') return 'q';
  if (t.kind !== 'word') return t.text;
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
 * Emission scores [token][role × tag] (9 per token) of feature lists, the
 * reference definition: `fastEmissions` must give the same numbers.
 */
export function emissions(tagger: SpanTagger, tokens: readonly Token[], sentence: Sentence, ...lists: ReadonlyArray<readonly (readonly string[])[]>): Float64Array {
  const n = lists[0]!.length;
  const out = new Float64Array(n * W);
  const [from] = sentence.tokens;
  for (const features of lists) for (let k = 0; k < n; k++) {
    for (const f of features[k]!) {
      const eq = f.indexOf('=');
      const template = eq === -1 ? f : f.slice(0, eq);
      const value = f.slice(eq + 1);
      const t = (WORD_TEMPLATES as readonly string[]).indexOf(template);
      let w: ArrayLike<number> | undefined;
      if (t !== -1) w = tagger.words.get(value)?.subarray(t * W, t * W + W);
      else if (template === 'pw' || template === 'wn') { const bar = value.indexOf('|'); w = tagger.pairs[template].get(value.slice(0, bar))?.get(value.slice(bar + 1)); }
      else w = tagger.other.get(f);
      if (w) for (let j = 0; j < W; j++) out[k * W + j] = out[k * W + j]! + w[j]!;
    }
  }
  void tokens; void from;
  return out;
}

const BOS = '<s>';
const EOS = '</s>';

/** The cue chain's emissions of a sentence for all three roles, without building the word features' strings. */
function baseEmissions(tagger: SpanTagger, tokens: readonly Token[], sentence: Sentence, ctx: TokenContext): Float64Array {
  const [from, to] = sentence.tokens;
  const n = to - from;
  const out = new Float64Array(n * W);
  const add = (k: number, w: ArrayLike<number> | undefined, offset = 0): void => {
    if (!w) return;
    for (let j = 0; j < W; j++) out[k * W + j] = out[k * W + j]! + w[offset + j]!;
  };
  const norm = (k: number): string => (k < from ? BOS : k >= to ? EOS : tokens[k]!.norm);
  // word profiles: position k's word feeds w at k, p at k+1, n at k-1, pp at k+2, nn at k-2
  for (let j = from - 2; j < to + 2; j++) {
    const profile = tagger.words.get(norm(j));
    if (!profile) continue;
    for (let t = 0; t < WORD_TEMPLATES.length; t++) {
      const target = t === 0 ? j : t === 1 ? j + 1 : t === 2 ? j - 1 : t === 3 ? j + 2 : j - 2;
      if (target < from || target >= to) continue;
      // "<s>"/"</s>" only ever fill the neighbour slots of the tokens beside them
      if (t === 0 && (j < from || j >= to)) continue;
      add(target - from, profile, t * W);
    }
  }
  const features = sentenceFeatures(tokens, sentence, ctx, true);
  for (let k = from; k < to; k++) {
    add(k - from, tagger.pairs.pw.get(norm(k - 1))?.get(tokens[k]!.norm));
    add(k - from, tagger.pairs.wn.get(tokens[k]!.norm)?.get(norm(k + 1)));
    for (const f of features[k - from]!) add(k - from, tagger.other.get(f));
  }
  return out;
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
export function tagSentence(tagger: SpanTagger, tokens: readonly Token[], sentence: Sentence, ctx: TokenContext): TaggedSentence {
  const [from, to] = sentence.tokens;
  if (to <= from) return { cue: [], source: [], content: [] };
  const all = baseEmissions(tagger, tokens, sentence, ctx);
  const cueTags = viterbi(roleEmissions(all, 0, tagger.bias.cue), tagger.transitions.cue);
  const cue = spansOf(cueTags, from);
  if (cue.length === 0) return { cue, source: [], content: [] };
  const cueMask = new Uint8Array(cueTags.length);
  for (let k = 0; k < cueTags.length; k++) cueMask[k] = cueTags[k] === O ? 0 : 1;
  const extra = cueRelativeFeatures(tokens, sentence, ctx, cueMask);
  for (let k = 0; k < extra.length; k++) {
    for (const f of extra[k]!) {
      const w = tagger.other.get(f);
      if (w) for (let j = 3; j < W; j++) all[k * W + j] = all[k * W + j]! + w[j]!;
    }
  }
  return {
    cue,
    source: spansOf(viterbi(roleEmissions(all, 1, tagger.bias.source), tagger.transitions.source), from),
    content: spansOf(viterbi(roleEmissions(all, 2, tagger.bias.content), tagger.transitions.content), from),
  };
}

/** For the test that checks the fast scores against the feature strings. */
export const baseEmissionsForTest = baseEmissions;
