import type { Sentence, Span } from '../../model/index.js';
import { indexByPosition } from '../position-index.js';

/**
 * The reporter's own voice: a sentence that holds no attribution cue and lies
 * in no attribution's content is a claim of the outlet (PRODUCT.md: the
 * ledger records who says everything, the outlet included). Captions are left
 * out: they describe a picture.
 */
export function extractReporterVoice(sentences: readonly Sentence[], covered: readonly Span[]): Sentence[] {
  const byStart = indexByPosition(covered, (c) => c[0]);
  const widest = covered.reduce((m, c) => Math.max(m, c[1] - c[0]), 0);
  return sentences.filter((s) => !s.caption && !byStart.between(s.span[0] - widest, s.span[1]).some((c) => c[0] < s.span[1] && s.span[0] < c[1]));
}
