import { matchPrefixes, PREFIX_LENGTH } from './match-prefixes.js';
import type { TimeCandidate } from './time-spec.js';

/** What a rule reads from its match: the candidate without span and rule name. */
export type CandidateBody = Omit<TimeCandidate, 'span' | 'rule'>;

/** One pattern of an extractor (HeidelTime-style): a precompiled regex and what its match means. */
export interface ExtractionRule {
  readonly name: string;
  readonly pattern: RegExp;
  /** Returns null to drop the match (the context says it is not a time). */
  readonly build: (groups: Readonly<Record<string, string | undefined>>, text: string, start: number, end: number) => CandidateBody | null;
}

/** Letters and digits of the scripts news text uses (Latin, Greek, Cyrillic), for word boundaries. */
const WORD_CHAR = String.raw`[A-Za-z0-9_\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]`;

/**
 * Compiles a rule pattern: case-insensitive, Unicode, global, with word
 * boundaries that also hold next to non-ASCII letters (`\b` does not).
 */
export function compile(source: string): RegExp {
  // The start boundary is checked by runRules, not by a lookbehind: a lookbehind
  // tried at every position costs several times more (measured in V8).
  return new RegExp(String.raw`(?:${source})(?!${WORD_CHAR})`, 'giu');
}

/**
 * Runs every rule over the text: all matches of every rule, overlapping ones included (refiners choose).
 *
 * A rule is tried only where the text begins with one of its match prefixes
 * (match-prefixes.ts), with a sticky copy of its pattern: the matches are those
 * of a scan of the whole text (the leftmost match at or after the end of the
 * last one, whose start no word character precedes), at a fraction of the cost.
 */
export function runRules(rules: readonly ExtractionRule[], text: string): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  const index = prefixIndexOf(rules);
  const candidates = candidatePositions(index, text);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const starts = candidates?.[r];
    if (!starts) {
      scanWholeText(rule, text, out);
      continue;
    }
    const sticky = index.sticky[r]!;
    let last = 0;
    for (const at of starts) {
      if (at < last) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m === null || m[0].length === 0) continue;
      accept(rule, m, text, out);
      last = at + m[0].length;
    }
  }
  return out;
}

/**
 * Every rule over the whole text, without the prefix index: what runRules returns by definition (its test
 * compares the two on texts of every script the rules read).
 */
export function scanRules(rules: readonly ExtractionRule[], text: string): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (const rule of rules) scanWholeText(rule, text, out);
  return out;
}

/** The plain scan, for a rule without prefixes . */
function scanWholeText(rule: ExtractionRule, text: string, out: TimeCandidate[]): void {
  rule.pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = rule.pattern.exec(text)) !== null) {
    if (m[0].length === 0) {
      rule.pattern.lastIndex++;
      continue;
    }
    if (m.index > 0 && isWordCode(text.charCodeAt(m.index - 1))) {
      rule.pattern.lastIndex = m.index + 1;
      continue;
    }
    accept(rule, m, text, out);
  }
}

function accept(rule: ExtractionRule, m: RegExpExecArray, text: string, out: TimeCandidate[]): void {
  let start = m.index;
  let end = start + m[0].length;
  // Trailing dots belong to an abbreviation ("Oct."), but not a sentence's final stop.
  if (text.charCodeAt(end - 1) === 46 && /\.$/.test(m[0]) && isSentenceEnd(text, end)) end--;
  while (text.charCodeAt(start) === 32) start++;
  // A possessive ending is not part of the expression (TimeBank: "Friday's session" tags "Friday", "last year's results" tags
  // "last year"); after a digit it is a plural ("the 1990's") and stays.
  if (end - start > 3 && /\p{L}['’][sS]$/u.test(text.slice(end - 3, end))) end -= 2;
  const body = rule.build(m.groups ?? {}, text, start, end);
  if (body) out.push({ span: [start, end], rule: rule.name, ...body });
}

/** WORD_CHAR as a test on one UTF-16 code unit. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

/** One prefix, packed 7 bits a character (first character lowest), and the rules whose matches may begin with it. */
interface PrefixEntry {
  readonly mask: number;
  readonly key: number;
  readonly rules: readonly number[];
}

interface PrefixIndex {
  /** Entries by their first two canonical characters (index c0 * 128 + c1; c1 = 0 for one-character prefixes). */
  readonly byFirstTwo: ReadonlyArray<readonly PrefixEntry[] | undefined>;
  /** Rules with prefixes (the others scan the whole text). */
  readonly filtered: readonly number[];
  /** Of those, the rules whose matches may begin with a character that is not ASCII. */
  readonly nonAsciiStart: readonly number[];
  readonly sticky: ReadonlyArray<RegExp | undefined>;
}

const INDEXES = new WeakMap<readonly ExtractionRule[], PrefixIndex>();

function prefixIndexOf(rules: readonly ExtractionRule[]): PrefixIndex {
  let index = INDEXES.get(rules);
  if (index) return index;
  const rulesByPrefix = new Map<string, number[]>();
  const filtered: number[] = [];
  const nonAsciiStart: number[] = [];
  const sticky: Array<RegExp | undefined> = [];
  rules.forEach((rule, r) => {
    const read = rule.pattern.flags.includes('i') && rule.pattern.flags.includes('u') ? matchPrefixes(rule.pattern.source) : null;
    sticky.push(read ? new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'y') : undefined);
    if (!read) return;
    filtered.push(r);
    if (read.nonAsciiStart) nonAsciiStart.push(r);
    for (const p of read.prefixes) {
      let list = rulesByPrefix.get(p);
      if (!list) rulesByPrefix.set(p, (list = []));
      list.push(r);
    }
  });
  // Filled to its length, so that it stays a dense array: assigned slot by slot, V8 kept it as a dictionary,
  // and a lookup at every word start of every text was a hash lookup (most of candidatePositions' time).
  const byFirstTwo: Array<PrefixEntry[] | undefined> = new Array<PrefixEntry[] | undefined>(128 * 128).fill(undefined);
  for (const [p, list] of rulesByPrefix) {
    let key = 0;
    for (let k = 0; k < p.length; k++) key |= p.charCodeAt(k) << (7 * k);
    const slot = p.charCodeAt(0) * 128 + (p.length > 1 ? p.charCodeAt(1) : 0);
    (byFirstTwo[slot] ??= []).push({ mask: (1 << (7 * p.length)) - 1, key, rules: list });
  }
  index = { byFirstTwo, filtered, nonAsciiStart, sticky };
  INDEXES.set(rules, index);
  return index;
}

/** Adds `at` to the rules of the entries whose prefix the packed characters at `at` begin with (past the end of the text they are 0, which no prefix holds). */
function addMatching(entries: readonly PrefixEntry[], packed: number, at: number, out: Array<number[] | undefined>): void {
  for (const e of entries) {
    if ((packed & e.mask) !== e.key) continue;
    for (const r of e.rules) {
      const list = out[r]!;
      if (list[list.length - 1] !== at) list.push(at);
    }
  }
}

/** An ASCII code as prefixes are written (see canonicalChar): lower case, white space a space, digits 0. */
function canonicalCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return 48;
  if (c >= 9 && c <= 13) return 32;
  return c;
}

/** For each rule with prefixes, the positions (ascending) where a match may start; undefined for the others. */
function candidatePositions(index: PrefixIndex, text: string): Array<number[] | undefined> {
  const out: Array<number[] | undefined> = [];
  for (const r of index.filtered) out[r] = [];
  const { byFirstTwo } = index;
  const n = text.length;
  let previous = -1;
  for (let at = 0; at < n; at++) {
    const before = previous;
    previous = text.charCodeAt(at);
    if (before >= 0 && isWordCode(before)) continue;
    // The next PREFIX_LENGTH characters up to the first that is not ASCII, canonical and packed (0 after them:
    // a prefix's path that needs a non-ASCII character ends before it, so a longer prefix cannot match here).
    let packed = 0;
    let ascii = 0;
    for (; ascii < PREFIX_LENGTH && at + ascii < n; ascii++) {
      const c = text.charCodeAt(at + ascii);
      if (c >= 0x80) {
        if (c === 0x17f || c === 0x212a) ascii = -1;
        break;
      }
      packed |= canonicalCode(c) << (7 * ascii);
    }
    if (ascii < 0) {
      // "ſ" or the Kelvin sign, which match "s" and "k" case-insensitively: try every rule here.
      for (const r of index.filtered) out[r]!.push(at);
      continue;
    }
    if (ascii === 0) {
      if (at < n) for (const r of index.nonAsciiStart) out[r]!.push(at);
      continue;
    }
    const c0 = packed & 0x7f;
    const one = byFirstTwo[c0 * 128];
    const two = ascii > 1 ? byFirstTwo[c0 * 128 + ((packed >>> 7) & 0x7f)] : undefined;
    if (one) addMatching(one, packed, at, out);
    if (two) addMatching(two, packed, at, out);
  }
  return out;
}

/** A dot at `end` ends the sentence when what follows is the end of text, a line break, or a capitalised word. */
function isSentenceEnd(text: string, end: number): boolean {
  const rest = text.slice(end, end + 3);
  return rest === '' || /^\s*$/.test(rest) || /^\n/.test(rest) || /^["”’']?\s*$/.test(rest);
}

/** The word before `start` (lower case), skipping spaces. */
export function previousWord(text: string, start: number): string {
  const m = /([\p{L}'’]+)[\s,]*$/u.exec(text.slice(Math.max(0, start - 30), start));
  return m ? m[1]!.toLowerCase() : '';
}

/** The word after `end` (lower case), skipping spaces. */
export function nextWord(text: string, end: number): string {
  const m = /^\s*([\p{L}'’-]+)/u.exec(text.slice(end, end + 30));
  return m ? m[1]!.toLowerCase() : '';
}

/** Shared pieces of patterns. */
export const S = String.raw`[\s\u00a0]+`;

/** Modifier words before an expression and their TIMEX3 `mod` (TimeML 1.2.1 §2.2.4). */
export const PREMOD = String.raw`(?:(?<pre>(?:the${S})?(?:very${S})?(?:early|late|mid|middle)(?:${S}|-)|the${S}(?:end|beginning|start|middle|close|turn|dawn)${S}of${S}|(?:about|around|approximately|roughly|some|nearly|almost|more${S}than|over(?!${S}(?:the|this|that|last|next|recent|past)(?![\p{L}]))|less${S}than|under(?!${S}(?:the|this|that)(?![\p{L}]))|at${S}least|up${S}to|no${S}more${S}than|no${S}less${S}than|just|only|at${S}most)${S}))?`;

export function modOf(pre: string | undefined): TimeCandidate['mod'] {
  if (!pre) return undefined;
  const p = pre.toLowerCase().replace(/[\s-]+/g, ' ').trim();
  if (/(early|beginning|start|dawn)/.test(p)) return 'START';
  if (/(late|end|close|turn)/.test(p)) return 'END';
  if (/(mid|middle)/.test(p)) return 'MID';
  if (/^(about|around|approximately|roughly|some)/.test(p)) return 'APPROX';
  if (/^(more than|over)/.test(p)) return 'MORE_THAN';
  if (/^(less than|under|nearly|almost)/.test(p)) return 'LESS_THAN';
  if (/^(at least|no less than)/.test(p)) return 'EQUAL_OR_MORE';
  if (/^(up to|no more than|at most)/.test(p)) return 'EQUAL_OR_LESS';
  return undefined;
}
