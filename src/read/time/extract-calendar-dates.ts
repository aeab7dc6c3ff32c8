import { MONTH_RE, MONTHS, ORDINALS, parseYear, SEASON_RE, SEASONS, SPELLED_YEAR_RE, WEEKDAY_RE, WEEKDAYS } from './lexicon.js';
import { compile, modOf, previousWord, S, type ExtractionRule } from './rule.js';
import type { TimeSpec } from './time-spec.js';

/**
 * Extractor: dates written on the calendar, in full or in part — "6 December
 * 2024", "Oct. 23", "Aug. 7, 1998", "February 2024", "late 2024", "the 1990s",
 * "fiscal 1989", "the third quarter", "this summer", "1998-10-23".
 */

const month = (raw: string): number => MONTHS[raw.toLowerCase().replace(/\.$/, '')]!;
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)`;
/** A year in digits or, in transcripts, in words: after a month, a season or "the year" only. */
const YEAR_OR_SPELLED = String.raw`(?:1[5-9]\d\d|20\d\d|${SPELLED_YEAR_RE})`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])`;
const ORD_SUFFIX = String.raw`(?:st|nd|rd|th)?`;
/** "Thursday, " before a date: part of the expression, the date decides. */
const WEEKDAY_PREFIX = String.raw`(?:(?<wdp>${WEEKDAY_RE}),?${S})?`;
/** "the night of 3-4 November". */
/** "the night of 3-4 November"; "the week of March 6" is that date's ISO week (TimeBank: 2000-W10). */
const NIGHT_OF = String.raw`(?:(?:(?<night>(?:the${S})?night${S}of)|(?<weekOf>the${S}week${S}of))${S})?`;

/** Prepositions and modifiers after which a bare month or year is a date ("in May", "since July", "by 1990"). */
const TEMPORAL_BEFORE = new Set([
  'in', 'since', 'by', 'from', 'until', 'till', 'til', 'through', 'throughout', 'during', 'before', 'after', 'of', 'to',
  'early', 'late', 'mid', 'last', 'next', 'this', 'that', 'between', 'and', 'or', 'around', 'about', 'circa', 'fiscal',
  'year', 'on', 'for', 'as', 'into', 'at', 'than', 'ending', 'ended', 'starting', 'beginning', 'against', 'versus', 'over',
]);

export const CALENDAR_DATE_RULES: readonly ExtractionRule[] = [
  {
    name: 'iso-date',
    pattern: compile(String.raw`(?<y>${YEAR})-(?<m>0[1-9]|1[0-2])-(?<d>[0-3]\d)(?:T(?<h>[01]\d|2[0-3]):(?<min>[0-5]\d))?`),
    build: (g) => ({
      spec: { kind: 'calendar', year: Number(g.y), month: Number(g.m), day: Number(g.d), ...(g.h ? { hour: Number(g.h), minute: Number(g.min) } : {}) },
      stated: ['year', 'month', 'day'],
    }),
  },
  {
    name: 'numeric-date',
    // US order (the TimeBank / AQUAINT sources): 11/20/1998, 11/20/98.
    pattern: compile(String.raw`(?<m>1[0-2]|0?[1-9])/(?<d>${DAY})/(?<y>\d{4}|\d{2})`),
    build: (g) => ({
      spec: { kind: 'calendar', year: g.y!.length === 2 ? 1900 + Number(g.y) + (Number(g.y) < 50 ? 100 : 0) : Number(g.y), month: Number(g.m), day: Number(g.d) },
      stated: ['year', 'month', 'day'],
    }),
  },
  {
    name: 'day-month-year',
    pattern: compile(String.raw`${NIGHT_OF}${WEEKDAY_PREFIX}(?:the${S})?(?<d>${DAY})${ORD_SUFFIX}(?:\s*[-–]\s*(?<d2>${DAY})${ORD_SUFFIX})?(?:${S}of)?${S}(?<mon>${MONTH_RE})(?:,?${S}(?<y>${YEAR}))?`),
    build: (g) => dayDate(g),
  },
  {
    name: 'month-day-year',
    pattern: compile(String.raw`${NIGHT_OF}${WEEKDAY_PREFIX}(?<mon>${MONTH_RE})${S}(?<d>${DAY})${ORD_SUFFIX}(?:\s*[-–]\s*(?<d2>${DAY})${ORD_SUFFIX})?(?![\d,.]\d)(?:,?${S}(?<y>${YEAR}))?`),
    build: (g) => dayDate(g),
  },
  {
    name: 'month-year',
    pattern: compile(String.raw`(?<mon>${MONTH_RE})(?:${S}of)?,?${S}(?<y>${YEAR_OR_SPELLED})`),
    build: (g) => ({ spec: { kind: 'calendar', year: parseYear(g.y!), month: month(g.mon!) }, mod: modOf(g.pre), stated: ['year', 'month'] }),
  },
  {
    name: 'month-relative-year',
    pattern: compile(String.raw`(?<mon>${MONTH_RE})(?:${S}of)?${S}(?<rel>this|last|next)${S}year`),
    build: (g) => {
      const rel = g.rel!.toLowerCase();
      return { spec: { kind: 'calendar', month: month(g.mon!), yearOffset: rel === 'last' ? -1 : rel === 'next' ? 1 : 0 }, mod: modOf(g.pre), stated: ['month'] };
    },
  },
  {
    name: 'month',
    pattern: compile(String.raw`(?:(?<shift>last|this|next|this${S}past|this${S}coming)${S})?(?<mon>${MONTH_RE})(?!${S}\d)`),
    build: (g, text, start) => {
      const raw = g.mon!;
      // Month names are capitalised in English; "may" and "march" are also a modal and a verb.
      if (raw[0] !== raw[0]!.toUpperCase()) return null;
      const name = raw.toLowerCase().replace(/\.$/, '');
      if (name.length <= 4 && !raw.endsWith('.') && !['may', 'june', 'july'].includes(name)) return null;
      if (!g.pre && !g.shift && (name === 'may' || name === 'march' || name.length <= 4)) {
        if (!TEMPORAL_BEFORE.has(previousWord(text, start))) return null;
      }
      const shift = g.shift ? (/last|past/i.test(g.shift) ? 'last' : /next|coming/i.test(g.shift) ? 'next' : 'this') : undefined;
      return { spec: { kind: 'calendar', month: month(raw), ...(shift ? { yearShift: shift } : {}) }, mod: modOf(g.pre), stated: ['month'] };
    },
  },
  {
    name: 'year',
    pattern: compile(String.raw`(?:(?<fiscal>fiscal(?:${S}year)?|FY|calendar(?:${S}year)?|the${S}year|model${S}year)\s*)?(?<y>${YEAR})(?:['’]s(?!\p{L}))?`),
    build: (g, text, start, end) => {
      const y = Number(g.y);
      // "1678.5 points", "2082.1": a decimal number, not a year.
      if (/^[.,]\d/.test(text.slice(end, end + 2))) return null;
      if (g.pre || g.fiscal) return { spec: { kind: 'calendar', year: y }, mod: modOf(g.pre), stated: ['year'] };
      const before = previousWord(text, start);
      const after = text.slice(end, end + 2);
      // A bare four-digit number is a year after a temporal word, or before punctuation ("in 1990, ..."), not "2000 troops".
      // "the 1996 Olympic bombing", "a 1996 law", "its 1990 invasion", "bonds due 1993".
      const determiner = ['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'due'].includes(before) && !/^\s+\p{Ll}+s\b/u.test(text.slice(end, end + 20));
      // After a possessive a year names a period of the owner: "the company's 1989 results", "Ratners's 1989 profit".
      const possessive = /\p{L}['’]s?\s+$/u.test(text.slice(Math.max(0, start - 4), start));
      if (determiner || possessive || TEMPORAL_BEFORE.has(before) || /^\s*[.,;:)!?'’"”]|^$/.test(after) || /^'s/i.test(text.slice(end - 2, end))) {
        if (/[$£€]\s*$/.test(text.slice(Math.max(0, start - 2), start))) return null;
        return { spec: { kind: 'calendar', year: y }, stated: ['year'] };
      }
      return null;
    },
  },
  {
    name: 'spelled-year',
    // A spelled-out number is a year only when the text says so: "the year two thousand" (transcripts).
    pattern: compile(String.raw`the${S}year${S}(?<y>${SPELLED_YEAR_RE})`),
    build: (g) => ({ spec: { kind: 'calendar', year: parseYear(g.y!) }, mod: modOf(g.pre), stated: ['year'] }),
  },
  {
    name: 'spelled-year-bare',
    // Broadcast transcripts spell years out: "in nineteen ninety-one", "a nineteen ninety-seven attack". Only after a
    // temporal word or an article, or before punctuation: "nineteen twenty" alone may be a count.
    pattern: compile(String.raw`(?<y>(?:nineteen|eighteen)[- ](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`),
    build: (g, text, start, end) => {
      const before = previousWord(text, start);
      if (!TEMPORAL_BEFORE.has(before) && before !== 'a' && before !== 'the' && !/^\s*[.,;:!?]/.test(text.slice(end, end + 2))) return null;
      return { spec: { kind: 'calendar', year: parseYear(g.y!) }, stated: ['year'] };
    },
  },
  {
    name: 'decade',
    pattern: compile(String.raw`(?:the${S})?(?:(?<c>1[5-9]|20)|['’])(?<d>\d)0['’]?s`),
    build: (g) => {
      const century = g.c ? Number(g.c) : 19;
      return { spec: { kind: 'calendar', decade: century * 10 + Number(g.d) }, mod: modOf(g.pre), stated: ['year'] };
    },
  },
  {
    name: 'century',
    pattern: compile(String.raw`(?:the${S})?(?<n>1[5-9]th|2[01](?:st|th)|nineteenth|eighteenth|twentieth|twenty-first)${S}century`),
    build: (g) => {
      const n = { nineteenth: 19, eighteenth: 18, twentieth: 20, 'twenty-first': 21 }[g.n!.toLowerCase()] ?? parseInt(g.n!, 10);
      return { spec: { kind: 'calendar', century: n - 1 }, mod: modOf(g.pre), stated: ['year'] };
    },
  },
  {
    name: 'quarter',
    // A determiner belongs to the expression ("the third quarter"), except before a hyphenated adjective, where it
    // belongs to the noun that follows ("a third-quarter loss", "the fiscal second-quarter results": TimeBank tags
    // "third-quarter"); a possessive determiner never does ("its fourth quarter").
    pattern: compile(String.raw`(?:(?:the|a)${S}(?!(?:(?:fiscal|calendar)${S})?(?:first|second|third|fourth|1st|2nd|3rd|4th|last)-))?(?:(?<yp>${YEAR})(?:['’]s)?${S}|(?<rel>this|last|next)${S}year['’]s${S})?(?:fiscal${S}|calendar${S})?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)(?:${S}|-)(?:fiscal${S})?(?<unit>quarter|half)(?:${S}(?:of${S})?(?:(?:fiscal|calendar)${S})?(?<y>${YEAR}))?`),
    build: (g) => {
      const y = g.y ?? g.yp;
      // "the last half of 1989" is its second half; "the last quarter" without a year is the one before the reference (unit-shift).
      const last = g.ord!.toLowerCase() === 'last';
      if (last && !g.y) return null;
      const n = last ? (g.unit!.toLowerCase() === 'half' ? 2 : 4) : ORDINALS[g.ord!.toLowerCase()]!;
      const base: { quarter?: number; half?: number } = g.unit!.toLowerCase() === 'half' ? { half: n } : { quarter: n };
      if (g.unit!.toLowerCase() === 'half' && n > 2) return null;
      if (y) return { spec: { kind: 'calendar', year: Number(y), ...base }, mod: modOf(g.pre), stated: ['year'] };
      if (g.rel) {
        const offset = g.rel.toLowerCase() === 'last' ? -1 : g.rel.toLowerCase() === 'next' ? 1 : 0;
        return { spec: { kind: 'calendar', ...base, yearOffset: offset }, mod: modOf(g.pre), stated: [] };
      }
      return { spec: { kind: 'calendar', ...base }, mod: modOf(g.pre), stated: [] };
    },
  },
  {
    name: 'year-period',
    // Financial reporting: "the 1988 quarter", "the 1989 period" name the quarter under discussion in another year
    // (TimeBank: "In the 1988 period" after "the third quarter" is 1988-Q3); with no quarter before, just the year.
    pattern: compile(String.raw`the${S}(?<y>${YEAR})${S}(?:quarter|period)`),
    build: (g) => ({ spec: { kind: 'calendar', year: Number(g.y), quarterOfPrevious: true }, stated: ['year'] }),
  },
  {
    name: 'quarter-code',
    pattern: compile(String.raw`(?<q>Q[1-4]|H[12])\s*(?<y>${YEAR})`),
    build: (g) => {
      const n = Number(g.q!.slice(1));
      return { spec: { kind: 'calendar', year: Number(g.y), ...(g.q![0]!.toUpperCase() === 'Q' ? { quarter: n } : { half: n }) }, stated: ['year'] };
    },
  },
  {
    name: 'season',
    pattern: compile(String.raw`(?:(?<shift>last|this|next|this${S}past|this${S}coming|the${S}coming|the${S}past)${S}|the${S}(?=${SEASON_RE}${S}of${S}))?(?<s>${SEASON_RE})(?:${S}(?:of${S})?(?<y>${YEAR_OR_SPELLED}))?`),
    build: (g, text, start) => {
      const season = SEASONS[g.s!.toLowerCase()]!;
      if (g.y) return { spec: { kind: 'calendar', year: parseYear(g.y), season }, mod: modOf(g.pre), stated: ['year'] };
      if (g.shift) {
        const s = g.shift.toLowerCase();
        const yearShift = /last|past/.test(s) ? 'last' : /next|coming/.test(s) ? 'next' : 'this';
        return { spec: { kind: 'calendar', season, yearShift }, mod: modOf(g.pre), stated: [] };
      }
      // "fall", "spring" are also verbs and nouns: only after a temporal word.
      const before = g.pre ? 'in' : previousWord(text, start);
      if (!['in', 'this', 'last', 'next', 'the', 'since', 'by', 'until', 'during', 'early', 'late', 'mid', 'of'].includes(before)) return null;
      if (before === 'the' && !/^(in|during|since|by|until|over)$/.test(previousWord(text, text.lastIndexOf('the', start)))) return null;
      return { spec: { kind: 'calendar', season }, mod: modOf(g.pre), stated: [] };
    },
  },
];

function dayDate(g: Readonly<Record<string, string | undefined>>): ReturnType<ExtractionRule['build']> {
  const m = month(g.mon!);
  const d = Number(g.d);
  const spec: TimeSpec = {
    kind: 'calendar', month: m, day: d, ...(g.y ? { year: Number(g.y) } : {}), ...(g.night ? { partOfDay: 'NI' } : {}),
    ...(g.wdp ? { weekday: WEEKDAYS[g.wdp.toLowerCase()]! } : {}), ...(g.weekOf ? { weekOf: true } : {}),
  };
  if (d > 31) return null;
  const body = { spec, mod: modOf(g.pre), stated: g.y ? ['year', 'month', 'day'] as const : ['month', 'day'] as const };
  if (g.d2 && Number(g.d2) > d) {
    return { ...body, rangeEnd: { ...spec, day: Number(g.d2) } };
  }
  return body;
}
