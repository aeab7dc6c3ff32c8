import type { Sentence, Token } from '../../model/index.js';
import type { AttributionCandidate } from './attribution-candidate.js';

const MAX_SENTENCES = 12;

/**
 * A quotation typed with straight quotes that closes in a content having opened
 * sentences before (`"… . … .", - сказав він`): the content reaches back to
 * where it opened, in the same paragraph. Russian and Ukrainian web copy types
 * its quotes straight, where extendQuotedContent reads the typographic ones; a
 * straight quote opens or closes by count, so the sentence's quotes before the
 * content's end are counted: an odd number means the quotation opened earlier.
 */
export function extendStraightQuotes(tokens: readonly Token[], sentences: readonly Sentence[], c: AttributionCandidate): AttributionCandidate {
  const s = sentences[c.sentence]!;
  const [start, end] = c.content;
  if (start !== s.span[0]) return c;
  let count = 0;
  for (let t = s.tokens[0]; t < s.tokens[1] && tokens[t]!.span[1] <= end; t++) if (tokens[t]!.text === '"') count++;
  if (count % 2 === 0) return c;
  for (let k = c.sentence - 1; k >= Math.max(0, c.sentence - MAX_SENTENCES); k--) {
    const prev = sentences[k]!;
    if (prev.paragraph !== s.paragraph) return c;
    let quotes = 0;
    let first = -1;
    for (let t = prev.tokens[0]; t < prev.tokens[1]; t++) if (tokens[t]!.text === '"') { quotes++; if (first === -1) first = t; }
    if (quotes % 2 === 1) return { ...c, content: [tokens[first]!.span[0], end] };
  }
  return c;
}
