import type { Tense } from './normalise.js';

/**
 * The tense of the clause around a time expression, read from the nearest
 * tense marker before it in its sentence (up to a few words), else the
 * nearest after it (HeidelTime reads the sentence's verbs the same way to
 * pick the direction of "Friday" or "in March"). No marker: `present`, and
 * the normaliser picks the occurrence nearest to the reference.
 */
// Exact-word lists, looked up in Sets (each word of a sentence is classified; a Set lookup is several times cheaper than an anchored alternation).
const FUTURE = new Set(['will', 'won\'t', 'won’t', 'shall', '\'ll', '’ll', 'would', 'wo', 'going', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'expect', 'expects', 'expected', 'scheduled', 'upcoming', 'must', 'should', 'can', 'could', 'may', 'might', 'payable', 'expire', 'expires', 'tomorrow', 'next', 'soon', 'later', 'begin', 'begins', 'start', 'starts', 'resume', 'resumes', 'hope', 'hopes', 'seek', 'seeks', 'aim', 'aims']);
const PAST = new Set(['said', 'was', 'were', 'had', 'did', 'ago', 'last', 'earlier', 'yesterday', 'reported', 'announced', 'told', 'began', 'took', 'came', 'made', 'went', 'saw', 'fell', 'rose', 'killed', 'died', 'met', 'held', 'arrived', 'attacked', 'launched', 'signed', 'left', 'won', 'lost', 'declared', 'captured', 'agreed', 'started', 'ended', 'occurred', 'happened', 'visited', 'claimed', 'denied', 'acknowledged', 'accused', 'showed', 'since', 'former', 'previously', 'recently']);
/**
 * Irregular past forms of common English verbs (a closed list: the regular "-ed" forms are read by isPastForm).
 * Forms identical to the present or participle-only ("put", "set", "hit", "read", "been") are left out: they say nothing.
 */
const IRREGULAR_PAST = new Set(['became', 'bought', 'brought', 'built', 'caught', 'chose', 'dealt', 'drew', 'drove', 'fled', 'fought', 'found', 'flew', 'forgot', 'gave', 'got', 'grew', 'heard', 'hung', 'kept', 'knew', 'laid', 'led', 'lent', 'meant', 'paid', 'ran', 'rode', 'sank', 'sent', 'shot', 'sold', 'sought', 'spent', 'spoke', 'stood', 'stole', 'struck', 'swore', 'taught', 'thought', 'threw', 'understood', 'withdrew', 'woke', 'wore', 'wrote', 'broke', 'froze', 'felt', 'fell', 'bore', 'overtook', 'undertook', 'forbade', 'sprang', 'swam', 'slew', 'slid', 'stuck', 'swept', 'wept', 'won', 'ate', 'bit', 'blew']);
const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'has', 'have', 'now', 'today']);

/** Auxiliaries and modals: they decide the tense even after "to" or "be". */
const MODAL = new Set(['will', 'won\'t', 'won’t', 'shall', 'would', 'must', 'should', 'can', 'could', 'may', 'might', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'did']);
const BE = new Set(['be', 'been', 'being']);
const BE_FINITE = new Set(['is', 'are', 'am', 'was', 'were']);

/** The words of a sentence as tenseAt reads them: lower case, with their offset and whether they look like a name. */
export interface TenseWord {
  readonly w: string;
  readonly at: number;
  readonly name: boolean;
}

/**
 * Whether each code unit below LETTER_TABLE_END is a letter (bit 1, `\p{L}`) and an upper-case one (bit 2,
 * `\p{Lu}`), read from the regular expressions once at load: tenseWords scans every character of a sentence
 * that holds a time expression, and a regular expression per word cost most of its time.
 */
const LETTER_TABLE_END = 0x3000;
const LETTER_CLASS = new Uint8Array(LETTER_TABLE_END);
for (let c = 0; c < LETTER_TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  LETTER_CLASS[c] = (/\p{L}/u.test(ch) ? 1 : 0) | (/\p{Lu}/u.test(ch) ? 2 : 0);
}

/** The length of the word character (a letter, ' or ’) at `i`: 1, 2 (a letter outside the basic plane), or 0. */
function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < LETTER_TABLE_END) return c === 39 || c === 0x2019 || (LETTER_CLASS[c]! & 1) !== 0 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return /^\p{L}/u.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return /^\p{L}/u.test(text.charAt(i)) ? 1 : 0;
}

/** Whether the word beginning at `i` begins with an upper-case letter (`/^\p{Lu}/u`). */
function startsUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < LETTER_TABLE_END) return (LETTER_CLASS[c]! & 2) !== 0;
  return /^\p{Lu}/u.test(text.slice(i, i + 2));
}

/** A word's lower case: most are lower-case ASCII already, returned as they are rather than copied. */
function lowerCase(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80 || (c >= 65 && c <= 90)) return word.toLowerCase();
  }
  return word;
}

/**
 * The words of `sentence` (runs of letters, ' and ’), once per sentence: a sentence with several time
 * expressions is read once (see tenseAt). A scan over a table rather than `/[\p{L}'’]+/gu`: the same words
 * (tense.test.ts compares the two).
 */
export function tenseWords(sentence: string): TenseWord[] {
  const words: TenseWord[] = [];
  const n = sentence.length;
  let i = 0;
  while (i < n) {
    let step = wordCharLength(sentence, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    while (step > 0) {
      i += step;
      step = i < n ? wordCharLength(sentence, i) : 0;
    }
    // A capitalised word inside the sentence is a name more often than a verb: "United States", "Red Cross"... "United" is no past form.
    words.push({ w: lowerCase(sentence.slice(start, i)), at: start, name: start > 0 && startsUpper(sentence, start) });
  }
  return words;
}


/** `words`: tenseWords(sentence), which a caller reading several expressions of one sentence computes once. */
export function tenseAt(sentence: string, offset: number, words: readonly TenseWord[] = tenseWords(sentence)): Tense {
  const classify = (w: string): Tense | null => (FUTURE.has(w) ? 'future' : PAST.has(w) || IRREGULAR_PAST.has(w) ? 'past' : PRESENT.has(w) ? 'present' : null);
  let i = words.findIndex((x) => x.at >= offset);
  if (i < 0) i = words.length;
  // Skip the expression's own words.
  let after = i;
  while (after < words.length && words[after]!.at < offset + 1) after++;
  // "as soon as Tuesday", "as early as next week": a future bound.
  if (/\bas\s+(?:soon|early|late)\s+as\s*$/i.test(sentence.slice(Math.max(0, offset - 20), offset))) return 'future';
  for (let k = i - 1; k >= 0 && k >= i - 10; k--) {
    // The auxiliary carries the tense, not the verb after it: "will be held" (a participle after "be"),
    // "had been due to expire" (an infinitive after "to") — read on to the auxiliary.
    const governed = k > 0 && (BE.has(words[k - 1]!.w) || words[k - 1]!.w === 'to');
    // An irregular past form after "is"/"are"/"was" is a passive participle ("the case is heard in May"): the auxiliary decides.
    if (k > 0 && BE_FINITE.has(words[k - 1]!.w) && IRREGULAR_PAST.has(words[k]!.w)) continue;
    if (governed && !MODAL.has(words[k]!.w)) continue;
    const t = classify(words[k]!.w);
    if (t) return t;
    // A regular past form just before ("ruled Wednesday", "attacked on Friday").
    if (k >= i - 3 && isPastForm(words[k]!)) return 'past';
  }
  for (let k = after; k < words.length && k <= after + 8; k++) {
    const t = classify(words[k]!.w);
    if (t) return t;
  }
  // No auxiliary or common verb: a regular past form nearby ("injured", "attacked") still says past.
  for (let k = i - 1; k >= 0 && k >= i - 10; k--) if (isPastForm(words[k]!)) return 'past';
  for (let k = after; k < words.length && k <= after + 8; k++) if (isPastForm(words[k]!)) return 'past';
  return 'present';
}

/** A regular past form ("attacked"), not a name ("United"). */
function isPastForm(word: { readonly w: string; readonly name: boolean }): boolean {
  return !word.name && /^\p{L}{3,}ed$/u.test(word.w);
}
