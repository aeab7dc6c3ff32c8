import type { AnalyzedDocument, Token } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer, NameHit } from '../../gazetteer/gazetteer.js';
import { cueWordEndingAt, hasCueWord, type ContextCues } from './context-cues.js';
import { caseFormCandidates, isCyrillicWord, type CaseEndings } from './case-forms.js';
import type { PlaceProposal } from './proposal.js';

/** Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Rio de Janeiro"). */
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'les', 'da', 'do', 'dos', 'das', 'di', 'du', 'des', 'and', 'upon', 'on', 'am', 'an', 'al', 'el', 'en', 'sur', 'y', 'the', 'im', 'bei', 'na', 'nad', 'pod']);
const MAX_TOKENS = 6;
const UPPER = /^\p{Lu}/u;

export function isCapitalised(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const c = token.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(token.text);
}

/**
 * Extractor: capitalised token sequences whose folded text is a gazetteer
 * name, longest first (so "New York City" beats "York"), within a sentence.
 * Names not found exactly are tried by their East Slavic romanisation
 * skeleton. A capitalised name after a settlement word ("the village of
 * Udachne") is proposed even when the gazetteer lacks it, unresolved.
 * With a language's case endings (Russian, Ukrainian), a Cyrillic name not
 * found as written is tried in the nominative forms its ending allows ("в
 * Покровске" → Покровск, "з Курахового" → Курахове; rule `gazetteer-case-form`).
 */
export function extractGazetteerNames(doc: AnalyzedDocument, gazetteer: Gazetteer, cues: ContextCues, endings?: CaseEndings, inflected?: InflectedLookup): PlaceProposal[] {
  const out: PlaceProposal[] = [];
  const tokens = doc.tokens;
  // Each token folded once (folding is the costly part of a lookup).
  const folded: Array<string | undefined> = new Array(tokens.length);
  const foldAt = (k: number): string => (folded[k] ??= foldName(tokens[k]!.text));
  for (const sentence of doc.sentences) {
    const [from, to] = sentence.tokens;
    let i = from;
    while (i < to) {
      const first = tokens[i]!;
      if (!isCapitalised(first)) {
        i++;
        continue;
      }
      let matched = false;
      // Exact names first, longest first; only where none matches, the romanisation skeletons (costlier, rarer).
      for (const bySkeleton of [false, true]) {
        for (let n = Math.min(MAX_TOKENS, to - i); n >= 1; n--) {
          const last = tokens[i + n - 1]!;
          if (!isCapitalised(last) && !(n === 1 && first.kind === 'word')) continue;
          if (!tokensFormName(tokens, i, i + n, doc.text)) continue;
          let key = '';
          for (let k = i; k < i + n; k++) {
            const f = foldAt(k);
            if (f !== '') key = key === '' ? f : `${key} ${f}`;
          }
          let hits: NameHit[];
          if (!bySkeleton) {
            hits = gazetteer.lookup(key);
            // A Cyrillic word found as written may still be an oblique case of another name ("Димитрова" is
            // a village's name and the genitive of Димитров): both readings go to the resolver.
            if (hits.length > 0 && n === 1 && endings !== undefined && isCyrillicWord(first.text)) hits = inflected ? merge(hits, inflected([first.text]).hits) : withCaseForms(hits, key, gazetteer, endings);
          }
          // East Slavic place names run to two words at most ("Kryvyi Rih", "Bila Tserkva").
          else if (n <= 2 && key.length >= 5 && /^[a-z ]+$/.test(key)) hits = gazetteer.lookupSkeleton(key);
          else continue;
          if (hits.length === 0) continue;
          out.push({ span: [first.span[0], last.span[1]], key, hits, rule: bySkeleton ? 'gazetteer-skeleton' : 'gazetteer-name', tokens: [i, i + n], skeleton: bySkeleton, cue: hasCue(tokens, i, from, cues, doc.text) });
          i += n;
          matched = true;
          break;
        }
        if (matched) break;
      }
      if (!matched && endings !== undefined) {
        const found = caseFormMatch(tokens, i, to, doc.text, foldAt, gazetteer, endings, inflected);
        if (found) {
          out.push({ ...found, cue: hasCue(tokens, i, from, cues, doc.text) });
          i = found.tokens[1];
          continue;
        }
      }
      if (matched) continue;
      // "the city of X" with X unknown to the gazetteer: an unresolved place, worth a diagnostic.
      if (i - 2 >= from && tokens[i - 1]!.norm === 'of' && cues.settlement.has(tokens[i - 2]!.norm) && first.text.length > 2 && first.text !== first.text.toUpperCase()) {
        out.push({ span: first.span, key: foldName(first.text), hits: [], rule: 'settlement-word', tokens: [i, i + 1], cue: true });
      } else if (endings !== undefined && i - 1 >= from && isCyrillicWord(first.text) && first.text.length > 2 && first.text !== first.text.toUpperCase()) {
        // Russian and Ukrainian name the kind before the name without "of": "с. Нова Дофіновка", "річка Почайна",
        // "урочище Маяк". One or two capitalised words after such a word, unknown to the gazetteer: an unresolved place.
        const cue = cueWordEndingAt(tokens, i - 1, doc.text);
        // Not after a title ("мэр города Лужков", "голова села Петренко"): there the name is the officeholder's.
        const titled = cue !== null && cue.at - 1 >= from && cues.title.has(tokens[cue.at - 1]!.norm);
        if (cue !== null && cue.at >= from && !titled && hasCueWord(cues.settlement, cue.word) && !/^(?:населенн?ы?и?й|пункт\p{L}*)$/u.test(cue.word)) {
          const second = tokens[i + 1];
          const two = i + 1 < to && second !== undefined && second.kind === 'word' && isCapitalised(second) && isCyrillicWord(second.text) && !doc.text.slice(first.span[1], second.span[0]).includes('\n');
          const end = two ? i + 2 : i + 1;
          out.push({ span: [first.span[0], tokens[end - 1]!.span[1]], key: foldName(doc.text.slice(first.span[0], tokens[end - 1]!.span[1])), hits: [], rule: 'settlement-word', tokens: [i, end], cue: true });
          i = end;
          continue;
        }
      }
      i++;
    }
  }
  return out;
}

/**
 * Another way of finding the names an inflected Cyrillic word group may be (a stemmer's index, in
 * the morphology comparison of docs/eval.md): the words as written in, a key and the hits out.
 */
export type InflectedLookup = (words: readonly string[]) => { key: string; hits: NameHit[] };

function merge(a: NameHit[], b: readonly NameHit[]): NameHit[] {
  const out = [...a];
  for (const h of b) if (!out.some((x) => x.entry === h.entry)) out.push(h);
  return out;
}

function withCaseForms(hits: NameHit[], folded: string, gazetteer: Gazetteer, endings: CaseEndings): NameHit[] {
  const out = [...hits];
  for (const form of caseFormCandidates(folded, endings)) {
    for (const h of gazetteer.lookup(form)) if (!out.some((x) => x.entry === h.entry)) out.push(h);
  }
  return out;
}

/**
 * A Cyrillic name of one to three words in an oblique case: each word's
 * nominative candidates (the word itself too), every combination looked up,
 * the longest first ("в Автономній Республіці Крим": three capitalised words,
 * rare enough that the combinations cost little). The hits of every form found
 * are offered to the resolver.
 */
function caseFormMatch(tokens: readonly Token[], i: number, to: number, text: string, foldAt: (k: number) => string, gazetteer: Gazetteer, endings: CaseEndings, inflected?: InflectedLookup): PlaceProposal | null {
  if (!isCyrillicWord(tokens[i]!.text)) return null;
  for (let n = Math.min(3, to - i); n >= 1; n--) {
    if (!tokensFormName(tokens, i, i + n, text) || !isCyrillicWord(tokens[i + n - 1]!.text)) continue;
    if (inflected) {
      const found = inflected(tokens.slice(i, i + n).map((t) => t.text));
      if (found.hits.length > 0) return { span: [tokens[i]!.span[0], tokens[i + n - 1]!.span[1]], key: found.key, hits: found.hits, rule: 'gazetteer-stem', tokens: [i, i + n] };
      continue;
    }
    let keys = [''];
    for (let k = i; k < i + n; k++) {
      const f = foldAt(k);
      const forms = [f, ...caseFormCandidates(f, endings, k < i + n - 1)];
      keys = keys.flatMap((key) => forms.map((form) => (key === '' ? form : `${key} ${form}`)));
    }
    const hits: NameHit[] = [];
    let key = '';
    for (const candidate of keys) {
      for (const h of gazetteer.lookup(candidate)) {
        if (hits.some((x) => x.entry === h.entry)) continue;
        hits.push(h);
        if (key === '') key = candidate;
      }
    }
    if (hits.length === 0) continue;
    return { span: [tokens[i]!.span[0], tokens[i + n - 1]!.span[1]], key, hits, rule: 'gazetteer-case-form', tokens: [i, i + n] };
  }
  return null;
}

/** Tokens i..j form a name: capitalised words joined by connectors, no punctuation but hyphen-free adjacency. */
function tokensFormName(tokens: readonly Token[], i: number, j: number, text: string): boolean {
  for (let k = i; k < j; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') {
      // "St. Petersburg", "Washington, D.C." keep a dot or comma inside the name.
      if (!(t.text === '.' && k > i && k < j - 1) && !(t.text === ',' && k > i && k < j - 1)) return false;
      continue;
    }
    if (k > i && k < j - 1 && !isCapitalised(t) && !CONNECTORS.has(t.norm)) return false;
    if ((k === i || k === j - 1) && !isCapitalised(t)) return false;
    if (k > i && text.slice(tokens[k - 1]!.span[1], t.span[0]).includes('\n')) return false;
  }
  return true;
}

/** A lower-case Cyrillic adjective or adverb in any case and gender ("окупованому", "тимчасово", "захваченном"). */
const CYRILLIC_MODIFIER = /^[а-яёіїєґ'’]{4,}(?:ому|ім|им|их|ій|ої|ого|ом|ой|ых|ым|ую|ий|ый|ая|ое|ою|ей|о)$/u;

/** Instrumental endings of Russian and Ukrainian nouns and adjectives ("з Марією", "с Мариной", "з Романом"). */
const INSTRUMENTAL = /(?:ою|ею|єю|ом|ем|єм|ім|им|ым|ами|ями|ой|ей)$/u;

/**
 * A locative word ("in", "near") or settlement phrase ("city of", "у м.", "г.") right before token i,
 * allowing "the". `text` tells an abbreviation's stop from a sentence's (cueWordEndingAt).
 */
export function hasCue(tokens: readonly Token[], i: number, from: number, cues: ContextCues, text: string): boolean {
  let k = i - 1;
  if (k >= from && tokens[k]!.norm === 'the') k--;
  // "в окупованому Харцизьку", "в тимчасово окупованих Ровеньках": up to two lower-case Cyrillic adjectives
  // (or adverbs) between the preposition and the name.
  for (let n = 0; n < 2 && k >= from && CYRILLIC_MODIFIER.test(tokens[k]!.text); n++) k--;
  const cue = k >= from ? cueWordEndingAt(tokens, k, text) : null;
  if (cue === null || cue.at < from) return false;
  const w = cue.word;
  if (cues.fromOrWith.has(w)) return !INSTRUMENTAL.test(tokens[i]!.norm);
  if (w === 'of') return k - 1 >= from && (cues.settlement.has(tokens[k - 1]!.norm));
  if (w === 'for') return k - 1 >= from && cues.contestWord.has(tokens[k - 1]!.norm);
  return cues.locative.has(w) || hasCueWord(cues.settlement, w);
}
