import type { Sentence, Token } from '../../model/index.js';
import type { CueMatch } from './find-cues.js';
import { isCloseQuote, isWordLike, type AttributionCandidate } from './attribution-candidate.js';

const MAX_OWNER = 6;
/** "те" in "про те, що", "том" in "о том, что". */
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['те', 'том', 'то']);

/**
 * A claim named by a noun whose owner follows it in the genitive, as Russian
 * and Ukrainian write it ("заяви російського командування про захоплення
 * міста", "заявление Минобороны о взятии села"): the owner is the source, the
 * phrase its `introducers` open ("про", "о", "что", "що") is the content. A
 * noun with no owner before its content ("заяви про захоплення") is left to
 * the frames around it.
 */
export function extractGenitiveNounClaim(tokens: readonly Token[], sentence: Sentence, cue: CueMatch, introducers: ReadonlySet<string>): AttributionCandidate | null {
  const [, sTo] = sentence.tokens;
  let k = cue.to;
  while (k < sTo && k - cue.to < MAX_OWNER && !introducers.has(tokens[k]!.norm) && isWordLike(tokens[k]!)) k++;
  if (k === cue.to || k >= sTo || !introducers.has(tokens[k]!.norm)) return null;
  const source = [cue.to, k] as const;
  // "про те, що ...", "о том, что ...": the clause after the demonstrative is the content, to the sentence's end
  const demonstrative = DEMONSTRATIVES.has(tokens[k + 1]?.norm ?? '') && tokens[k + 2]?.text === ',';
  if (demonstrative) k += 2;
  let end = k + 1;
  // the content: the introduced phrase, to the clause's end (a comma before another clause, or the sentence's end)
  while (end < sTo && (demonstrative || tokens[end]!.text !== ',') && tokens[end]!.text !== ';' && !(tokens[end]!.text === '.' && end === sTo - 1)) end++;
  let last = end - 1;
  while (last > k && !(isWordLike(tokens[last]!) || isCloseQuote(tokens[last]!))) last--;
  const first = k + 1;
  if (last < first) return null;
  return {
    sentence: sentence.index, cue: [cue.from, cue.to], entry: cue.entry, source,
    content: [tokens[first]!.span[0], tokens[last]!.span[1]], rule: 'genitive-noun',
  };
}
