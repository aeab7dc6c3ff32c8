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

/**
 * The rules' prefixes as a trie over canonical characters: node 0 is the root; the child of `node` by
 * character `c` is `edges.get(node * 128 + c)` (`c` = 0: the text's next character is not ASCII, or the text
 * ends); `rulesAt[node]` are the rules one of whose prefixes ends there. candidatePositions walks it from each
 * position as far as the text follows it: a step or two at most places, however many prefixes there are.
 */
interface PrefixIndex {
  readonly edges: ReadonlyMap<number, number>;
  /** The root's children by character, -1 for none: the first step of every walk. */
  readonly rootChild: Int32Array;
  readonly rulesAt: ReadonlyArray<readonly number[] | undefined>;
  /** Rules with prefixes (the others scan the whole text). */
  readonly filtered: readonly number[];
  readonly sticky: ReadonlyArray<RegExp | undefined>;
}

const INDEXES = new WeakMap<readonly ExtractionRule[], PrefixIndex>();

function prefixIndexOf(rules: readonly ExtractionRule[]): PrefixIndex {
  let index = INDEXES.get(rules);
  if (index) return index;
  const edges = new Map<number, number>();
  const rootChild = new Int32Array(128).fill(-1);
  const rulesAt: Array<number[] | undefined> = [undefined];
  const filtered: number[] = [];
  const sticky: Array<RegExp | undefined> = [];
  const insert = (prefix: string, r: number): void => {
    let node = 0;
    for (let k = 0; k < prefix.length; k++) {
      const c = prefix.charCodeAt(k);
      let child = k === 0 ? rootChild[c]! : edges.get(node * 128 + c) ?? -1;
      if (child < 0) {
        child = rulesAt.length;
        rulesAt.push(undefined);
        if (k === 0) rootChild[c] = child;
        else edges.set(node * 128 + c, child);
      }
      node = child;
    }
    const list = (rulesAt[node] ??= []);
    if (list[list.length - 1] !== r) list.push(r);
  };
  rules.forEach((rule, r) => {
    const read = rule.pattern.flags.includes('i') && rule.pattern.flags.includes('u') ? matchPrefixes(rule.pattern.source) : null;
    sticky.push(read ? new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'y') : undefined);
    if (!read) return;
    filtered.push(r);
    for (const p of read.prefixes) insert(p, r);
    // A prefix that holds only before a non-ASCII character ends with the character 0, which the walk reads there
    // ("" then: the match may begin with one).
    for (const p of read.beforeNonAscii) insert(`${p}\u0000`, r);
    if (read.nonAsciiStart) insert('\u0000', r);
  });
  index = { edges, rootChild, rulesAt, filtered, sticky };
  INDEXES.set(rules, index);
  return index;
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
  const { edges, rootChild, rulesAt } = index;
  const n = text.length;
  let previous = -1;
  positions: for (let at = 0; at < n; at++) {
    const before = previous;
    previous = text.charCodeAt(at);
    if (before >= 0 && isWordCode(before)) continue;
    // Down the trie along the next PREFIX_LENGTH characters, canonical; a non-ASCII one (or the end) is 0 and the last step.
    let node = 0;
    for (let k = 0; k < PREFIX_LENGTH; k++) {
      let c = at + k < n ? text.charCodeAt(at + k) : 0;
      if (c >= 0x80) {
        if (c === 0x17f || c === 0x212a) {
          // "ſ" or the Kelvin sign, which match "s" and "k" case-insensitively: try every rule here.
          for (const r of index.filtered) {
            const list = out[r]!;
            if (list[list.length - 1] !== at) list.push(at);
          }
          continue positions;
        }
        c = 0;
      } else c = canonicalCode(c);
      const child = k === 0 ? rootChild[c]! : edges.get(node * 128 + c) ?? -1;
      if (child < 0) break;
      node = child;
      const found = rulesAt[node];
      if (found) {
        for (const r of found) {
          const list = out[r]!;
          if (list[list.length - 1] !== at) list.push(at);
        }
      }
      if (c === 0) break;
    }
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
