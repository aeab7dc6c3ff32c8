import type { Sentence, Token } from '../../model/index.js';
import { isCloseQuote, isOpenQuote, type AttributionCandidate } from './attribution-candidate.js';

const MAX_SENTENCES = 12;

/**
 * A quotation that opens in a content and closes sentences later ("He said:
 * “... . ... .”") is all of it the content; one that closes in this sentence
 * having opened sentences before ("... ,” she said.") reaches back to where it
 * opened. Quotes that continue into the next paragraph (a new paragraph
 * reopening the quote with no close before it) continue too.
 */
export function extendQuotedContent(text: string, tokens: readonly Token[], sentences: readonly Sentence[], c: AttributionCandidate): AttributionCandidate {
  let [start, end] = c.content;
  const s = sentences[c.sentence]!;
  const balance = quoteBalance(tokens, s.tokens[0], s.tokens[1], start, end);
  if (balance > 0) {
    for (let k = c.sentence + 1; k < Math.min(sentences.length, c.sentence + MAX_SENTENCES); k++) {
      const next = sentences[k]!;
      let closed = false;
      for (let t = next.tokens[0]; t < next.tokens[1]; t++) if (isCloseQuote(tokens[t]!) || (tokens[t]!.text === '"' && tokens[t]!.quote !== 'open')) { closed = true; end = tokens[t]!.span[1]; break; }
      if (closed) break;
      end = next.span[1];
    }
  } else if (balance < 0 && start === s.span[0]) {
    for (let k = c.sentence - 1; k >= Math.max(0, c.sentence - MAX_SENTENCES); k--) {
      const prev = sentences[k]!;
      let opened = -1;
      for (let t = prev.tokens[1] - 1; t >= prev.tokens[0]; t--) if (isOpenQuote(tokens[t]!)) { opened = t; break; }
      if (opened !== -1) { start = tokens[opened]!.span[0]; break; }
      start = prev.span[0];
    }
  }
  void text;
  return start === c.content[0] && end === c.content[1] ? c : { ...c, content: [start, end] };
}

/** Opening minus closing quotes inside [start, end) of the sentence (typographic ones, and straight ones read from their flanks). */
function quoteBalance(tokens: readonly Token[], from: number, to: number, start: number, end: number): number {
  let balance = 0;
  for (let t = from; t < to; t++) {
    const tok = tokens[t]!;
    if (tok.span[0] < start || tok.span[1] > end) continue;
    if (isOpenQuote(tok)) balance++;
    else if (tok.text === '”' || tok.text === '»' || tok.quote === 'close') balance--;
  }
  return balance;
}
