import type { Sentence, Token } from '../../model/index.js';
import type { CueEntry } from './cue-lexicon.js';
import { isCloseQuote, isWordLike, type AttributionCandidate } from './attribution-candidate.js';

const MAX_NAME = 6;
/** Labels that open a line with a colon but name no speaker. */
const NOT_SPEAKERS = new Set(['photo', 'photos', 'video', 'update', 'updated', 'read', 'watch', 'editor', 'note', 'source', 'sources', 'related', 'warning', 'image', 'credit', 'listen', 'see', 'also', 'more', 'correction', 'disclosure', 'q', 'a']);
const COLON: CueEntry = { lemma: ':', stance: 'assert', class: 'speech', frame: 'verb', object: false, needsQuote: false, norms: [':'], participle: false };

/**
 * "Name: words" at the start of a paragraph — a transcript turn ("PENCE: Well,
 * look ...") or a headline ("Pence: Flowers won't be at debate"). The source is
 * the capitalised name before the colon, the cue the colon, the content the
 * rest of the paragraph (`paragraphEnd`: the index after its last token).
 */
export function extractColonFrame(tokens: readonly Token[], sentence: Sentence, paragraphStart: boolean, paragraphEnd: number): AttributionCandidate | null {
  if (!paragraphStart) return null;
  const [from, to] = sentence.tokens;
  let k = from;
  while (k < to && k - from < MAX_NAME && tokens[k]!.text !== ':') {
    const t = tokens[k]!;
    const nameLike = t.kind === 'word' && /^\p{Lu}/u.test(t.text) || t.norm === "'s" || t.text === '.' || t.text === '-';
    if (!nameLike) return null;
    k++;
  }
  if (k === from || k >= to - 1 || tokens[k]!.text !== ':') return null;
  if (tokens.slice(from, k).some((t) => NOT_SPEAKERS.has(t.norm))) return null;
  let first = k + 1;
  while (first < to && !isWordLike(tokens[first]!) && !/^[“"‘]$/.test(tokens[first]!.text)) first++;
  if (first >= to) return null;
  let last = paragraphEnd - 1;
  while (last > first && !isWordLike(tokens[last]!) && !isCloseQuote(tokens[last]!) && tokens[last]!.text !== '"') last--;
  return { sentence: sentence.index, cue: [k, k + 1], entry: COLON, source: [from, k], content: [tokens[first]!.span[0], tokens[last]!.span[1]], rule: 'colon' };
}
