import type { Span, Token, TokenKind } from '../../model/index.js';

/**
 * A hand-written scanner (a single sticky regular expression with Unicode
 * classes cost 0.6 µs a token; this is several times faster, and the
 * tokenizer runs on every character of every document). Rules, in order:
 * dotted abbreviations ("U.S.") are one word; numbers keep their separators
 * and ordinal or plural suffixes ("11,000", "3.5", "1990s", "425th"); words
 * keep inner apostrophes and hyphens ("now-ruined", "don't"); a possessive
 * "'s" is split from its word so "Russia's" matches the lexicon entry "Russia".
 */

const LETTER = /[\p{L}\p{M}]/u;
const PUNCT = /\p{P}/u;
const QUOTES = new Set(['"', '“', '”', '„', '«', '»', '‘', '’', "'"]);

/**
 * LETTER and PUNCT of every code unit below TABLE_END, read from the regular expressions once at load
 * (bit 1: a letter or mark, bit 2: punctuation): the scanner asks this of every character, and a
 * regular expression over a one-character string (Cyrillic text: every letter) cost most of its time.
 */
const TABLE_END = 0x3000;
const CLASS_OF = new Uint8Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  CLASS_OF[c] = (LETTER.test(ch) ? 1 : 0) | (PUNCT.test(ch) ? 2 : 0);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < TABLE_END) return (CLASS_OF[c]! & 1) !== 0;
  if (Number.isNaN(c)) return false;
  return LETTER.test(text.charAt(i)) || (c >= 0xd800 && c <= 0xdbff && LETTER.test(text.slice(i, i + 2)));
}

function isWordCharAt(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i)) || isLetterAt(text, i);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isInnerJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 0x2010;
}

/** Lower case, typographic apostrophes and dashes folded to ASCII: the form lexicons are written in. */
export function normalizeToken(text: string): string {
  // Most tokens are lower-case ASCII already: return them as they are rather than allocate a copy.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || (c >= 65 && c <= 90)) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  const lower = text.toLowerCase();
  // Most tokens are ASCII: skip the replacements (a third of the tokenizer's time) when they cannot apply.
  // A loop over char codes, not a regular expression: tokens are short and this runs on every one.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 0x2010 && c <= 0x2019) return lower.replace(/[’‘]/g, "'").replace(/[‐‑–—]/g, '-');
  }
  return lower;
}

/** Tokens of `text` between `start` and `end`; `sentence` is -1 until the sentence splitter assigns it. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  return tokenizeInto([], text, start, end);
}

/**
 * A token as the tokenizer makes it: one class, so every token has the same fields in the same order (the
 * stages' property reads stay monomorphic; a `quote` added to some tokens only gave them a second shape)
 * and is made by one constructor rather than a closure per paragraph. `sentence` is filled in by the segmenter.
 */
class TokenRecord implements Token {
  sentence = -1;
  constructor(
    readonly span: Span,
    readonly text: string,
    readonly kind: TokenKind,
    readonly norm: string,
    readonly quote: 'open' | 'close' | undefined,
  ) {}
}

function push(tokens: Token[], text: string, from: number, to: number, kind: TokenKind): void {
  const tokenText = text.slice(from, to);
  tokens.push(new TokenRecord([from, to], tokenText, kind, normalizeToken(tokenText), undefined));
}

/** tokenize, appending to `tokens` (the segmenter's list for the whole document) rather than to a new list per paragraph. */
export function tokenizeInto(tokens: Token[], text: string, start = 0, end = text.length): Token[] {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < end && isDigit(text.charCodeAt(j))) j++;
      while (j + 1 < end && (text[j] === '.' || text[j] === ',' || text[j] === ':') && isDigit(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < end && isDigit(text.charCodeAt(j))) j++;
      }
      let k = j + numberSuffixLength(text, j, end);
      if (k < end && isWordCharAt(text, k)) {
        // "9am", "24h", "F16s": a word that starts with a digit.
        k = scanWord(text, i, end);
        push(tokens, text, i, k, 'word');
      } else {
        push(tokens, text, i, k, 'number');
      }
      i = k;
      continue;
    }
    if (isLetterAt(text, i)) {
      const abbreviationEnd = scanDottedAbbreviation(text, i, end);
      if (abbreviationEnd > i) {
        push(tokens, text, i, abbreviationEnd, 'word');
        i = abbreviationEnd;
        continue;
      }
      const j = scanWord(text, i, end);
      // Split a final possessive "'s" off its word.
      if (j - i > 2 && isApostrophe(text.charCodeAt(j - 2)) && (text[j - 1] === 's' || text[j - 1] === 'S')) {
        push(tokens, text, i, j - 2, 'word');
        push(tokens, text, j - 2, j, 'word');
      } else {
        push(tokens, text, i, j, 'word');
      }
      i = j;
      continue;
    }
    const ch = text.charAt(i);
    if (ch === '.' && text.startsWith('...', i)) {
      push(tokens, text, i, i + 3, 'punct');
      i += 3;
      continue;
    }
    if (isApostrophe(c) && (text[i + 1] === 's' || text[i + 1] === 'S') && !isWordCharAt(text, i + 2) && i > start && isWordCharAt(text, i - 1)) {
      push(tokens, text, i, i + 2, 'word');
      i += 2;
      continue;
    }
    if (QUOTES.has(ch)) {
      const direction = ch === '"' ? straightQuoteDirection(text, i, start, end) : undefined;
      if (direction) tokens.push(new TokenRecord([i, i + 1], '"', 'quote', '"', direction));
      else push(tokens, text, i, i + 1, 'quote');
      i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
    const punct = c < TABLE_END ? (CLASS_OF[c]! & 2) !== 0 : PUNCT.test(text.slice(i, i + width));
    push(tokens, text, i, i + width, punct ? 'punct' : 'symbol');
    i += width;
  }
  return tokens;
}

/** The length of an ordinal or plural suffix at `j` ("st", "nd", "rd", "th", "s": case-sensitive, as the tokens are written), 0 if none. */
function numberSuffixLength(text: string, j: number, end: number): number {
  if (j >= end) return 0;
  const a = text.charCodeAt(j);
  const b = j + 1 < end ? text.charCodeAt(j + 1) : -1;
  // st, nd, rd, th; a lone "s"
  if ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) return 2;
  return a === 115 ? 1 : 0;
}

/** Letters, digits and inner joiners (apostrophe, hyphen) followed by another word character. */
function scanWord(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    if (isWordCharAt(text, j)) {
      j += text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff ? 2 : 1;
    } else if (isInnerJoiner(text.charCodeAt(j)) && j + 1 < end && isWordCharAt(text, j + 1) && j > i) {
      j++;
    } else {
      break;
    }
  }
  return j;
}

/** "U.S.", "e.g.": two or more single letters each followed by a full stop; returns i when there is none. */
function scanDottedAbbreviation(text: string, i: number, end: number): number {
  let j = i;
  let letters = 0;
  while (j + 1 < end && isLetterAt(text, j) && text[j + 1] === '.' && !isWordCharAt(text, j + 1)) {
    if (j > i && text[j - 1] !== '.') break;
    letters++;
    j += 2;
    if (j < end && !isLetterAt(text, j)) break;
    if (j < end && isLetterAt(text, j) && j + 1 < end && isWordCharAt(text, j + 1)) break;
  }
  if (letters < 2) return i;
  // Do not glue the start of a following word: "U.S.Army" is rare; stop at the last dot.
  return j;
}

/**
 * Whether a straight double quote opens or closes a quotation, from its flanks (as
 * CommonMark reads emphasis): after a space or an opening bracket and before a
 * word it opens ("He said "no""), after a word or punctuation and before a space,
 * punctuation or the end it closes; otherwise undecided.
 */
function straightQuoteDirection(text: string, at: number, start: number, end: number): 'open' | 'close' | undefined {
  const before = at > start ? text.charAt(at - 1) : '';
  const after = at + 1 < end ? text.charAt(at + 1) : '';
  const spaceBefore = before === '' || /[\s([{\u2014\u2013-]/u.test(before);
  const spaceAfter = after === '' || /[\s.,;:!?)\]}\u2014\u2013]/u.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  return undefined;
}
