import { AMOUNT_RE, ORDINALS, parseAmount, parseUnit, PART_OF_DAY_RE, PARTS_OF_DAY, WEEKDAY_RE, WEEKDAYS, type TimeUnit } from './lexicon.js';
import { compile, modOf, previousWord, S, type ExtractionRule } from './rule.js';

/**
 * Extractor: dates stated relative to the reference time — "yesterday",
 * "on Wednesday", "Thursday morning", "last week", "this year", "21 months
 * ago", "a year earlier", "earlier this month", "early next year", "at the
 * weekend", "the year-earlier quarter", "overnight".
 */

const part = (raw: string | undefined): string | undefined => (raw ? PARTS_OF_DAY[raw.toLowerCase()] : undefined);
const shiftOffset = (raw: string): number => {
  const s = raw.toLowerCase();
  if (/(last|past|previous|preceding)/.test(s)) return -1;
  if (/(next|coming|following)/.test(s)) return 1;
  return 0;
};
const CAL_UNIT = String.raw`(?:week|weekend|month|quarter|year|decade|century)`;

export const RELATIVE_DATE_RULES: readonly ExtractionRule[] = [
  {
    name: 'deictic-day',
    pattern: compile(String.raw`(?:the${S}day${S}(?<around>before${S}yesterday|after${S}tomorrow)|(?<word>today|yesterday|tomorrow|tonight))(?:['’]s)?(?:${S}(?<pod>${PART_OF_DAY_RE}))?`),
    build: (g) => {
      const word = (g.word ?? '').toLowerCase();
      const offset = g.around ? (/before/i.test(g.around) ? -2 : 2) : word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      const pod = word === 'tonight' ? 'NI' : part(g.pod);
      return { spec: { kind: 'relative', unit: 'day', offset, ...(pod ? { partOfDay: pod } : {}) }, mod: modOf(g.pre), stated: pod ? ['day', 'partOfDay'] : ['day'] };
    },
  },
  {
    name: 'part-of-day',
    // "this morning", "last night", "overnight": the reference day (the night before it for "last night").
    pattern: compile(String.raw`(?:(?<shift>this|last)${S}(?<pod>morning|afternoon|evening|night)|(?<over>overnight))`),
    build: (g) => {
      if (g.over) return { spec: { kind: 'relative', unit: 'day', offset: 0, partOfDay: 'NI' }, stated: ['partOfDay'] };
      const last = g.shift!.toLowerCase() === 'last';
      return { spec: { kind: 'relative', unit: 'day', offset: last ? -1 : 0, partOfDay: part(g.pod)! }, mod: modOf(g.pre), stated: ['partOfDay'] };
    },
  },
  {
    name: 'weekday',
    pattern: compile(String.raw`(?:(?<shift>last|this|next|this${S}past|this${S}coming|the${S}following|the${S}previous)${S})?(?<wd>${WEEKDAY_RE})(?:['’]s)?(?:${S}(?<pod>${PART_OF_DAY_RE}))?`),
    build: (g, text, start) => {
      if (g.wd![0] !== g.wd![0]!.toUpperCase() && !g.shift) return null;
      const s = g.shift?.toLowerCase() ?? '';
      // "Sunday Times", "Good Friday": a capitalised word after a weekday makes a name, not a date.
      if (/^\s+(Times|Telegraph|Express|Mirror|Herald|Post|Morning)\b/.test(text.slice(start + (g.pre?.length ?? 0) + (g.shift ? g.shift.length + 1 : 0) + g.wd!.length, start + 80))) return null;
      const shift = /past|last|previous/.test(s) ? 'last' : /next|coming|following/.test(s) ? 'next' : s === 'this' ? 'this' : 'bare';
      const pod = part(g.pod);
      return {
        spec: { kind: 'weekday', weekday: WEEKDAYS[g.wd!.toLowerCase()]!, shift, ...(pod ? { partOfDay: pod } : {}) },
        mod: modOf(g.pre), stated: pod ? ['weekday', 'partOfDay'] : ['weekday'],
      };
    },
  },
  {
    name: 'unit-shift',
    // "last week", "this year", "next month", "the previous year", "the following week".
    pattern: compile(String.raw`(?<shift>last|this|next|past|coming|previous|current|the${S}(?:previous|following|current|preceding|same))${S}(?<unit>${CAL_UNIT})(?:['’]s)?`),
    build: (g) => {
      const unit = parseUnit(g.unit!);
      return { spec: { kind: 'relative', unit, offset: shiftOffset(g.shift!) }, mod: modOf(g.pre), stated: [unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'year'] };
    },
  },
  {
    name: 'anaphoric-shift',
    // "the following year", "the next day", "that day", "the day before": relative to the time just mentioned.
    pattern: compile(String.raw`(?:the${S}(?<a>following|next|previous|preceding|same|prior)|(?<that>that))${S}(?<unit>day|night|week|weekend|month|year)|the${S}(?<unit2>day|night)${S}(?<ba>before|after)(?!${S}(?:the|a|an|his|her|its|their|\p{Lu}|\d))`),
    build: (g) => {
      const unit = parseUnit((g.unit ?? g.unit2)!);
      const a = (g.a ?? g.ba ?? '').toLowerCase();
      const offset = /following|next|after/.test(a) ? 1 : /previous|preceding|prior|before/.test(a) ? -1 : 0;
      return { spec: { kind: 'relative', unit, offset, anaphoric: true }, mod: modOf(g.pre), stated: ['unit'] };
    },
  },
  {
    name: 'unit-shift-mod',
    // "earlier this month", "later this year", "early next year", "late last year".
    pattern: compile(String.raw`(?<m>earlier|later|early|late|mid|the${S}(?:end|beginning|start|middle)${S}of)(?:${S}|-)(?<shift>this|next|last)${S}(?<unit>${CAL_UNIT})`),
    build: (g) => {
      const m = g.m!.toLowerCase();
      const mod = m === 'earlier' || m === 'later' ? undefined : modOf(m);
      const unit = parseUnit(g.unit!);
      return { spec: { kind: 'relative', unit, offset: shiftOffset(g.shift!) }, mod, stated: ['year'] };
    },
  },
  {
    name: 'ago',
    // "21 months ago", "a year earlier", "two days later", "three years from now".
    pattern: compile(String.raw`(?<amount>${AMOUNT_RE})${S}(?<unit>(?:days?|weeks?|months?|quarters?|years?|decades?|centuries|century|hours?|minutes?|weekends?))(?<orso>${S}or${S}so)?${S}(?<dir>ago|earlier|before|later|after|hence|from${S}now|previously|back)(?![\p{L}])`),
    build: (g, text, start, end) => {
      const unit = parseUnit(g.unit!);
      const amount = parseAmount(g.amount!);
      const dir = g.dir!.toLowerCase();
      // "before"/"after" followed by an event ("two days after the vote") anchor to that event, not to the reference.
      if ((dir === 'before' || dir === 'after') && /^\s+(?:the|a|an|his|her|its|their|\p{Lu}|\d)/u.test(text.slice(end, end + 10))) return null;
      // "later/after/before" always, "earlier" with short units ("a day earlier"; "a year earlier" in results
      // reporting is the year-ago period), count from a narrated time: see TimeCandidate.sequence.
      const sequential = /^(?:later|after|before)$/.test(dir) || (dir === 'earlier' && /^(?:minute|hour|day|night|week)$/.test(unit));
      const sequence = sequential
        ? { duration: { kind: 'duration' as const, amount, unit }, end: dir === 'earlier' ? end : start + text.slice(start, end).replace(/[\s\u00a0]+\S+$/u, '').length }
        : undefined;
      if (amount === null) {
        const past = /ago|earlier|before|previously|back/.test(dir);
        return { spec: { kind: 'literal', type: 'DATE', value: past ? 'PAST_REF' : 'FUTURE_REF' }, mod: modOf(g.pre), stated: ['unit'], ...(sequence ? { sequence } : {}) };
      }
      const sign = /ago|earlier|before|previously|back/.test(dir) ? -1 : 1;
      if (!Number.isInteger(amount)) return null;
      // "a week or so ago": the same date, approximately (TimeML 1.2.1 §2.2.4 mod APPROX).
      return {
        spec: { kind: 'relative', unit: unit as TimeUnit, offset: sign * amount, inheritGranularity: amount === 1 && unit === 'year' },
        mod: g.orso ? 'APPROX' : modOf(g.pre), stated: ['quantity', 'unit'], ...(sequence ? { sequence } : {}),
      };
    },
  },
  {
    name: 'year-earlier',
    // Financial reporting: "the year-earlier quarter", "the comparable year-ago period", "year-earlier". A determiner
    // belongs to the expression only when the period noun follows; before another noun it is that noun's ("The
    // year-ago results", "a year-earlier loss": TimeBank tags "year-ago", as it tags "third-quarter").
    pattern: compile(String.raw`(?:the${S}(?=(?:(?:comparable|corresponding|same)${S})?year[-${'\u2010'}](?:earlier|ago)${S}(?:quarter|period)))?(?:(?:comparable|corresponding|same)${S}(?=year))?year[-${'\u2010'}](?:earlier|ago)(?<noun>${S}(?:quarter|period))?`),
    build: (g) => ({
      spec: { kind: 'relative', unit: 'year', offset: -1, inheritGranularity: true, ...(g.noun ? { quarterInFocus: true } : {}) }, stated: ['unit'],
    }),
  },
  {
    name: 'year-earlier-quarter',
    // "the year-earlier third quarter": that quarter of the year before the reference's.
    pattern: compile(String.raw`the${S}(?:year|a${S}year)[-${'\u2010'}](?:earlier|ago)${S}(?<ord>first|second|third|fourth)${S}quarter`),
    build: (g) => ({ spec: { kind: 'calendar', quarter: ORDINALS[g.ord!.toLowerCase()]!, yearOffset: -1 }, stated: [] }),
  },
  {
    name: 'year-ago-quarter',
    // Quarterly results: "the quarter a year ago", "last year's quarter", "the same quarter last year", "the
    // corresponding period a year earlier": the quarter under discussion, a year back (TimeML 1.2.1 §2.2.1: the
    // value is as precise as the expression's own unit, the quarter).
    pattern: compile(String.raw`(?:the${S}(?:(?:same|comparable|corresponding|year-earlier)${S})?(?:quarter|period)${S}(?:a${S}year${S}(?:ago|earlier)|last${S}year|of${S}last${S}year)|last${S}year['’]s${S}(?:(?:same|comparable|corresponding)${S})?(?:quarter|period))`),
    build: () => ({ spec: { kind: 'relative', unit: 'year', offset: -1, inheritGranularity: true, quarterInFocus: true }, stated: ['unit'] }),
  },
  {
    name: 'latest-quarter',
    // "the latest quarter", "the quarter", "the most recent quarter": the quarter before the reference's.
    // "The quarter-to-quarter comparison" is no quarter. With a quarter already named, "the quarter" is that one (see quarterInFocus).
    pattern: compile(String.raw`the${S}(?:latest|most${S}recent|just-ended|recent)?\s*quarter(?![-‐]to)(?!${S}(?:century|of|mile|million|billion|point))`),
    build: (g, text, start, end) => ({ spec: { kind: 'relative', unit: 'quarter', offset: -1, ...(/^the\s+quarter$/i.test(text.slice(start, end)) ? { quarterInFocus: true } : {}) }, stated: [] }),
  },
  {
    name: 'the-year',
    // Financial reporting: "for the year" (the reference's year), "the year ended Sept. 30" (a year's duration), "the latest period", "year-end".
    pattern: compile(String.raw`the${S}(?:(?<kind>fiscal|full|latest|current|calendar|latest${S}fiscal)${S})?(?<unit>year|period)|(?<end>year[-${'\u2010'} ]end|year['’]s${S}end)`),
    build: (g, text, start, end) => {
      if (g.end) return { spec: { kind: 'relative', unit: 'year', offset: 0 }, mod: 'END', stated: ['year'] };
      // "The year-ago results": the adjective "year-ago" (rule year-earlier), not "the year".
      if (/^[-‐]/.test(text.slice(end, end + 1))) return null;
      if (g.unit!.toLowerCase() === 'period') {
        if (!g.kind || !/latest|current/i.test(g.kind)) return null;
        return { spec: { kind: 'relative', unit: 'quarter', offset: -1 }, stated: [] };
      }
      if (/^\s*(?:ended|ending|to${S}date|earlier|ago|before|after)/i.test(text.slice(end, end + 14))) {
        if (/^\s*(?:earlier|ago|before|after)/i.test(text.slice(end, end + 8))) return null;
        return { spec: { kind: 'duration', amount: 1, unit: 'year' }, stated: ['unit'] };
      }
      if (/^\s*(?:of|in|for|that|when|,)/i.test(text.slice(end, end + 6)) && !/for\s+$/i.test(text.slice(Math.max(0, start - 5), start)) && !/of|in/i.test(previousWord(text, start))) return null;
      return { spec: { kind: 'relative', unit: 'year', offset: 0 }, stated: ['year'] };
    },
  },
  {
    name: 'weekend',
    // "at the weekend", "over the weekend": in past reporting the one before the reference (news convention).
    pattern: compile(String.raw`the${S}weekend`),
    build: () => ({ spec: { kind: 'relative', unit: 'weekend', offset: 0 }, stated: ['week'] }),
  },
];
