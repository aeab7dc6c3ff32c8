import type { Sentence, Token } from '../../model/index.js';
import type { CueMatch } from './find-cues.js';
import { isCloseQuote, isWordLike, type AttributionCandidate } from './attribution-candidate.js';

/**
 * A reporting verb with no subject, which Russian and Ukrainian drop where the
 * speaker was just named ("Также сообщили, что ...", "Разом із тим,
 * повідомили, що ..."): its content follows it, and the source is shared from
 * the report before (`sharedSource`; see shareSubjects and its fallback).
 * Called only where the verb frames found no source and for languages whose
 * lexicon says they drop subjects (data/cues/<language>/cues.json).
 */
export function extractSubjectlessVerb(tokens: readonly Token[], sentence: Sentence, cue: CueMatch): AttributionCandidate | null {
  const [, sTo] = sentence.tokens;
  if (cue.entry.frame !== 'verb' || cue.entry.participle) return null;
  // an impersonal passive ("сообщается", "повідомляється") has no speaker to share: it reports what a medium says
  if (/(?:ся|сь)$/u.test(tokens[cue.head]!.norm)) return null;
  let start = cue.to;
  while (start < sTo && (tokens[start]!.text === ',' || tokens[start]!.text === ':')) start++;
  let end = sTo - 1;
  while (end >= start && !(isWordLike(tokens[end]!) || isCloseQuote(tokens[end]!) || tokens[end]!.text === '"')) end--;
  if (end - start < 2) return null;
  return {
    sentence: sentence.index, cue: [cue.from, cue.to], entry: cue.entry, source: null,
    content: [tokens[start]!.span[0], tokens[end]!.span[1]], rule: 'subjectless', sharedSource: true,
  };
}
