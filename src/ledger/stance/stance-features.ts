import type { CueLexicon } from './cue-lexicon.js';
import { namesAndNumbers, roughSentences, stem, words } from './text-tokens.js';

/** Inverse document frequencies learnt from training bodies; unseen words get `unseen`. */
export interface IdfTable {
  readonly idf: ReadonlyMap<string, number>;
  readonly unseen: number;
}

interface Text {
  readonly all: string[];
  readonly content: string[];
}

function textOf(text: string, cues: CueLexicon): Text {
  const all = words(text).map(stem);
  return { all, content: all.filter((w) => !cues.stopwords.has(w) && w.length > 1) };
}

function counts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function idfOf(table: IdfTable, w: string): number {
  return table.idf.get(w) ?? table.unseen;
}

/** Cosine of sublinear-tf × idf vectors. */
function cosine(a: Map<string, number>, b: Map<string, number>, table: IdfTable): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, c] of a) {
    const x = (1 + Math.log(c)) * idfOf(table, w);
    na += x * x;
    const cb = b.get(w);
    if (cb) dot += x * (1 + Math.log(cb)) * idfOf(table, w);
  }
  for (const [w, c] of b) {
    const y = (1 + Math.log(c)) * idfOf(table, w);
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Share of the headline's idf mass whose words occur in `tokens`. */
function coverage(headTypes: ReadonlySet<string>, tokens: ReadonlySet<string>, table: IdfTable): number {
  let total = 0;
  let hit = 0;
  for (const w of headTypes) {
    const x = idfOf(table, w);
    total += x;
    if (tokens.has(w)) hit += x;
  }
  return total === 0 ? 0 : hit / total;
}

function rate(tokens: readonly string[], cue: ReadonlySet<string>): number {
  let n = 0;
  for (const t of tokens) if (cue.has(t)) n++;
  return n;
}

function bigrams(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}

/** Prefix of the sparse word features (not all are kept: see trainStanceModel). */
export const BOW_PREFIX = 'bow_';

/** What the features need of a body, computed once per body (it does not depend on the headline or the idf). */
export interface PreparedBody {
  readonly whole: Text;
  readonly sentences: ReadonlyArray<Text & { readonly types: ReadonlySet<string> }>;
  readonly lead: Text;
  readonly bodyTypes: ReadonlySet<string>;
  readonly counts: Map<string, number>;
  readonly leadCounts: Map<string, number>;
  readonly leadTypes: ReadonlySet<string>;
  readonly bigrams: ReadonlySet<string>;
  readonly bodyWordSet: ReadonlySet<string>;
  readonly bodyNumbers: ReadonlySet<string>;
  readonly wholeSet: ReadonlySet<string>;
  readonly quotes: number;
}

export function prepareBody(body: string, cues: CueLexicon): PreparedBody {
  const whole = textOf(body, cues);
  const rough = roughSentences(body);
  const lead = textOf(rough.slice(0, 3).join(' '), cues);
  return {
    whole,
    sentences: rough.map((s) => {
      const t = textOf(s, cues);
      return { ...t, types: new Set(t.content) };
    }),
    lead,
    bodyTypes: new Set(whole.content),
    counts: counts(whole.content),
    leadCounts: counts(lead.content),
    leadTypes: new Set(lead.content),
    bigrams: bigrams(whole.content),
    bodyWordSet: new Set(words(body)),
    bodyNumbers: namesAndNumbers(body).numbers,
    wholeSet: new Set(whole.all),
    quotes: Math.log1p((body.match(/["“”]/g) ?? []).length),
  };
}

/** The features that tell whether a body is about the headline at all. */
export const RELATEDNESS_FEATURES = [
  'cosine', 'cosine_sqrt', 'cosine_lead', 'overlap_types', 'coverage_idf', 'coverage_idf_sq', 'coverage_lead',
  'best_sentence_coverage', 'best_sentence_coverage_sq', 'bigram_overlap', 'names_shared', 'names_missing',
  'numbers_shared', 'head_length', 'body_length',
] as const;

/**
 * Features of a headline-body pair, by name. The relatedness ones come from
 * lexical overlap (tf-idf cosine, idf-weighted coverage overall, in the lead
 * and in the best-matching sentence, shared bigrams, names and numbers); the
 * stance ones count refuting, hedging, supporting and negation cues in the
 * body, in the sentences that talk about the headline's words, and in the
 * headline itself (FNC-1 baseline features, Hanselowski et al. 2018's
 * feature analysis).
 */
export function stanceFeatures(headline: string, body: string | PreparedBody, table: IdfTable, cues: CueLexicon): Record<string, number> {
  const head = textOf(headline, cues);
  const prepared = typeof body === 'string' ? prepareBody(body, cues) : body;
  const { whole, sentences, lead, bodyTypes, bodyWordSet, bodyNumbers, wholeSet, quotes } = prepared;
  const headTypes = new Set(head.content);
  const headCounts = counts(head.content);

  let overlap = 0;
  for (const w of headTypes) if (bodyTypes.has(w)) overlap++;
  const scored = sentences.map((s) => ({ s, cov: coverage(headTypes, s.types, table) }));
  const best = scored.reduce((m, x) => Math.max(m, x.cov), 0);
  const relevant = scored.filter((x) => x.cov >= Math.max(0.25, best * 0.6)).map((x) => x.s.all);
  const relevantTokens = relevant.flat();

  const headBigrams = bigrams(head.content);
  const bodyBigrams = prepared.bigrams;
  let sharedBigrams = 0;
  for (const b of headBigrams) if (bodyBigrams.has(b)) sharedBigrams++;

  const hn = namesAndNumbers(headline);
  let namesShared = 0;
  for (const n of hn.names) if (bodyWordSet.has(n)) namesShared++;
  let numbersShared = 0;
  for (const n of hn.numbers) if (bodyNumbers.has(n)) numbersShared++;

  const cos = cosine(headCounts, prepared.counts, table);
  const cov = coverage(headTypes, bodyTypes, table);
  const f: Record<string, number> = {
    cosine: cos,
    cosine_sqrt: Math.sqrt(cos),
    cosine_lead: cosine(headCounts, prepared.leadCounts, table),
    overlap_types: headTypes.size === 0 ? 0 : overlap / headTypes.size,
    coverage_idf: cov,
    coverage_idf_sq: cov * cov,
    coverage_lead: coverage(headTypes, prepared.leadTypes, table),
    best_sentence_coverage: best,
    best_sentence_coverage_sq: best * best,
    bigram_overlap: headBigrams.size === 0 ? 0 : sharedBigrams / headBigrams.size,
    names_shared: hn.names.size === 0 ? 0 : namesShared / hn.names.size,
    names_missing: hn.names.size - namesShared,
    numbers_shared: numbersShared,
    head_length: Math.log1p(head.all.length),
    body_length: Math.log1p(whole.all.length),
  };

  const n = Math.max(1, whole.all.length) / 100;
  const lists = { refute: cues.refuting, hedge: cues.hedging, support: cues.supporting, negate: cues.negation } as const;
  for (const [name, cue] of Object.entries(lists)) {
    const inBody = rate(whole.all, cue);
    f[`${name}_body_rate`] = inBody / n;
    f[`${name}_body_any`] = inBody > 0 ? 1 : 0;
    f[`${name}_relevant`] = Math.log1p(rate(relevantTokens, cue));
    f[`${name}_lead`] = Math.log1p(rate(lead.all, cue));
    f[`${name}_head`] = rate(head.all, cue) > 0 ? 1 : 0;
  }
  f.negation_mismatch = Math.abs(f.negate_head! - (rate(relevantTokens, cues.negation) > 0 ? 1 : 0));
  f.head_question = /\?\s*$/.test(headline.trim()) ? 1 : 0;
  f.body_quotes = quotes;
  // The words of the sentences about the headline, as sparse indicators: the
  // stance model keeps the ones frequent in its training bodies (BOW_PREFIX).
  for (const x of scored) if (x.cov >= Math.max(0.25, best * 0.6)) for (const w of x.s.content) f[`${BOW_PREFIX}${w}`] = 1;
  // One indicator per refuting and hedging cue word in the relevant sentences:
  // "hoax" and "reportedly" say different things, which a summed rate hides.
  const relevantSet = new Set(relevantTokens);
  for (const w of [...cues.refuting, ...cues.hedging, ...cues.supporting]) {
    f[`cue_rel_${w}`] = relevantSet.has(w) ? 1 : 0;
    f[`cue_body_${w}`] = wholeSet.has(w) ? 1 : 0;
  }
  return f;
}

/** Document frequencies over training texts → idf = ln((N + 1) / (df + 1)) + 1 (scikit-learn's smooth idf). */
export function learnIdf(texts: readonly string[], cues: CueLexicon, minDf = 2): { idf: Record<string, number>; unseen: number } {
  const df = new Map<string, number>();
  for (const text of texts) for (const w of new Set(textOf(text, cues).content)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  const idf: Record<string, number> = {};
  for (const [w, d] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (d >= minDf) idf[w] = Math.round((Math.log((n + 1) / (d + 1)) + 1) * 1000) / 1000;
  }
  return { idf, unseen: Math.round((Math.log((n + 1) / 2) + 1) * 1000) / 1000 };
}
