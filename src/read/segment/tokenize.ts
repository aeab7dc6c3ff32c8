import type { Span, Token, TokenKind } from '../../model/index.js';

/**
 * One pass of a single sticky regular expression over the text. Alternatives
 * are ordered: dotted abbreviations ("U.S.") before words, numbers with
 * separators ("11,000", "3.5", "1990s", "425th") before punctuation, and a
 * possessive "'s" split from its word so "Russia's" matches the lexicon entry
 * "Russia".
 */
const TOKEN = new RegExp(
  [
    String.raw`(?<abbr>(?:\p{Lu}\.){2,}|(?:\p{Ll}\.){2,}(?![\p{L}]))`,
    String.raw`(?<num>\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}\d]))`,
    String.raw`(?<poss>['’]s(?![\p{L}\p{N}]))`,
    String.raw`(?<word>[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*?(?=['’]s(?![\p{L}\p{N}]))|[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*)`,
    String.raw`(?<quote>["“”„«»‘’'])`,
    String.raw`(?<punct>\.{3}|…|[\p{P}])`,
    String.raw`(?<symbol>\S)`,
  ].join('|'),
  'gyu',
);

/** Lower case, typographic apostrophes and dashes folded to ASCII: the form lexicons are written in. */
export function normalizeToken(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[‐‑–—]/g, '-');
}

/** Tokens of `text` between `start` and `end`; `sentence` is filled in later by the sentence splitter. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x2009 || code === 0x202f) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m || m.index !== i) {
      i++;
      continue;
    }
    let tokenText = m[0];
    if (i + tokenText.length > end) tokenText = tokenText.slice(0, end - i);
    const groups = m.groups ?? {};
    const kind: TokenKind = groups.abbr || groups.word || groups.poss ? 'word'
      : groups.num ? 'number'
      : groups.quote ? 'quote'
      : groups.punct ? 'punct'
      : 'symbol';
    const span: Span = [i, i + tokenText.length];
    tokens.push({ span, text: tokenText, kind, sentence: -1, norm: normalizeToken(tokenText) });
    i += tokenText.length;
  }
  return tokens;
}
