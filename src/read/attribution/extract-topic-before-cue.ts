import type { Sentence, Token } from '../../model/index.js';
import type { CueMatch } from './find-cues.js';
import { isCloseQuote, isWordLike, type AttributionCandidate } from './attribution-candidate.js';

/** The longest topic phrase read before a cue ("Про втрату міста"), in tokens with its preposition. */
const MAX_TOPIC = 8;
/** The longest source read after the cue, to the sentence end: a noun phrase with its participle clause. */
const MAX_SOURCE = 24;

/**
 * A sentence that opens with what is reported and names its speaker after the verb, as Russian
 * and Ukrainian order a report ("Про втрату міста свідчать нові мапи ...", "О гибели бойцов
 * сообщил командир ..."): the phrase the topic preposition opens (`topicPrepositions`,
 * data/cues/<language>/cues.json) is the content, the words after the cue to the sentence end
 * the source. A preposition cannot open a subject, so the verb frames' reading of that phrase
 * as the speaker is never right. The anaphoric "Про це повідомив X" is read before this.
 */
export function extractTopicBeforeCue(
  tokens: readonly Token[], sentence: Sentence, cue: CueMatch, topicPrepositions: ReadonlySet<string>,
): AttributionCandidate | null {
  const [sFrom, sTo] = sentence.tokens;
  if (cue.entry.frame !== 'verb' || cue.entry.participle || !topicPrepositions.has(tokens[sFrom]!.norm)) return null;
  if (cue.from - sFrom < 2 || cue.from - sFrom > MAX_TOPIC) return null;
  // a clause boundary between them: the preposition opens something else ("Про це, як повідомив ...")
  if (tokens.slice(sFrom, cue.from).some((t) => !isWordLike(t) && t.text !== '-')) return null;
  let end = sTo - 1;
  while (end >= cue.to && !(isWordLike(tokens[end]!) || isCloseQuote(tokens[end]!))) end--;
  if (end < cue.to || end - cue.to >= MAX_SOURCE) return null;
  return {
    sentence: sentence.index, cue: [cue.from, cue.to], entry: cue.entry, source: [cue.to, end + 1],
    content: [tokens[sFrom]!.span[0], tokens[cue.from - 1]!.span[1]], rule: 'topic-before-cue',
  };
}
