import type { Sentence, Token } from '../../model/index.js';
import { isCloseQuote, isOpenQuote, type AttributionCandidate } from './attribution-candidate.js';

const MAX_SENTENCES = 12;

/**
 * Refiner: a quotation that goes on after its attribution is more of the same
 * content — "“Q1,” she said, “Q2.”" and "“Q1,” she said. “Q2. Q3.”" in the
 * same paragraph, when no cue of its own sits outside the quotation (PolNeAR
 * annotates such runs as one attribution with several content spans). The
 * continuation becomes a `contentParts` entry (character offsets); the main
 * content is left as it is.
 *
 * `isCue[k]` is 1 on the tokens of every candidate's cue: a quote sentence
 * with a cue of its own ("“Q2,” he added.") is its own attribution.
 */
export function continueQuotedContent(
  tokens: readonly Token[], sentences: readonly Sentence[], candidates: readonly AttributionCandidate[], isCue: Uint8Array,
): AttributionCandidate[] {
  const quoted = (t: Token): boolean => isOpenQuote(t) && t.text !== '‘';
  return candidates.map((c) => {
    const s = sentences[c.sentence]!;
    const lastCueTok = Math.max(c.cue[1], c.source?.[1] ?? 0);
    // only a quotation reported before its cue: "“Q1,” X said" (the content ends with a closing quote, before the cue)
    const contentEnd = c.content[1];
    if (contentEnd > tokens[c.cue[0]]!.span[0]) return c;
    const closing = tokens[tokenEndingAt(tokens, contentEnd)];
    if (!closing || !(isCloseQuote(closing) || closing.text === '"' || closing.text === ',')) return c;
    if (!/[”"»][,.]?$/.test(tokenText(tokens, contentEnd))) return c;
    const parts: Array<readonly [number, number]> = [];
    // the same sentence: ", “Q2.”" after the cue and source
    let k = lastCueTok;
    if (tokens[k]?.text === ',' && k + 1 < s.tokens[1] && quoted(tokens[k + 1]!)) {
      const end = closeOf(tokens, k + 1, s.tokens[1]);
      parts.push([tokens[k + 1]!.span[0], tokens[end]!.span[1]]);
      if (!isCloseQuote(tokens[end]!) && tokens[end]!.text !== '"') return withParts(c, parts.concat(runOn(tokens, sentences, c.sentence + 1, s.paragraph, isCue, true)));
    } else if (k < s.tokens[1] && !/^[.!?]$/.test(tokens[k]!.text)) return c;
    return withParts(c, parts.concat(runOn(tokens, sentences, c.sentence + 1, s.paragraph, isCue, false)));
  });
}

/** The index of the first token that ends at `end`, -1 if none (tokens are in order: a binary search, issue 19). */
function tokenEndingAt(tokens: readonly Token[], end: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.span[1] < end) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length && tokens[lo]!.span[1] === end ? lo : -1;
}

/** The text of the token ending at `end`, with the token before it (a closing quote then a comma). */
function tokenText(tokens: readonly Token[], end: number): string {
  const i = tokenEndingAt(tokens, end);
  return i < 0 ? '' : (tokens[i - 1]?.text ?? '') + tokens[i]!.text;
}

/** The index of the closing quote of the quotation opened at `open`, or the last token before `to`. */
function closeOf(tokens: readonly Token[], open: number, to: number): number {
  for (let t = open + 1; t < to; t++) if (isCloseQuote(tokens[t]!) && tokens[t]!.text !== '’' || tokens[t]!.text === '"') return t;
  return to - 1;
}

/**
 * The quotation starting the sentence `from` (or already open, `open`) and
 * running on to its closing quote, within the paragraph; none when the
 * sentence does not start with a quote or a cue stands outside it.
 */
function runOn(tokens: readonly Token[], sentences: readonly Sentence[], from: number, paragraph: number, isCue: Uint8Array, open: boolean): Array<readonly [number, number]> {
  const first = sentences[from];
  if (!first || first.paragraph !== paragraph) return [];
  if (!open && !(isOpenQuote(tokens[first.tokens[0]]!) && tokens[first.tokens[0]]!.text !== '‘' || tokens[first.tokens[0]]!.text === '"')) return [];
  const start = tokens[first.tokens[0]]!.span[0];
  for (let i = from; i < Math.min(sentences.length, from + MAX_SENTENCES) && sentences[i]!.paragraph === paragraph; i++) {
    const s = sentences[i]!;
    for (let t = s.tokens[0] + (i === from && !open ? 1 : 0); t < s.tokens[1]; t++) {
      if (isCloseQuote(tokens[t]!) && tokens[t]!.text !== '’' || tokens[t]!.text === '"') {
        // a cue after the quotation ("“Q2,” he added") makes it an attribution of its own
        for (let u = t + 1; u < s.tokens[1]; u++) if (isCue[u]) return [];
        return [[start, tokens[t]!.span[1]]];
      }
      if (isCue[t]) return [];
    }
  }
  return [];
}

function withParts(c: AttributionCandidate, parts: Array<readonly [number, number]>): AttributionCandidate {
  return parts.length === 0 ? c : { ...c, contentParts: parts };
}
