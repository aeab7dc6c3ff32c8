import type { QuantityModifier, Sentence, Token } from '../../model/index.js';
import type { QuantityVocabulary } from './quantity-vocabulary.js';
import { textTable } from '../text-table.js';

export interface QuantityCandidate {
  readonly from: number;
  readonly to: number;
  readonly value: number | null;
  readonly high: number | null;
  readonly unit: string | null;
  readonly modifiers: readonly QuantityModifier[];
  readonly rule: string;
}

const WORDS: Record<string, number> = textTable({
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24, hundreds: 200, thousands: 2000,
});
const SCALES: Record<string, number> = textTable({ thousand: 1e3, million: 1e6, billion: 1e9 });
const BEFORE: Record<string, QuantityModifier> = textTable({
  around: 'approximate', about: 'approximate', roughly: 'approximate', approximately: 'approximate', some: 'approximate', estimated: 'approximate',
  nearly: 'upper-bound', almost: 'upper-bound', 'up to': 'upper-bound', 'less than': 'upper-bound', 'fewer than': 'upper-bound', under: 'upper-bound',
  'more than': 'lower-bound', over: 'lower-bound', 'at least': 'lower-bound', 'upwards of': 'lower-bound',
  additional: 'additional', another: 'additional', extra: 'additional', further: 'additional',
});
const QUALITATIVE = new Set(['significant', 'heavy', 'substantial', 'huge', 'massive', 'considerable', 'minor', 'light', 'serious', 'enormous', 'catastrophic']);
const QUALITATIVE_HEADS = new Set(['losses', 'casualties', 'damage', 'destruction']);
const UNIT_STOPS = new Set(['of', 'in', 'to', 'and', 'or', 'on', 'at', 'from', 'for', 'by', 'with', 'the', 'a', 'that', 'who', 'which', 'were', 'was', 'had', 'have', 'has', 'are', 'is']);

/** The English vocabulary: the constants above (other languages' are data files, see quantity-vocabulary.ts). */
export const ENGLISH_QUANTITIES: QuantityVocabulary = {
  words: new Map(Object.entries(WORDS)), approximateWords: new Set(['dozens', 'hundreds', 'thousands']), scales: new Map(Object.entries(SCALES)),
  before: new Map(Object.entries(BEFORE)), qualitative: QUALITATIVE, qualitativeHeads: QUALITATIVE_HEADS, unitStops: UNIT_STOPS,
  decimalComma: false, nounFirst: false,
};
/** Adjective endings of Russian and Ukrainian: a word with one before the counted noun is skipped ("19 боевых столкновений"). */
const ADJECTIVE_ENDING = /(?:ых|их|ые|ие|ий|ый|ой|ая|яя|ое|ее|ого|его|ому|ему|ыми|ими|ої|ою|ій|і)$/u;

/** A number token's value: thousands separated by commas, or a decimal comma in the languages that write one ("1,5"). */
function parseNumber(norm: string, decimalComma: boolean): number {
  return decimalComma ? Number(norm.replace(/\s/g, '').replace(',', '.')) : Number(norm.replace(/,/g, ''));
}

/**
 * A number and what it counts, in one sentence: digits ("11,000") or number
 * words ("dozens of"), the modifiers before it ("an additional", "around",
 * "more than"), a range ("between 5 and 10", "5-10"), and the unit: the last
 * word of the short noun phrase after it ("100 Russian attacks" → attacks).
 * Numbers inside time expressions are dates, not quantities (`inTime`).
 * "significant losses" is a qualitative amount with no value.
 */
export function extractQuantities(tokens: readonly Token[], sentence: Sentence, inTime: Uint8Array, vocabulary: QuantityVocabulary = ENGLISH_QUANTITIES): QuantityCandidate[] {
  const out: QuantityCandidate[] = [];
  const [from, to] = sentence.tokens;
  const { words: WORDS, scales: SCALES, before: BEFORE, qualitative: QUALITATIVE, qualitativeHeads: QUALITATIVE_HEADS, unitStops: UNIT_STOPS } = vocabulary;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (QUALITATIVE.has(t.norm) && QUALITATIVE_HEADS.has(tokens[i + 1]?.norm ?? '')) {
      out.push({ from: i, to: i + 2, value: null, high: null, unit: tokens[i + 1]!.norm, modifiers: ['qualitative'], rule: 'qualitative' });
      i++;
      continue;
    }
    if (inTime[i]) continue;
    let value = t.kind === 'number' && !/(st|nd|rd|th|s)$/.test(t.norm) ? parseNumber(t.norm, vocabulary.decimalComma) : WORDS.get(t.norm);
    if (value === undefined || Number.isNaN(value)) continue;
    if (t.kind === 'number' && /^\d{4}$/.test(t.norm) && value >= 1900 && value <= 2100) continue; // a year
    let end = i + 1;
    // "1 500": a space grouping thousands, where the language writes decimals with a comma
    while (vocabulary.decimalComma && t.kind === 'number' && /^\d{1,3}$/.test(tokens[end - 1]!.norm) && /^\d{3}$/.test(tokens[end]?.norm ?? '') && tokens[end]!.span[0] - tokens[end - 1]!.span[1] === 1 && end < to) {
      value = value * 1000 + Number(tokens[end]!.norm);
      end++;
    }
    const scale = SCALES.get(tokens[end]?.norm ?? '');
    if (scale) {
      value *= scale;
      end++;
      // "1,5 тыс.": the abbreviation's stop
      if (vocabulary.decimalComma && tokens[end]?.text === '.' && tokens[end]!.span[0] === tokens[end - 1]!.span[1]) end++;
    }
    let high: number | null = null;
    const modifiers: QuantityModifier[] = [];
    if ((tokens[end]?.norm === '-' || tokens[end]?.norm === 'to') && tokens[end + 1]?.kind === 'number') {
      high = Number(tokens[end + 1]!.norm.replace(/,/g, '')); end += 2; modifiers.push('range');
    }
    let start = i;
    const b1 = tokens[i - 1]?.norm ?? '';
    const b2 = `${tokens[i - 2]?.norm ?? ''} ${b1}`;
    if (i - 2 >= from && BEFORE.get(b2)) { modifiers.unshift(BEFORE.get(b2)!); start = i - 2; }
    else if (i - 1 >= from && BEFORE.get(b1)) { modifiers.unshift(BEFORE.get(b1)!); start = i - 1; }
    if (start > from && (tokens[start - 1]!.norm === 'an' || tokens[start - 1]!.norm === 'a') && modifiers.includes('additional')) start--;
    if (b1 === 'between' && tokens[end]?.norm === 'and' && tokens[end + 1]?.kind === 'number') {
      high = Number(tokens[end + 1]!.norm.replace(/,/g, '')); end += 2; modifiers.push('range'); start = i - 1;
    }
    if (vocabulary.approximateWords.has(t.norm)) modifiers.push('approximate');
    if (tokens[end]?.norm === 'of' && (t.norm === 'dozens' || t.norm === 'hundreds' || t.norm === 'thousands' || t.norm === 'dozen')) end++;
    if (tokens[end]?.norm === 'more') { modifiers.push('additional'); end++; }
    // the unit: the last word of a short run of words after the number
    let k = end;
    // a past form after the first word is the clause's verb ("60,000 people remained", "soldiers died"),
    // while a first word may be an adjective of that form ("11 armoured vehicles")
    while (k < to && k - end < 3 && tokens[k]!.kind === 'word' && !UNIT_STOPS.has(tokens[k]!.norm) && !(k > end && /ed$/.test(tokens[k]!.norm))) k++;
    let unit: string | null = k > end ? tokens[k - 1]!.norm : null;
    // the counted noun first ("100 атак противника"), after an adjective ("19 бойових зіткнень")
    if (vocabulary.nounFirst && k > end) {
      const head = k > end + 1 && ADJECTIVE_ENDING.test(tokens[end]!.norm) ? end + 1 : end;
      unit = tokens[head]!.norm;
      k = head + 1;
    }
    if (tokens[end]?.text === '%' || tokens[end]?.norm === 'percent' || tokens[end]?.norm === 'per') { unit = 'percent'; k = end + 1; }
    out.push({ from: start, to: Math.max(k, end), value, high, unit, modifiers: [...new Set(modifiers)], rule: unit ? 'number-unit' : 'number' });
    i = Math.max(k, end) - 1;
  }
  return out;
}
