import type { Sentence, Token } from '../../model/index.js';
import type { CueEntry, CueLexicon } from './cue-lexicon.js';
import type { AttributionCandidate } from './attribution-candidate.js';
import { isCloseQuote, isWordLike } from './attribution-candidate.js';
import type { TaggedSentence } from './span-tagger.js';

type Range = readonly [number, number];

const PASSIVE_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'re", "'s"]);
const TOPIC_PREPOSITIONS = new Set(['about', 'on', 'over', 'of', 'for', 'with', 'regarding', 'concerning', 'at', 'to']);

/** Tokens apart two ranges are (0 when they touch or overlap). */
export const gap = (a: Range, b: Range): number => (a[1] <= b[0] ? b[0] - a[1] : b[1] <= a[0] ? a[0] - b[1] : 0);
const overlap = (a: Range, b: Range): boolean => a[0] < b[1] && b[0] < a[1];

/** The tagged span nearest to a cue that does not overlap it (ties: the one before the cue). */
export function nearestSpan(spans: readonly Range[], cue: Range): Range | null {
  let best: Range | null = null;
  for (const s of spans) {
    if (overlap(s, cue)) continue;
    if (!best || gap(s, cue) < gap(best, cue)) best = s;
  }
  return best;
}

/**
 * The lexicon entry of a tagged cue: the first lexicon form inside it ("has
 * long denied" → deny). A cue the lexicon does not know ("mocked", "seemed to
 * suggest") is an attitude of the source: stance `believe`, class thought,
 * lemma its own words.
 */
export function entryOfTaggedCue(tokens: readonly Token[], cue: Range, lexicon: CueLexicon): CueEntry {
  for (let k = cue[0]; k < cue[1]; k++) {
    for (const e of lexicon.byFirst.get(tokens[k]!.norm) ?? []) {
      if (e.norms.every((n, j) => tokens[k + j]?.norm === n)) return e;
    }
  }
  const words = tokens.slice(cue[0], cue[1]).filter(isWordLike).map((t) => t.norm).join(' ');
  return { lemma: words, stance: 'believe', class: 'thought', frame: 'verb', object: false, needsQuote: false, norms: words.split(' '), participle: false };
}

/**
 * Extractor: an attribution for every cue the span tagger marks that no
 * lexicon frame found. Its source is the nearest tagged source in the
 * sentence (none when the tagger marks none), its content the nearest tagged
 * content; with no tagged content, the rest of the sentence on the side of the
 * cue away from the source.
 */
export function extractTaggedAttributions(
  tokens: readonly Token[], sentence: Sentence, tagged: TaggedSentence, taken: readonly Range[], lexicon: CueLexicon, paragraphEnd = sentence.tokens[1],
): AttributionCandidate[] {
  const out: AttributionCandidate[] = [];
  const [sFrom, sTo] = sentence.tokens;
  for (const cue of tagged.cue) {
    if (taken.some((t) => overlap(t, cue))) continue;
    if (!tokens.slice(cue[0], cue[1]).some(isWordLike)) continue;
    const source = wordsAround(tokens, nearestSpan(tagged.source, cue), sFrom, sTo, cue);
    // a passive ("are thought to", "is expected to") says nothing its subject said: with no agent
    // ("by X") right after it, it is the reporter's hedge, left to the reporter's voice
    if (PASSIVE_BE.has(tokens[cue[0]]!.norm) && !(source && source[0] >= cue[1] && (tokens[cue[1] - 1]!.norm === 'by' || tokens[cue[1]]?.norm === 'by' && source[0] === cue[1] + 1))) continue;
    let content = nearestSpan(tagged.content.filter((c) => !source || !overlap(c, source)), cue);
    // "X said:" closing its sentence introduces what follows, to the paragraph's end
    // (the tagger often takes the colon into the cue: "said:")
    const rest = tokens.slice(cue[1], sTo);
    const colon = tokens[cue[1] - 1]!.text === ':' || rest[0]?.text === ':';
    if (colon && !rest.some(isWordLike) && paragraphEnd > sTo) content = [sTo, paragraphEnd];
    if (!content) {
      const after = source && source[0] >= cue[1] ? null : [cue[1], sTo] as const;
      const before = [sFrom, cue[0]] as const;
      content = trimRange(tokens, after ?? before) ?? trimRange(tokens, before === content ? after ?? before : before);
    } else content = trimRange(tokens, content);
    if (!content) continue;
    // a content of the source's own words is no content ("He said:" with nothing after it)
    if (source && content[0] >= source[0] && content[1] <= source[1]) continue;
    const entry = entryOfTaggedCue(tokens, cue, lexicon);
    const rule = lexicon.byFirst.has(entry.norms[0]!) && entry.class !== 'thought' && !TOPIC_PREPOSITIONS.has(tokens[cue[1] - 1]!.norm) ? 'tagged' : 'tagged-attitude';
    // an attitude needs an object of some words ("mocked the ambitions of ..."); "shared online" is a modifier
    let words = 0;
    for (let k = content[0]; k < content[1]; k++) if (isWordLike(tokens[k]!)) words++;
    if (rule === 'tagged-attitude' && words < 2) continue;
    out.push({
      sentence: sentence.index, cue: [cue[0], cue[1]], entry,
      source: source ? [source[0], source[1]] : null,
      content: [tokens[content[0]]!.span[0], tokens[content[1] - 1]!.span[1]],
      // a cue the lexicon does not know is an attitude ("mocked", "don't like"), and one ending in a
      // preposition gives a topic ("issued statements about"): neither is a statement of the source's
      rule,
    });
  }
  return out;
}

/**
 * A tagged source that is only a quotation mark (the tagger marked the quote of `Russian "warlords"`) is the
 * words and quotation marks joined to it, short of the cue: `Russian "warlords"`; null when no word is there.
 */
function wordsAround(tokens: readonly Token[], source: Range | null, from: number, to: number, cue: Range): Range | null {
  if (!source || tokens.slice(source[0], source[1]).some(isWordLike)) return source;
  const joined = (t: Token): boolean => isWordLike(t) || t.kind === 'quote';
  const outsideCue = (k: number): boolean => k < cue[0] || k >= cue[1];
  let [a, b] = source;
  while (a - 1 >= from && outsideCue(a - 1) && joined(tokens[a - 1]!) && source[1] - a < 8) a--;
  while (b < to && outsideCue(b) && joined(tokens[b]!) && b - source[0] < 8) b++;
  return tokens.slice(a, b).some(isWordLike) ? [a, b] : null;
}

/** A token range without leading and trailing punctuation (closing quotes kept); null when no word is left. */
function trimRange(tokens: readonly Token[], r: Range): Range | null {
  let [a, b] = r;
  while (a < b && !isWordLike(tokens[a]!) && tokens[a]!.text !== '“' && tokens[a]!.text !== '"') a++;
  while (b > a && !isWordLike(tokens[b - 1]!) && !isCloseQuote(tokens[b - 1]!) && tokens[b - 1]!.text !== '"') b--;
  for (let k = a; k < b; k++) if (isWordLike(tokens[k]!)) return [a, b];
  return null;
}
