/**
 * The ASCII prefixes (up to PREFIX_LENGTH characters, lower case) a match of a
 * case-insensitive Unicode pattern can begin with, read from the pattern's
 * source. runRules tries a rule only at positions of the text that begin with
 * one of them, instead of letting the regex engine try every position: each
 * of the ~45 rules scanning the whole text was most of the stage's time.
 *
 * The set is a superset, never a subset, so the matches found are exactly
 * those of a scan of the whole text:
 * - lookarounds, anchors and word boundaries are skipped (they only remove matches);
 * - a construct whose first characters cannot be listed (`.`, `\p{…}`, a negated
 *   class, `\w`, a back-reference) ends the prefix there (a shorter prefix admits more);
 * - a path that needs a non-ASCII character ends its prefix there, as a prefix
 *   that holds only where the text's next character is not ASCII
 *   (`beforeNonAscii`; the text's characters are compared up to the first that is
 *   not, rule.ts); a path that needs one first makes the rule one to try wherever
 *   the text's next character is not ASCII (`nonAsciiStart`). A character that folds to ASCII under `iu`
 *   (U+017F "ſ" → s, U+212A Kelvin → k) ends the prefix as `.` does, and a text
 *   holding one is tried with every rule.
 * Returns null where no prefix can be read (a match may begin with anything):
 * the rule then scans the whole text.
 */
export const PREFIX_LENGTH = 5;

interface Item {
  readonly s: string;
  /** The pattern may go on after `s` (false: the prefix ends here, or the match may). */
  readonly open: boolean;
  /** The prefix ends because the next character is not ASCII (not because it may be anything). */
  readonly nonAscii?: true;
}

/**
 * What a rule's matches may begin with: one of `prefixes`; one of `beforeNonAscii` followed by a character
 * that is not ASCII; or (`nonAsciiStart`) a character that is not ASCII.
 */
export interface MatchPrefixes {
  readonly prefixes: readonly string[];
  readonly beforeNonAscii: readonly string[];
  readonly nonAsciiStart: boolean;
}

type Node =
  | { readonly t: 'chars'; readonly chars: ReadonlySet<string> | 'any'; readonly nonAscii?: boolean }
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly options: readonly Node[] }
  | { readonly t: 'empty' }
  | { readonly t: 'repeat'; readonly node: Node; readonly min: number; readonly max: number };

const MAX_ITEMS = 20000;
const ASCII_SPACE = [' ', '\t', '\n', '\v', '\f', '\r'];
const DIGITS = '0123456789'.split('');
/** Non-ASCII code points that case-fold to ASCII under the `iu` flags. */
const FOLDS_TO_ASCII = [0x17f, 0x212a];

export function matchPrefixes(source: string): MatchPrefixes | null {
  const ast = new Parser(source).parse();
  const items = extend([{ s: '', open: true }], ast);
  if (items === null) return null;
  const out = new Set<string>();
  const beforeNonAscii = new Set<string>();
  let nonAsciiStart = false;
  for (const item of items) {
    if (item.nonAscii) {
      if (item.s === '') nonAsciiStart = true;
      else beforeNonAscii.add(item.s);
    } else if (item.s === '') return null;
    else out.add(item.s);
  }
  return { prefixes: [...out], beforeNonAscii: [...beforeNonAscii].filter((p) => !out.has(p)), nonAsciiStart };
}

/** Every way `node` continues the items; null when there are too many to list. */
function extend(items: readonly Item[], node: Node): Item[] | null {
  const done: Item[] = [];
  const open: Item[] = [];
  for (const item of items) {
    if (item.open && item.s.length < PREFIX_LENGTH) open.push(item);
    else done.push(item.open ? { s: item.s, open: false } : item);
  }
  if (open.length === 0) return done;
  let next: Item[] | null;
  switch (node.t) {
    case 'empty':
      next = open;
      break;
    case 'chars':
      if (node.chars === 'any') next = open.map((i) => ({ s: i.s, open: false }));
      else {
        next = [];
        for (const i of open) {
          for (const c of node.chars) next.push({ s: i.s + c, open: true });
          if (node.nonAscii) next.push({ s: i.s, open: false, nonAscii: true });
        }
      }
      break;
    case 'seq': {
      next = open;
      for (const n of node.items) {
        next = extend(next, n);
        if (next === null) return null;
      }
      break;
    }
    case 'alt': {
      next = [];
      for (const o of node.options) {
        const e = extend(open, o);
        if (e === null) return null;
        next.push(...e);
      }
      break;
    }
    case 'repeat': {
      let cur: Item[] = open;
      // The first `min` repetitions are required; up to PREFIX_LENGTH + 1 of them matter to a prefix.
      for (let k = 0; k < Math.min(node.min, PREFIX_LENGTH + 1); k++) {
        const e = extend(cur, node.node);
        if (e === null) return null;
        cur = e;
      }
      next = [...cur];
      if (node.max > node.min) {
        for (let k = 0; k < Math.min(node.max - node.min, PREFIX_LENGTH + 1) && cur.length > 0; k++) {
          const e = extend(cur.filter((i) => i.open), node.node);
          if (e === null) return null;
          cur = e;
          next.push(...cur);
        }
      }
      break;
    }
  }
  const result = dedupe([...done, ...next]);
  return result.length > MAX_ITEMS ? null : result;
}

function dedupe(items: readonly Item[]): Item[] {
  const seen = new Map<string, Item>();
  for (const i of items) seen.set(`${i.open ? 1 : 0}${i.nonAscii ? 1 : 0}${i.s}`, i);
  return [...seen.values()];
}

const EMPTY: Node = { t: 'empty' };
const ANY: Node = { t: 'chars', chars: 'any' };

/** A parser for the regular-expression syntax the rules use (ES2018+ with the `u` flag). */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Error(`matchPrefixes: unexpected ${this.src[this.i]} at ${this.i} in ${this.src}`);
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      let atom = this.atom();
      atom = this.quantified(atom);
      items.push(atom);
    }
    return { t: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Error(`matchPrefixes: bad quantifier at ${this.i} in ${this.src}`);
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: the same language
    return { t: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '(') {
      this.i++;
      let lookaround = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) [this.i, lookaround] = [this.i + 2, true];
      else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) [this.i, lookaround] = [this.i + 3, true];
      else if (this.src.startsWith('?<', this.i)) this.i = this.src.indexOf('>', this.i) + 1;
      const body = this.alternation();
      if (this.src[this.i] !== ')') throw new Error(`matchPrefixes: unclosed group in ${this.src}`);
      this.i++;
      return lookaround ? EMPTY : body;
    }
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i++;
      return ANY;
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '\\') return this.escape();
    this.i += c.codePointAt(0)! > 0xffff ? 2 : 1;
    return literal(c.codePointAt(0)!);
  }

  /** An escape outside a class. */
  private escape(): Node {
    const e = this.src[this.i + 1]!;
    if (e === 'b' || e === 'B') {
      this.i += 2;
      return EMPTY;
    }
    const chars = this.classEscape();
    return chars === 'any' ? ANY : charsNode(chars);
  }

  /** An escape (at `\`) as the code points it stands for, or 'any'. Advances past it. */
  private classEscape(): number[] | 'any' {
    const e = this.src[this.i + 1]!;
    this.i += 2;
    if (e === 'd') return DIGITS.map((d) => d.charCodeAt(0));
    if (e === 's') return [...ASCII_SPACE.map((s) => s.charCodeAt(0)), 0xa0];
    if (e === 'u') {
      const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
      if (!m) throw new Error(`matchPrefixes: bad \\u escape in ${this.src}`);
      this.i += m[0].length;
      return [parseInt(m[1] ?? m[2]!, 16)];
    }
    if (e === 'x') {
      const code = parseInt(this.src.slice(this.i, this.i + 2), 16);
      this.i += 2;
      return [code];
    }
    if (e === 'p' || e === 'P') {
      this.i = this.src.indexOf('}', this.i) + 1;
      return 'any';
    }
    if (e === 'n') return [10];
    if (e === 't') return [9];
    if (e === 'r') return [13];
    if (e === 'f') return [12];
    if (e === 'v') return [11];
    if (/[A-Za-z0-9]/.test(e)) return 'any'; // \w, \S, \D, \W, \k<name>, \1: not listed
    return [e.codePointAt(0)!];
  }

  private charClass(): Node {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const codes: number[] = [];
    let any = false;
    const single = (): number | 'class' => {
      if (this.src[this.i] === '\\') {
        const e = this.classEscape();
        if (e === 'any') {
          any = true;
          return 'class';
        }
        if (e.length !== 1) {
          codes.push(...e);
          return 'class';
        }
        return e[0]!;
      }
      const cp = this.src.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      return cp;
    };
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new Error(`matchPrefixes: unclosed class in ${this.src}`);
      const from = single();
      if (from === 'class') continue;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']') {
        this.i++;
        const to = single();
        if (to === 'class') throw new Error(`matchPrefixes: bad range in ${this.src}`);
        // A range reaching past ASCII is not listed (beyond one of its characters); it may hold a character that folds to ASCII.
        if (to > 0x7f && FOLDS_TO_ASCII.some((f) => f >= from && f <= to)) any = true;
        for (let c = from; c <= Math.min(to, 0x7f); c++) codes.push(c);
        if (to > 0x7f) codes.push(Math.max(from, 0x80));
      } else codes.push(from);
    }
    this.i++;
    if (negated || any) return ANY;
    return charsNode(codes);
  }
}

/**
 * The character as prefixes are written: lower case, any ASCII white space a
 * space, any digit 0 (a coarser key is still a superset, and keeps the lists short).
 */
export function canonicalChar(c: string): string {
  if (c >= '0' && c <= '9') return '0';
  if (c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r') return ' ';
  return c.toLowerCase();
}

function literal(code: number): Node {
  return charsNode([code]);
}

/** A set of characters: the ASCII ones listed (fold), and whether it holds any other. */
function charsNode(codes: readonly number[]): Node {
  const chars = fold(codes);
  return chars === 'any' ? ANY : { t: 'chars', chars, nonAscii: codes.some((c) => c >= 0x80) };
}

/**
 * The lower-case ASCII characters that `codes` match case-insensitively. Other
 * non-ASCII characters are left out (see matchPrefixes); one that folds to ASCII makes the set 'any'.
 */
function fold(codes: readonly number[]): ReadonlySet<string> | 'any' {
  const out = new Set<string>();
  for (const c of codes) {
    if (FOLDS_TO_ASCII.includes(c)) return 'any';
    if (c < 0x80) out.add(canonicalChar(String.fromCharCode(c)));
  }
  return out;
}
