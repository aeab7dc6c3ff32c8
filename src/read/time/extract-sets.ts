import { AMOUNT_RE, parseAmount, parseUnit, WEEKDAY_RE, WEEKDAYS } from './lexicon.js';
import { compile, previousWord, S, type ExtractionRule } from './rule.js';
import { textTable } from '../text-table.js';

/**
 * Extractor: recurring times (TIMEX3 SET) — "daily", "every week", "each
 * year", "annually", "every two years", "every Sunday", "twice a day".
 */

const ADVERB: Readonly<Record<string, string>> = textTable({
  hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', fortnightly: 'P2W', monthly: 'P1M',
  quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y', 'semi-annually': 'P6M', biannually: 'P6M',
});
const LETTER: Readonly<Record<string, string>> = textTable({
  second: 'TS', minute: 'TM', hour: 'TH', day: 'D', night: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'E', century: 'C',
});

export const SET_RULES: readonly ExtractionRule[] = [
  {
    name: 'set-adverb',
    pattern: compile(String.raw`(?<w>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annually|yearly|semi-annually|biannually)`),
    build: (g, text, start) => {
      const w = g.w!.toLowerCase();
      // TimeBank tags the adjective too ("a daily rally", "the daily tally"); not "quarterly" before a noun (a report's name).
      if (w === 'quarterly' && /^\s+[a-z]/.test(text.slice(start + w.length, start + w.length + 3))) return null;
      const value = ADVERB[w]!;
      return { spec: { kind: 'literal', type: 'SET', value }, stated: ['unit'] };
    },
  },
  {
    name: 'set-every',
    pattern: compile(String.raw`(?<q>every|each|per|a)${S}(?:(?<amount>${AMOUNT_RE})${S}|(?<other>other)${S})?(?<unit>second|minute|hour|day|night|week|month|quarter|year|decade|seconds|minutes|hours|days|weeks|months|years)`),
    build: (g, text, start) => {
      const q = g.q!.toLowerCase();
      // "a year" is a frequency only after a rate or amount: "twice a year", "$5 a year", "10% a year".
      if (q === 'a' && !/(?:twice|once|thrice|times|\d|%|percent|cents?|dollars?|a\s+day)\s*$/i.test(text.slice(Math.max(0, start - 12), start).trim() + ' ') && !/(?:twice|once|times|percent)$/.test(previousWord(text, start))) return null;
      const unit = parseUnit(g.unit!);
      const amount = g.other ? 2 : g.amount ? parseAmount(g.amount) : 1;
      if (amount === null) return null;
      const l = LETTER[unit] ?? 'D';
      const value = l.startsWith('T') ? `PT${amount}${l.slice(1)}` : `P${amount}${l}`;
      return { spec: { kind: 'literal', type: 'SET', value, quant: q === 'every' || q === 'each' ? q.toUpperCase() : undefined }, stated: ['unit'] };
    },
  },
  {
    name: 'set-weekday',
    pattern: compile(String.raw`(?:every|each)${S}(?<wd>${WEEKDAY_RE})|(?<wds>${WEEKDAY_RE})s(?=${S}(?:and|or)${S}|[,.;]|${S}(?:at|in|when))`),
    build: (g) => {
      const wd = WEEKDAYS[(g.wd ?? g.wds)!.toLowerCase()]!;
      return { spec: { kind: 'literal', type: 'SET', value: `XXXX-WXX-${wd}` }, stated: ['weekday'] };
    },
  },
  {
    name: 'set-part-of-day',
    pattern: compile(String.raw`(?:every|each)${S}(?<pod>morning|afternoon|evening|night)`),
    build: (g) => {
      const pod = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' }[g.pod!.toLowerCase()]!;
      return { spec: { kind: 'literal', type: 'SET', value: `XXXX-XX-XXT${pod}` }, stated: ['partOfDay'] };
    },
  },
];
