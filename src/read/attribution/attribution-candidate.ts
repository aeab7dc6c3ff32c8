import type { Token } from '../../model/index.js';
import type { CueEntry } from './cue-lexicon.js';

/** What an attribution extractor proposes; refiners complete and decide. Token ranges are [from, to). */
export interface AttributionCandidate {
  readonly sentence: number;
  readonly cue: readonly [number, number];
  readonly entry: CueEntry;
  /** The source's tokens, or null when no words name it (yet: a refiner may share a subject). */
  readonly source: readonly [number, number] | null;
  /** Character offsets of the content. */
  readonly content: readonly [number, number];
  /** More content after the cue: a quotation going on ("“Q1,” she said. “Q2.”"), character offsets. */
  readonly contentParts?: ReadonlyArray<readonly [number, number]>;
  readonly rule: string;
  /** The source was taken from another verb's subject ("..., adding that", "... but denied"). */
  readonly sharedSource?: boolean;
}

/** Words that end a noun phrase scanned leftwards from a verb: clause links, prepositions, auxiliaries. */
export const PHRASE_STOPS = new Set([
  'that', 'and', 'but', 'or', 'nor', 'while', 'as', 'when', 'because', 'if', 'although', 'though', 'after', 'before', 'since',
  'where', 'whereas', 'with', 'by', 'for', 'to', 'from', 'in', 'on', 'at', 'into', 'than', 'so', 'until', 'unless', 'whether',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'do', 'does', 'did', 'not', "n't", 'also', 'however', 'then', 'said', 'says', 'told', 'what', 'how', 'why',
  'even', 'just', 'about', 'against', 'under', 'over', 'during', 'without', 'through', 'like', 'unlike', 'among', 'amid',
  'despite', 'toward', 'towards', 'upon', 'via', 'per', 'if', 'once', 'yet', 'instead', 'only',
]);

/** Adverbs and auxiliaries allowed between a subject and its verb ("Peskov also said", "officials have repeatedly denied"). */
export const BETWEEN_SUBJECT_AND_VERB = new Set([
  'also', 'later', 'earlier', 'previously', 'again', 'recently', 'repeatedly', 'reportedly', 'publicly', 'then', 'now', 'first',
  'further', 'separately', 'initially', 'subsequently', 'once', 'often', 'always', 'never', 'still', 'already', 'frequently',
  'has', 'have', 'had', 'will', 'would', 'could', 'did', 'does', 'do', 'not', "n't", 'may', 'might', 'can', 'should', 'must', 'is', 'was',
  'privately', 'openly', 'flatly', 'angrily', 'quickly', 'bluntly', 'simply', 'explicitly', 'specifically', 'too', 'however',
]);

/** Tokens that fall inside a time expression, or are plain time words when no time stage has run. */
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'tomorrow',
  'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'last', 'this', 'earlier', 'later', 'ago',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

export function isTimeToken(t: Token, inTime: Uint8Array, index: number): boolean {
  return inTime[index] === 1 || TIME_WORDS.has(t.norm) && (t.norm !== 'may' && t.norm !== 'march' || /^\p{Lu}/u.test(t.text));
}

export const isWordLike = (t: Token): boolean => t.kind === 'word' || t.kind === 'number';
export const isOpenQuote = (t: Token): boolean => t.text === '“' || t.text === '‘' || t.text === '«' || t.text === '„' || t.quote === 'open';
export const isCloseQuote = (t: Token): boolean => t.text === '”' || t.text === '’' || t.text === '»' || t.quote === 'close';
