import type { Sentence, Span } from '../../model/index.js';

/**
 * The reporter's own voice: a sentence that holds no attribution cue and lies
 * in no attribution's content is a claim of the outlet (PRODUCT.md: the
 * ledger records who says everything, the outlet included). Captions are left
 * out: they describe a picture.
 */
export function extractReporterVoice(sentences: readonly Sentence[], covered: readonly Span[]): Sentence[] {
  return sentences.filter((s) => !s.caption && !covered.some((c) => c[0] < s.span[1] && s.span[0] < c[1]));
}
