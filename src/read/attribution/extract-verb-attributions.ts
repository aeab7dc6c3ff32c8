import type { Sentence, Token } from '../../model/index.js';
import type { CueMatch } from './find-cues.js';
import { skipMediumTail } from './extend-cue-verb-group.js';
import {
  BETWEEN_SUBJECT_AND_VERB, PHRASE_STOPS, isCloseQuote, isOpenQuote, isTimeToken, isWordLike, type AttributionCandidate,
} from './attribution-candidate.js';

const MAX_SOURCE = 12;
/** Words of a medium's name after its word ("в эфире телемарафона «Единые новости»") before the content's comma. */
const MEDIUM_REACH = 4;

/**
 * Habits of a language's typography the frames read: Russian and Ukrainian copy types a dash as a
 * spaced hyphen (`"…", - сказав він`) and quotes the names of units and bodies ("группировка «Восток»").
 * English keeps its measured reading (a hyphen joins a name; a closing quote ends a quotation).
 */
export interface Typography {
  readonly spacedDashes: boolean;
  readonly quotedNames: boolean;
  /** Prepositions that end a source named after its cue ("— сказал он в докладе президенту": the source is "он"). */
  readonly sourceTails?: ReadonlySet<string>;
  /** Words for where something was said that such a preposition opens before the cue ("Гетьман в ефірі … заявив": the source is before "в"). */
  readonly media?: ReadonlySet<string>;
  /** Particles that negate the verb after them ("Генштаб не підтвердив"): between the subject and the cue, part of the cue's verb group. */
  readonly negations?: ReadonlySet<string>;
  /** Demonstratives that open an object standing before its verb ("Генштаб эту информацию опроверг"): the object is the content, the subject before it. */
  readonly demonstratives?: ReadonlySet<string>;
}
const ENGLISH: Typography = { spacedDashes: false, quotedNames: false };
const RELATIVES = new Set(['who', 'which']);
const TAIL_STARTERS = new Set(['in', 'on', 'at', 'during', 'via', 'to', 'after', 'before', 'while', 'when', 'late', 'early', 'last', 'this', 'earlier', 'later', 'today', 'yesterday', 'recently']);

/**
 * The verb frames reporters use, around one cue:
 * forward "X said (that) C" / "X told Y that C" / "X called on Y to C",
 * backward "C, X said" / "“C,” X added", inverted "C, said X".
 * A participle ("..., adding that C") or a coordinated verb ("... but denied C")
 * with no subject of its own is proposed with `source: null` and `sharedSource`:
 * a refiner gives it the subject of the verb before it.
 */
export function extractVerbAttribution(
  text: string, tokens: readonly Token[], sentence: Sentence, cue: CueMatch, inTime: Uint8Array, isCue: Uint8Array, typography: Typography = ENGLISH,
): AttributionCandidate | null {
  const [sFrom, sTo] = sentence.tokens;
  const base = { sentence: sentence.index, cue: [cue.from, cue.to] as const, entry: cue.entry };
  // "В Генштабе ВСУ эту информацию опровергли": a demonstrative object before the verb is what it reports
  const object = typography.demonstratives ? demonstrativeObjectBefore(tokens, sFrom, cue.from, inTime, typography) : null;
  if (object) {
    const subject = subjectBefore(tokens, sFrom, object.at, inTime, isCue, typography);
    if (subject) return { ...base, source: subject, content: object.span, rule: 'object-before' };
  }
  const source = subjectBefore(tokens, sFrom, cue.from, inTime, isCue, typography);
  const beforeSource = source ? source[0] - 1 : skipBetween(tokens, sFrom, cue.from - 1, inTime, typography);
  const lastContent = lastContentToken(tokens, sFrom, sTo);
  const commaBefore = beforeSource >= sFrom && (tokens[beforeSource]!.text === ',' || isCloseQuote(tokens[beforeSource]!) || tokens[beforeSource]!.text === '—' || (typography.spacedDashes && isDash(tokens, beforeSource)));

  // inverted: "..., said Peskov" / "“...,” said the ministry"
  if (!source && commaBefore && cue.to < sTo && cue.entry.invertible !== false) {
    const after = phraseAfter(tokens, cue.to, sTo, isCue, typography);
    if (after && (after[1] >= lastContent || [',', '.', ';'].includes(tokens[after[1]]?.text ?? '') || typography.sourceTails?.has(tokens[after[1]]?.norm ?? ''))) {
      const content = contentBefore(tokens, sFrom, beforeSource);
      if (content) return { ...base, source: after, content, rule: 'inverted' };
    }
  }
  // backward: "..., the ministry said" — nothing after the cue but a tail ("in a statement", "on Wednesday");
  // a cue with an addressee ("told reporters on Friday") has its addressee before the tail
  // a time right after the cue is the statement's ("…, officials said Tuesday, prompting …"), not its content
  let afterCue = cue.entry.object ? skipAddressee(tokens, cue.to, sTo) : cue.to;
  while (afterCue < sTo && isTimeToken(tokens[afterCue]!, inTime, afterCue)) afterCue++;
  const afterMedium = skipMediumTail(tokens, afterCue, sTo);
  // "Meanwhile, X said in a statement, “…”": a quotation opening after the cue's comma is its content,
  // unless a quotation also ends before the source ("“…,” he said, “…”": the second goes on the first)
  const quotationFollows = tokens[afterMedium]?.text === ',' && afterMedium + 1 < sTo && isOpenQuote(tokens[afterMedium + 1]!)
    && !(beforeSource >= sFrom && isCloseQuote(tokens[beforeSource]!));
  // "“…,” the spokeswoman wrote X.": one word after the cue, then the sentence's end, names where it was said
  const quotedBefore = beforeSource >= sFrom && (isCloseQuote(tokens[beforeSource]!) || (tokens[beforeSource]!.text === ',' && beforeSource - 1 >= sFrom && isCloseQuote(tokens[beforeSource - 1]!)));
  const mediumOnly = quotedBefore && afterCue + 1 < sTo + 1 && /^\p{Lu}/u.test(tokens[afterCue]?.text ?? '') && (afterCue + 1 >= sTo || tokens[afterCue + 1]!.text === '.');
  if (source && commaBefore && source[0] > sFrom && !quotationFollows && (mediumOnly || !forwardContentFollows(tokens, afterCue, sTo))) {
    const content = contentBefore(tokens, sFrom, beforeSource);
    if (content) return { ...base, source, content, rule: 'backward' };
  }
  // backward with a longer source: "“...,” a spokesman for the army said on Monday" — the subject found
  // stops at "for"/"of"; the words back to the comma or closing quote are all the source's
  if (source && !commaBefore && source[0] > sFrom && !forwardContentFollows(tokens, afterCue, sTo)) {
    let k = source[0] - 1;
    while (k >= sFrom && source[1] - k < MAX_SOURCE && isWordLike(tokens[k]!) && !isCue[k] && (linksSource(tokens, k) || !PHRASE_STOPS.has(tokens[k]!.norm))) k--;
    const bounded = k >= sFrom && k < source[0] - 1 && (tokens[k]!.text === ',' || isCloseQuote(tokens[k]!));
    if (bounded && tokens.slice(k + 1, source[0]).some((_, j) => linksSource(tokens, k + 1 + j))) {
      const content = contentBefore(tokens, sFrom, k);
      if (content) return { ...base, source: [k + 1, source[1]], content, rule: 'backward' };
    }
  }
  // forward
  let start = skipMediumTail(tokens, cue.to, sTo);
  // "заявил в эфире телемарафона, что …": where it was said, after the cue, is no part of the content
  if (typography.media && typography.sourceTails?.has(tokens[start]?.norm ?? '') && typography.media.has(tokens[start + 1]?.norm ?? '')) {
    let k = start + 2;
    while (k < sTo && k < start + 2 + MEDIUM_REACH && isWordLike(tokens[k]!)) k++;
    if (tokens[k]?.text === ',') start = k;
  }
  while (start < sTo && (tokens[start]!.text === ':' || tokens[start]!.text === ',')) start++;
  if (cue.entry.object) {
    const that = findWithin(tokens, start, Math.min(sTo, start + 10), (t) => t.norm === 'that' || isOpenQuote(t) || t.text === ':');
    if (that !== -1 && (cue.entry.lemma === 'tell' || tokens[that]!.norm === 'that')) start = tokens[that]!.text === ':' ? that + 1 : that;
    else if (cue.entry.lemma === 'tell') {
      let k = start;
      while (k < sTo && isWordLike(tokens[k]!) && (k === start || /^\p{Lu}/u.test(tokens[k]!.text))) k++;
      start = k;
    }
  }
  const contentEnd = lastContentToken(tokens, sFrom, sTo, start);
  if (start > contentEnd) return null;
  if (cue.entry.needsQuote && !isOpenQuote(tokens[start]!) && tokens[start]!.text !== '"') return null;
  const content: [number, number] = [tokens[start]!.span[0], tokens[contentEnd]!.span[1]];
  if (source) return { ...base, source, content, rule: 'forward' };
  const before = tokens[cue.from - 1];
  const shares = cue.entry.participle ? before !== undefined && (before.text === ',' || before.norm === 'and' || before.norm === 'but' || before.text === '—')
    : before !== undefined && (before.norm === 'and' || before.norm === 'but' || before.norm === 'or');
  if (shares) return { ...base, source: null, content, rule: cue.entry.participle ? 'participle' : 'coordinated', sharedSource: true };
  return null;
  void text;
}

/**
 * A dash between clauses: "—", "–", or a hyphen with spaces on both sides, as Russian and Ukrainian
 * copy often types it (`"…", - сказав він`); a hyphen joined to a word is part of a name.
 */
function isDash(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.text === '—' || t.text === '–') return true;
  // (English reads only "—" here: see Typography)
  if (t.text !== '-') return false;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (!before || before.span[1] < t.span[0]) && (!after || t.span[1] < after.span[0]);
}

const PROGRESSIVE = new Set(['are', 'were', 'am', 'be', 'been', 'being']);
/** Words in -ly that are not manner adverbs (they can end a subject: "Italy", "the family", "an ally"). */
const NOT_ADVERBS = new Set(['family', 'ally', 'italy', 'assembly', 'supply', 'fly', 'reply', 'daily', 'weekly', 'monthly', 'only', 'early', 'july', 'rally', 'anomaly', 'monopoly', 'bully']);
/** Words that open a parenthetical between a subject and its verb (", for its part,", ", in turn,", ", meanwhile,"). */
const PARENTHETICAL_OPENERS = new Set(['for', 'in', 'meanwhile', 'though', 'too', 'however', 'however,', 'likewise', 'similarly', 'also', 'separately']);
const PARENTHETICAL_REACH = 5;

/** Skips adverbs, auxiliaries, parentheticals and time expressions leftwards from `j`; returns the first index not skipped. */
function skipBetween(tokens: readonly Token[], sFrom: number, j: number, inTime: Uint8Array, typography: Typography): number {
  while (j >= sFrom) {
    const t = tokens[j]!;
    if (BETWEEN_SUBJECT_AND_VERB.has(t.norm) || isTimeToken(t, inTime, j) || typography.negations?.has(t.norm)) { j--; continue; }
    if ((t.norm === 'on' || t.norm === 'in' || t.norm === 'at' || t.norm === 'late' || t.norm === 'early') && j + 1 < tokens.length && isTimeToken(tokens[j + 1]!, inTime, j + 1)) { j--; continue; }
    if (t.text === ',' && j - 1 >= sFrom && BETWEEN_SUBJECT_AND_VERB.has(tokens[j - 1]!.norm) && tokens[j - 1]!.norm === 'however') { j -= 2; continue; }
    // "are firmly denying": a progressive auxiliary, a manner adverb
    if (PROGRESSIVE.has(t.norm) || (t.kind === 'word' && /^\p{Ll}{3,}ly$/u.test(t.text) && !NOT_ADVERBS.has(t.norm))) { j--; continue; }
    // "The army, for its part, said": a parenthetical between commas that opens with a linking word
    if (t.text === ',') {
      let k = j - 1;
      while (k >= sFrom && j - k <= PARENTHETICAL_REACH && tokens[k]!.text !== ',') k--;
      if (k >= sFrom && tokens[k]!.text === ',' && k < j - 1 && PARENTHETICAL_OPENERS.has(tokens[k + 1]!.norm)) { j = k - 1; continue; }
    }
    break;
  }
  return j;
}

/** The subject noun phrase before a verb, scanned leftwards to a clause boundary. */
export function subjectBefore(tokens: readonly Token[], sFrom: number, verb: number, inTime: Uint8Array, isCue: Uint8Array, typography: Typography = ENGLISH): [number, number] | null {
  let end = skipBetween(tokens, sFrom, verb - 1, inTime, typography);
  // "X в ефірі телемарафону заявив", "X в интервью ТАСС сообщил": the medium is the cue's tail, the subject is before it
  if (typography.media && typography.sourceTails) {
    for (let k = end; k > sFrom && end - k < 8; k--) {
      if (typography.sourceTails.has(tokens[k]!.norm) && typography.media.has(tokens[k + 1]?.norm ?? '') && isWordLike(tokens[k - 1]!)) { end = k - 1; break; }
    }
  }
  if (end < sFrom) return null;
  if (RELATIVES.has(tokens[end]!.norm)) return [end, end + 1];
  let j = end;
  while (j >= sFrom && end - j < MAX_SOURCE) {
    const t = tokens[j]!;
    if (t.text === ')') {
      let k = j - 1;
      while (k >= sFrom && k > j - 6 && tokens[k]!.text !== '(') k--;
      if (k >= sFrom && tokens[k]!.text === '(') { j = k - 1; continue; }
      break;
    }
    if ((t.text === '-' && !(typography.spacedDashes && isDash(tokens, j))) || t.text === '.' && /^\p{Lu}/u.test(t.text)) { j--; continue; }
    // a quoted name inside the subject: "группировкой войск «Восток» Иван Иванов"
    if (typography.quotedNames && j < end && (isCloseQuote(t) || t.text === '"')) {
      const open = quotedNameStart(tokens, sFrom, j);
      if (open !== -1) { j = open - 1; continue; }
    }
    if (!isWordLike(t) || PHRASE_STOPS.has(t.norm) || isCue[j] || (j < end && isTimeToken(t, inTime, j))) break;
    j--;
  }
  if (j === end) return null;
  if (end - j >= MAX_SOURCE) return null;
  return [j + 1, end + 1];
}

/**
 * A demonstrative object right before a verb ("эту информацию", "ці заяви", "это"), over the words
 * allowed between a subject and its verb: its character span and first token, or null.
 */
function demonstrativeObjectBefore(tokens: readonly Token[], sFrom: number, verb: number, inTime: Uint8Array, typography: Typography): { span: [number, number]; at: number } | null {
  const k = skipBetween(tokens, sFrom, verb - 1, inTime, typography);
  if (k < sFrom + 1) return null;
  const t = tokens[k]!;
  if (t.kind !== 'word' || /^\p{Lu}/u.test(t.text)) return null;
  if (typography.demonstratives!.has(tokens[k - 1]!.norm) && k - 1 > sFrom) return { span: [tokens[k - 1]!.span[0], t.span[1]], at: k - 1 };
  return null;
}

/** Where a quoted name of one to three capitalised words closed at `close` opens ("«Восток»", '"Azov"'); -1 when it is no such name. */
function quotedNameStart(tokens: readonly Token[], sFrom: number, close: number): number {
  for (let k = close - 1; k >= sFrom && k >= close - 4; k--) {
    const t = tokens[k]!;
    if (isOpenQuote(t) || t.text === '"') return k < close - 1 ? k : -1;
    if (!(t.kind === 'word' && /^\p{Lu}/u.test(t.text)) && t.kind !== 'number') return -1;
  }
  return -1;
}

/** A noun phrase after a cue ("said Peskov", "said the Kremlin's spokesman"), to punctuation. */
function phraseAfter(tokens: readonly Token[], from: number, sTo: number, isCue: Uint8Array, typography: Typography = ENGLISH): [number, number] | null {
  let k = from;
  while (k < sTo && k - from < MAX_SOURCE) {
    // a quoted name inside the phrase: "командующий группировкой войск «Восток» Иван Иванов"
    if (typography.quotedNames && k > from && (isOpenQuote(tokens[k]!) || tokens[k]!.text === '"')) {
      const close = quotedNameEnd(tokens, sTo, k);
      if (close !== -1) { k = close + 1; continue; }
    }
    if (!(isWordLike(tokens[k]!) && !isCue[k] && (k === from || !PHRASE_STOPS.has(tokens[k]!.norm) || tokens[k]!.norm === 'of'))) break;
    if (k > from && typography.sourceTails?.has(tokens[k]!.norm)) break;
    k++;
  }
  return k > from && !PHRASE_STOPS.has(tokens[from]!.norm) ? [from, k] : null;
}

/** Where a quoted name of one to three capitalised words opened at `open` closes; -1 when it is no such name. */
function quotedNameEnd(tokens: readonly Token[], sTo: number, open: number): number {
  for (let k = open + 1; k < sTo && k <= open + 4; k++) {
    const t = tokens[k]!;
    if (isCloseQuote(t) || t.text === '"') return k > open + 1 ? k : -1;
    if (!(t.kind === 'word' && /^\p{Lu}/u.test(t.text)) && t.kind !== 'number') return -1;
  }
  return -1;
}

/** Content before a comma: from the sentence start to the last word or closing quote before `boundary`. */
function contentBefore(tokens: readonly Token[], sFrom: number, boundary: number): [number, number] | null {
  let last = boundary;
  while (last >= sFrom && !(isWordLike(tokens[last]!) || isCloseQuote(tokens[last]!) || tokens[last]!.text === '"')) last--;
  if (last < sFrom) return null;
  let first = sFrom;
  // a leading "And" or "But" is the reporter's link, not the source's words
  if (tokens[first]!.norm === 'and' || tokens[first]!.norm === 'but') first++;
  if (first > last) return null;
  return [tokens[first]!.span[0], tokens[last]!.span[1]];
}

/** Where a new main clause starts (", while ...", "; ..."): forward content stops before it. */
const CLAUSE_LINKS = new Set(['while', 'whereas', 'but']);

function lastContentToken(tokens: readonly Token[], sFrom: number, sTo: number, from = sFrom): number {
  let last = sTo - 1;
  for (let k = from + 1; k < sTo - 1; k++) {
    if (tokens[k]!.text === ';' || (tokens[k]!.text === ',' && CLAUSE_LINKS.has(tokens[k + 1]!.norm))) { last = k - 1; break; }
  }
  while (last > sFrom && !(isWordLike(tokens[last]!) || isCloseQuote(tokens[last]!) || tokens[last]!.text === '"' || tokens[last]!.text === ')')) last--;
  return last;
}

/** Prepositions that join a source's title to its organisation ("a spokesman for the army", "the head of the agency"). */
const OF_WORDS = new Set(['for', 'of']);
const PARTICIPLE_PREPOSITIONS = new Set(['in', 'at', 'on', 'near', 'from', 'with', 'to']);
/**
 * A word inside a long source named after its content: "a spokesman for the army", "a soldier and a medic",
 * "a medic deployed in the region" (a preposition after a participle).
 */
function linksSource(tokens: readonly Token[], k: number): boolean {
  const norm = tokens[k]!.norm;
  return OF_WORDS.has(norm) || norm === 'and' || (PARTICIPLE_PREPOSITIONS.has(norm) && k > 0 && /\p{L}{3,}(?:ed|ing)$/u.test(tokens[k - 1]!.norm));
}

/** Past a cue's addressee ("told reporters", "told the BBC", "told Reuters"): one to three words before a tail or the end. */
function skipAddressee(tokens: readonly Token[], from: number, sTo: number): number {
  let k = from;
  while (k < sTo && k - from < 3 && isWordLike(tokens[k]!) && !TAIL_STARTERS.has(tokens[k]!.norm) && tokens[k]!.norm !== 'that') k++;
  return k;
}

/** After the cue comes its content ("said that", "said:", "said the troops...") rather than a tail ("said on Wednesday."). */
function forwardContentFollows(tokens: readonly Token[], from: number, sTo: number): boolean {
  if (from >= sTo) return false;
  const t = tokens[from]!;
  if (t.text === '.' || t.text === ',' || t.text === ';' || t.text === ')') return false;
  if (t.norm === 'that' || t.text === ':' || isOpenQuote(t)) return true;
  if (TAIL_STARTERS.has(t.norm)) {
    const k = findWithin(tokens, from, Math.min(sTo, from + 8), (x) => x.norm === 'that' || x.text === ':' || x.text === ',' || x.text === '.');
    return k !== -1 && (tokens[k]!.norm === 'that' || tokens[k]!.text === ':');
  }
  return true;
}

function findWithin(tokens: readonly Token[], from: number, to: number, test: (t: Token) => boolean): number {
  for (let k = from; k < to; k++) {
    if (test(tokens[k]!)) return k;
    if (tokens[k]!.text === '.' || tokens[k]!.text === ';') return -1;
  }
  return -1;
}
