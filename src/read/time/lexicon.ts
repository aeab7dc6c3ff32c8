import { textTable } from '../text-table.js';

/**
 * Small fixed vocabularies of English time expressions: month and weekday
 * names, number words, units, seasons, parts of the day. They are closed sets
 * (STYLE.md allows TS constants for these); the values are TimeML 1.2.1 TIMEX3
 * codes (guidelines §2.2: seasons SP/SU/FA/WI, parts of day MO/AF/EV/NI).
 */

/** Month name or abbreviation (lower case, no dot) → 1..12. */
export const MONTHS: Readonly<Record<string, number>> = textTable({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
});

/** Regex source matching a month name or abbreviation with its optional dot. */
export const MONTH_RE = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)`;

/** Weekday → ISO number (Monday = 1). */
export const WEEKDAYS: Readonly<Record<string, number>> = textTable({
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
});

export const WEEKDAY_RE = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;

/** Cardinal and a few indefinite number words → number; `null` marks an unknown amount ("several" → `X`). */
export const NUMBER_WORDS: Readonly<Record<string, number | null>> = textTable({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, half: 0.5, couple: 2, 'a couple of': 2, dozen: 12,
  several: null, few: null, 'a few': null, many: null, some: null, numerous: null,
});

const UNIT_NUMBER = String.raw`(?:\d+(?:(?:\s+|-)1/2|½|\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen|a couple of|a few|several|few|many|some|numerous|a|an|half an?)`;
/** Regex source for the amount in "three years", "21 months", "a few days". */
export const AMOUNT_RE = UNIT_NUMBER;

/** Parses an amount matched by AMOUNT_RE; `null` = unknown ("several"). */
export function parseAmount(raw: string): number | null {
  const s = raw.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  // "2 1/2 years", "5½ hours": news writes halves as fractions.
  const half = /^(\d+)(?: 1\/2|½)$/.exec(s);
  if (half) return Number(half[1]) + 0.5;
  if (/^\d/.test(s)) return Number(s);
  if (s.startsWith('half')) return 0.5;
  if (s === 'a hundred') return 100;
  if (s === 'a dozen') return 12;
  if (s in NUMBER_WORDS) return NUMBER_WORDS[s]!;
  const parts = s.split(' ');
  if (parts.length === 2 && parts[0]! in NUMBER_WORDS && parts[1]! in NUMBER_WORDS) {
    return (NUMBER_WORDS[parts[0]!] ?? 0) + (NUMBER_WORDS[parts[1]!] ?? 0);
  }
  return null;
}

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'night' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Regex source for a unit word, singular or plural. */
export const UNIT_RE = String.raw`(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centuries|century)`;

export function parseUnit(raw: string): TimeUnit {
  const s = raw.toLowerCase();
  if (s.startsWith('centur')) return 'century';
  return s.replace(/s$/, '') as TimeUnit;
}

/** TIMEX3 duration letters per unit (P3Y, PT24H). */
export const DURATION_CODE: Readonly<Record<TimeUnit, { readonly time: boolean; readonly letter: string; readonly factor: number }>> = {
  second: { time: true, letter: 'S', factor: 1 },
  minute: { time: true, letter: 'M', factor: 1 },
  hour: { time: true, letter: 'H', factor: 1 },
  day: { time: false, letter: 'D', factor: 1 },
  night: { time: false, letter: 'N', factor: 1 },
  week: { time: false, letter: 'W', factor: 1 },
  weekend: { time: false, letter: 'WE', factor: 1 },
  fortnight: { time: false, letter: 'W', factor: 2 },
  month: { time: false, letter: 'M', factor: 1 },
  quarter: { time: false, letter: 'Q', factor: 1 },
  year: { time: false, letter: 'Y', factor: 1 },
  decade: { time: false, letter: 'DE', factor: 1 },
  century: { time: false, letter: 'CE', factor: 1 },
};

export const SEASONS: Readonly<Record<string, string>> = textTable({
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
});
export const SEASON_RE = String.raw`(?:spring|summer|autumn|fall|winter)`;

/** Parts of the day (TIMEX3 `MO`, `AF`, `EV`, `NI`, `DT`). */
export const PARTS_OF_DAY: Readonly<Record<string, string>> = textTable({
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', daytime: 'DT',
});
export const PART_OF_DAY_RE = String.raw`(?:morning|afternoon|evening|night|overnight)`;

/** Ordinal words for quarters, halves, days of the month. */
export const ORDINALS: Readonly<Record<string, number>> = textTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, last: -1, final: -1,
});

const SPELLED_UNITS: Readonly<Record<string, number>> = textTable({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const SPELLED_TENS: Readonly<Record<string, number>> = textTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const TENS_RE = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?`;
const TEENS_RE = String.raw`(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;

/**
 * Regex source for a year written in words, as broadcast transcripts do
 * ("nineteen ninety-four", "two thousand", "two thousand and one"); TimeML
 * normalises them like digits (TimeML 1.2.1 guidelines §2.2.1).
 */
export const SPELLED_YEAR_RE = String.raw`(?:(?:fifteen|sixteen|seventeen|eighteen|nineteen)[- ](?:${TENS_RE}|${TEENS_RE}|hundred|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))|two[- ]thousand(?:[- ](?:and[- ])?(?:${TENS_RE}|${TEENS_RE}|one|two|three|four|five|six|seven|eight|nine))?)`;

/** A year in digits or words → number; NaN when it is neither. */
export function parseYear(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  const words = raw.toLowerCase().split(/[- ]+/).filter((w) => w !== 'and' && w !== 'oh');
  if (words[0] === 'two' && words[1] === 'thousand') return 2000 + sumWords(words.slice(2));
  const century = SPELLED_UNITS[words[0]!];
  if (century === undefined) return NaN;
  return century * 100 + (words[1] === 'hundred' ? 0 : sumWords(words.slice(1)));
}

function sumWords(words: readonly string[]): number {
  return words.reduce((n, w) => n + (SPELLED_TENS[w] ?? SPELLED_UNITS[w] ?? 0), 0);
}
