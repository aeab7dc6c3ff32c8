import type { TimexMod } from '../../model/index.js';
import type { TimeUnit } from './lexicon.js';
import { compile, previousWord, S, type CandidateBody, type ExtractionRule } from './rule.js';
import type { TimeLexicon } from './time-lexicon.js';
import type { TimeSpec } from './time-spec.js';

/**
 * Extractors for a language whose time vocabulary is a data file
 * (data/time/<language>/lexicon.json: Russian and Ukrainian): the same
 * families as the English rules — calendar dates, weekdays, days relative to
 * the reference, units shifted from it, amounts of time, references to the
 * present and past — written once over the lexicon's word lists, with the
 * word order the two languages share ("5 ноября 2024 года", "в начале
 * августа", "на прошлой неделе", "21 месяц назад", "за минулу добу").
 *
 * They propose the same TimeSpecs as the English rules, so the normaliser and
 * the refiners of the time stage are shared: the values follow the English
 * stage's conventions (TimeML 1.2.1), with two choices of the languages'
 * idiom: "сутки"/"доба" after a past shift or "за" is the amount (P1D), as
 * "the past day" is in English; "тиждень тому" is a day, seven days back.
 *
 * @example createLexiconRules(compileTimeLexicon(ruData)) // rules for runRules(): "в среду" → weekday 3
 */
export function createLexiconRules(lex: TimeLexicon): readonly ExtractionRule[] {
  const month = `(?:${lex.months.re}|${lex.monthAbbreviations.re}\\.?)`;
  const yearWord = `(?:${lex.yearWords.re}\\.?)`;
  const amount = String.raw`(?:\d+(?:[.,]\d+)?|${lex.numbers.re}(?:${S}${lex.numbers.re})?)`;
  const monthOf = (raw: string): number => lex.months.get(raw) ?? lex.monthAbbreviations.get(raw)!;
  const podOf = (raw: string | undefined): string | undefined => (raw ? lex.partsOfDay.get(raw) : undefined);
  const modOf = (raw: string | undefined): TimexMod | undefined => (raw ? lex.periodModifiers.get(raw) ?? lex.amountModifiers.get(raw) : undefined);
  const afterPreposition = (text: string, start: number): boolean => lex.datePrepositions.get(previousWord(text, start)) !== undefined;
  const parseAmount = (raw: string): number | null => {
    if (/^\d/.test(raw)) return Number(raw.replace(',', '.'));
    const parts = raw.split(/[\s\u00a0]+/);
    let sum = 0;
    for (const p of parts) {
      const n = lex.numbers.get(p);
      if (n === null || n === undefined) return null;
      sum += n;
    }
    return sum;
  };
  const yearOf = (raw: string): number => Number(raw);
  const comparison = new RegExp(String.raw`(?<![\p{L}])${lex.comparisons.re},?${S}$`, 'iu');

  return [
    {
      name: 'lexicon-day-month',
      // "5 ноября", "5 ноября 2024 года", "3-4 листопада", "зранку 11 січня", "11 января утром", "в начале 5 мая" (rare).
      pattern: compile(String.raw`(?:(?<pod0>${lex.partsOfDay.re})${S})?(?<day>\d{1,2})(?:(?:${S})?[-–—](?:${S})?(?<day2>\d{1,2}))?${S}(?<month>${month})(?:${S}(?<year>\d{4})(?:(?:${S})?${yearWord})?)?(?:${S}(?<pod>${lex.partsOfDay.re}))?`),
      build: (g) => {
        const day = Number(g.day);
        const m = monthOf(g.month!);
        if (day < 1 || day > 31 || m === undefined) return null;
        const pod = podOf(g.pod) ?? podOf(g.pod0);
        const year = g.year ? yearOf(g.year) : undefined;
        const spec: TimeSpec = { kind: 'calendar', month: m, day, ...(year !== undefined ? { year } : {}), ...(pod ? { partOfDay: pod } : {}) };
        const day2 = g.day2 ? Number(g.day2) : undefined;
        return {
          spec, stated: year !== undefined ? ['year', 'month', 'day'] : ['month', 'day'],
          ...(day2 !== undefined && day2 > day && day2 <= 31 ? { rangeEnd: { ...spec, day: day2 } } : {}),
        };
      },
    },
    {
      name: 'lexicon-day-range',
      // "с 1 по 5 октября", "з 1 до 5 жовтня": one range, the month stated once.
      pattern: compile(String.raw`(?:${lex.rangeStarts.re})${S}(?<day>\d{1,2})${S}(?:${lex.rangeEnds.re})${S}(?<day2>\d{1,2})${S}(?<month>${month})(?:${S}(?<year>\d{4})(?:(?:${S})?${yearWord})?)?`),
      build: (g) => {
        const day = Number(g.day);
        const day2 = Number(g.day2);
        if (day < 1 || day2 > 31 || day2 <= day) return null;
        const year = g.year ? yearOf(g.year) : undefined;
        const spec: TimeSpec = { kind: 'calendar', month: monthOf(g.month!), day, ...(year !== undefined ? { year } : {}) };
        return { spec, rangeEnd: { ...spec, day: day2 }, stated: ['month', 'day'] };
      },
    },
    {
      name: 'lexicon-numeric-date',
      // "05.11.2024", "5.11.24"; ISO "2024-11-05".
      pattern: compile(String.raw`(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4}|\d{2})(?!\.?\d)|(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})`),
      build: (g) => {
        const day = Number(g.d ?? g.id);
        const m = Number(g.m ?? g.im);
        let year = Number(g.y ?? g.iy);
        if (year < 100) year += 2000;
        if (m < 1 || m > 12 || day < 1 || day > 31) return null;
        return { spec: { kind: 'calendar', year, month: m, day }, stated: ['year', 'month', 'day'] };
      },
    },
    {
      name: 'lexicon-month',
      // "в ноябре 2024 года", "в начале августа 2024 года", "в середине августа", "с начала октября", "в ноябре прошлого года".
      pattern: compile(String.raw`(?:(?<mod>${lex.periodModifiers.re})${S})?(?<month>${lex.months.re})(?:${S}(?<year>\d{4})(?:(?:${S})?${yearWord})?|${S}(?<shift>${lex.shifts.re})${S}(?<yw>${lex.yearWords.re}))?`),
      build: (g, text, start) => {
        // A month alone is a date only after a preposition or a modifier ("лютий" is also "fierce", "мая" a verb form).
        if (!g.mod && !g.year && !g.shift && !afterPreposition(text, start)) return null;
        const shift = g.shift ? lex.shifts.get(g.shift) : undefined;
        const spec: TimeSpec = {
          kind: 'calendar', month: lex.months.get(g.month!)!,
          ...(g.year ? { year: yearOf(g.year) } : {}), ...(shift !== undefined ? { yearOffset: shift } : {}),
        };
        const mod = modOf(g.mod);
        return { spec, ...(mod ? { mod } : {}), stated: g.year ? ['year', 'month'] : ['month'] };
      },
    },
    {
      name: 'lexicon-year',
      // "2024 года", "в 2024 г.", "2011 р.", "2006-2008 років", "наприкінці 2024 року", "в 2024-м году"; a bare year after a preposition ("у 2024").
      pattern: compile(String.raw`(?:(?<mod>${lex.periodModifiers.re})${S})?(?<year>\d{4})(?:(?:${S})?[-–—](?:${S})?(?<year2>\d{4}))?(?:-?(?:го|м|й|му|ому|ий|ого|те|ті))?(?:(?:${S})?(?<yw>${yearWord}))?`),
      build: (g, text, start, end) => {
        const year = yearOf(g.year!);
        if (year < 1000 || year > 2199) return null;
        const year2 = g.year2 ? yearOf(g.year2) : undefined;
        // a bare year is a date after a preposition, as a range of years ("(2006-2010)"), or in a list of years ("за 2015, 2014 і 2013 роки")
        const range = year2 !== undefined && year2 > year && year2 - year < 100;
        const listed = /^\s*(?:,|і|й|та|и)\s*(?:1[89]|20)\d\d(?!\d)/u.test(text.slice(end, end + 12));
        if (!g.yw && !g.mod && !range && !listed && !afterPreposition(text, start)) return null;
        const mod = modOf(g.mod);
        const spec: TimeSpec = { kind: 'calendar', year };
        return {
          spec, ...(mod ? { mod } : {}), stated: ['year'],
          ...(year2 !== undefined && year2 > year ? { rangeEnd: { kind: 'calendar', year: year2 } as TimeSpec } : {}),
        };
      },
    },
    {
      name: 'lexicon-decade',
      // "1990-е годы", "90-х годов", "1990-ті роки", "у 90-х".
      pattern: compile(String.raw`(?<dec>(?:1[89]|20)?\d0)-?(?:е|х|ті|тих|ые|ых)(?:${S}(?:${lex.yearWords.re}))?`),
      build: (g) => {
        const raw = g.dec!;
        const decade = raw.length === 4 ? Math.floor(Number(raw) / 10) : 190 + Number(raw) / 10;
        return { spec: { kind: 'calendar', decade }, stated: ['year'] };
      },
    },
    {
      name: 'lexicon-century',
      // "XX века", "ХХ століття", "XVII ст.", "ХХІ-го століття", "XVI-му ст.": Roman numerals (Latin or Cyrillic Х, І), with
      // or without an ordinal ending, before a century word; TIMEX3 counts from 0 (XX → 19).
      pattern: compile(String.raw`(?<roman>[IVXІХ]{1,6})(?:-(?:го|му|ого|ому|й|ий|м|е))?${S}(?<word>${lex.units.re}|ст\.?|в\.)`),
      build: (g) => {
        const word = g.word!.replace(/\.$/, '');
        if (!/^(?:ст|в)$/i.test(word) && lex.units.get(word)?.unit !== 'century') return null;
        const n = romanValue(g.roman!.replace(/І/g, 'I').replace(/Х/g, 'X'));
        if (n < 1 || n > 22 || g.roman !== g.roman!.toUpperCase()) return null;
        return { spec: { kind: 'calendar', century: n - 1 }, stated: ['year'] };
      },
    },
    {
      name: 'lexicon-weekday',
      // "в среду", "у четвер", "в прошлую пятницу", "минулої неділі", "в понедельник вечером"; "Четверг, 13 марта".
      pattern: compile(String.raw`(?:(?<shift>${lex.shifts.re})${S})?(?<wd>${lex.weekdays.re})(?:${S}(?<pod>${lex.partsOfDay.re}))?`),
      build: (g, text, start, end) => {
        const wd = g.wd!;
        // The weekday is a date after a preposition, a shift, or heading a date ("Четверг, 13 марта"); "среда" is also
        // "environment" and its locative ("в среде", "у середі") is read that way.
        const heading = /^\p{Lu}/u.test(wd) && /^,?\s*\d/.test(text.slice(end, end + 4));
        if (!g.shift && !heading && !afterPreposition(text, start)) return null;
        if (!g.shift && /^(?:среде|середі)$/i.test(wd)) return null;
        const s = g.shift ? lex.shifts.get(g.shift) : undefined;
        const shift = s === -1 ? 'last' : s === 1 ? 'next' : s === 0 ? 'this' : 'bare';
        const pod = podOf(g.pod);
        return { spec: { kind: 'weekday', weekday: lex.weekdays.get(wd)!, shift, ...(pod ? { partOfDay: pod } : {}) }, stated: pod ? ['weekday', 'partOfDay'] : ['weekday'] };
      },
    },
    {
      name: 'lexicon-deictic-day',
      // "сегодня", "вчера вечером", "сьогодні вранці", "вранці сьогодні", "накануне", "напередодні".
      pattern: compile(String.raw`(?:(?<pod0>${lex.partsOfDay.re})${S})?(?<word>${lex.deictic.re})(?:${S}(?<pod>${lex.partsOfDay.re}))?`),
      build: (g) => {
        const offset = lex.deictic.get(g.word!)!;
        const pod = podOf(g.pod) ?? podOf(g.pod0);
        return { spec: { kind: 'relative', unit: 'day', offset, ...(pod ? { partOfDay: pod } : {}) }, stated: pod ? ['day', 'partOfDay'] : ['day'] };
      },
    },
    {
      name: 'lexicon-shift-part-of-day',
      // "этой ночью", "минулої ночі", "цього ранку", "на цей ранок": the reference day's part (the night before for a past shift).
      pattern: compile(String.raw`(?<shift>${lex.shifts.re})${S}(?<pod>${lex.partsOfDay.re})`),
      build: (g) => {
        const shift = lex.shifts.get(g.shift!)!;
        const pod = podOf(g.pod)!;
        return { spec: { kind: 'relative', unit: 'day', offset: shift < 0 ? -1 : shift, partOfDay: pod }, stated: ['partOfDay'] };
      },
    },
    {
      name: 'lexicon-unit-shift',
      // "на прошлой неделе", "минулого тижня", "в этом году", "в конце прошлого года", "с начала года";
      // "за минувшие сутки", "минулої доби", "за минулий тиждень": the amount of one unit (P1D, P1W).
      pattern: compile(String.raw`(?:(?<dprep>${lex.durationPrepositions.re})${S})?(?:(?<mod>${lex.periodModifiers.re})${S})?(?:(?<shift>${lex.shifts.re})${S})?(?<unit>${lex.units.re})`),
      build: (g, text, start, end) => {
        const unit = lex.units.get(g.unit!)!;
        const shift = g.shift ? lex.shifts.get(g.shift) : undefined;
        if (!g.unit || text.slice(start, end).trim() === g.unit) return null;
        if (g.dprep && !g.mod && (shift === undefined || shift < 0)) {
          if (unit.unit === 'second' || unit.unit === 'minute' || unit.unit === 'hour' || /^\s*\d/.test(text.slice(end, end + 3))) return null;
          return { spec: { kind: 'duration', amount: 1, unit: unit.unit }, stated: ['unit'] };
        }
        if (shift !== undefined && shift < 0 && unit.whole && !g.mod) return { spec: { kind: 'duration', amount: 1, unit: unit.unit }, stated: ['unit'] };
        // "наступного дня", "на следующий день", "попереднього дня": the day after or before the time just told.
        if (unit.unit === 'day' && !unit.whole && shift !== undefined && shift !== 0 && !g.dprep && !g.mod) {
          return { spec: { kind: 'relative', unit: 'day', offset: shift, anaphoric: true }, stated: ['unit'] };
        }
        // "с начала года": the modifier names a part of the current unit.
        const offset = shift ?? (g.mod ? 0 : undefined);
        if (offset === undefined || unit.whole || !isCalendarUnit(unit.unit)) return null;
        const mod = modOf(g.mod);
        const body: CandidateBody = { spec: { kind: 'relative', unit: unit.unit, offset }, ...(mod ? { mod } : {}), stated: [unit.unit === 'week' ? 'week' : unit.unit === 'month' ? 'month' : 'year'] };
        // "за минувшие сутки" begins with the preposition; a date ("в этом году") does not take it into its extent.
        return g.dprep ? null : body;
      },
    },
    {
      name: 'lexicon-amount-unit',
      // "20 дней", "более двух лет", "1,5 года", "21 месяц назад", "тиждень тому", "через три дня", "спустя неделю".
      pattern: compile(String.raw`(?:(?<later>${lex.later.re})${S})?(?:(?<amod>${lex.amountModifiers.re})${S})?(?:(?<amount>${amount})${S})?(?<unit>${lex.units.re})(?:${S}(?<ago>${lex.ago.re}))?`),
      build: (g, text, start, end) => {
        const unit = lex.units.get(g.unit!)!;
        const amountRaw = g.amount;
        if (!amountRaw && !g.ago && !g.later) return null;
        // "2024 года" is a year, not 2024 years.
        if (amountRaw && /^\d{4}$/.test(amountRaw) && unit.unit === 'year') return null;
        const amount = amountRaw ? parseAmount(amountRaw) : 1;
        const mod = g.amod ? lex.amountModifiers.get(g.amod) : undefined;
        const modPart = mod ? { mod } : {};
        if (g.ago || (g.later && /^через$/i.test(g.later))) {
          if (amount === null) return { spec: { kind: 'literal', type: 'DATE', value: g.ago ? 'PAST_REF' : 'FUTURE_REF' }, ...modPart, stated: ['unit'] };
          if (!Number.isInteger(amount)) return null;
          const sign = g.ago ? -1 : 1;
          // A week back is a day in this convention ("тиждень тому" = seven days before the reference).
          const spec: TimeSpec = unit.unit === 'week'
            ? { kind: 'relative', unit: 'day', offset: sign * 7 * amount }
            : { kind: 'relative', unit: unit.unit as TimeUnit, offset: sign * amount };
          return { spec, ...modPart, stated: ['quantity', 'unit'] };
        }
        if (!amountRaw) return null;
        // "в 10 часов": a clock time, not ten hours.
        if (unit.unit === 'hour' && CLOCK_PREPOSITIONS.test(previousWord(text, start))) return null;
        void end;
        return { spec: { kind: 'duration', amount, unit: unit.unit }, ...modPart, stated: ['quantity', 'unit'] };
      },
    },
    {
      name: 'lexicon-fixed-duration',
      // "полгода", "понад півроку", "полтора года", "полгода назад".
      pattern: compile(String.raw`(?:(?<amod>${lex.amountModifiers.re})${S})?(?<fixed>${lex.fixedDurations.re})(?:${S}(?<ago>${lex.ago.re}))?`),
      build: (g) => {
        const value = lex.fixedDurations.get(g.fixed!)!;
        const mod = g.amod ? lex.amountModifiers.get(g.amod) : undefined;
        const months = /^P(\d+)M$/.exec(value);
        if (g.ago) return months ? { spec: { kind: 'relative', unit: 'month', offset: -Number(months[1]) }, ...(mod ? { mod } : {}), stated: ['quantity', 'unit'] } : null;
        return { spec: { kind: 'literal', type: 'DURATION', value }, ...(mod ? { mod } : {}), stated: ['quantity', 'unit'] };
      },
    },
    {
      name: 'lexicon-night-before',
      // "в ночь на 5 ноября", "у ніч з 4 на 5 листопада", "у ніч проти середи": the night before the day named (its evening's date, TNI).
      pattern: compile(String.raw`(?:${lex.nightBefore.re})${S}(?:(?<d0>\d{1,2})${S}(?:на|проти)${S})?(?:(?<day>\d{1,2})${S}(?<month>${month})(?:${S}(?<year>\d{4})(?:(?:${S})?${yearWord})?)?|(?<wd>${lex.weekdays.re}))`),
      build: (g) => {
        if (g.wd) {
          const weekday = lex.weekdays.get(g.wd)!;
          return { spec: { kind: 'weekday', weekday: weekday === 1 ? 7 : weekday - 1, shift: 'bare', partOfDay: 'NI' }, stated: ['weekday', 'partOfDay'] };
        }
        const day = Number(g.day);
        const m = monthOf(g.month!);
        if (day < 2 || day > 31 || m === undefined) return null;
        return { spec: { kind: 'calendar', month: m, day: day - 1, ...(g.year ? { year: yearOf(g.year) } : {}), partOfDay: 'NI' }, stated: ['month', 'day', 'partOfDay'] };
      },
    },
    {
      name: 'lexicon-season',
      // "летом 2024 года", "навесні", "прошлой зимой", "восени минулого року", "у весну 2023 року".
      pattern: compile(String.raw`(?:(?<shift>${lex.shifts.re})${S})?(?<season>${lex.seasons.re})(?:${S}(?<year>\d{4})(?:(?:${S})?${yearWord})?|${S}(?<yshift>${lex.shifts.re})${S}(?:${lex.yearWords.re}))?`),
      build: (g, text, start) => {
        if (!g.shift && !g.year && !g.yshift && lex.seasonAdverbs.get(g.season!) === undefined && !afterPreposition(text, start)) return null;
        const shift = g.shift ? lex.shifts.get(g.shift) : undefined;
        const yshift = g.yshift ? lex.shifts.get(g.yshift) : undefined;
        const spec: TimeSpec = {
          kind: 'calendar', season: lex.seasons.get(g.season!)!,
          ...(g.year ? { year: yearOf(g.year) } : {}),
          ...(yshift !== undefined ? { yearOffset: yshift } : {}),
          ...(shift !== undefined ? { yearShift: shift < 0 ? 'last' : shift > 0 ? 'next' : 'this' } : {}),
        };
        return { spec, stated: g.year ? ['year'] : [] };
      },
    },
    {
      name: 'lexicon-set',
      // "ежедневно", "щороку", "каждую неделю": TIMEX3 SET.
      pattern: compile(lex.sets.re),
      build: (g, text, start, end) => ({ spec: { kind: 'literal', type: 'SET', value: lex.sets.get(text.slice(start, end))! }, stated: ['unit'] }),
    },
    {
      name: 'lexicon-last-year',
      // "торік": the year before the reference.
      pattern: compile(lex.lastYear.re),
      build: () => ({ spec: { kind: 'relative', unit: 'year', offset: -1 }, stated: ['year'] }),
    },
    {
      name: 'lexicon-this-year',
      // "цьогоріч": the year of the reference.
      pattern: compile(lex.thisYear.re),
      build: () => ({ spec: { kind: 'relative', unit: 'year', offset: 0 }, stated: ['year'] }),
    },
    {
      name: 'lexicon-clock',
      // "в 10:30", "о 06:00", "около 23:00": a clock time on the reference day (the time stage moves it to the day just named).
      pattern: compile(String.raw`(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)(?![.,]?\d)`),
      build: (g, text, start) => {
        if (!CLOCK_PREPOSITIONS.test(previousWord(text, start))) return null;
        return { spec: { kind: 'clock', hour: Number(g.h), minute: Number(g.m), dayOffset: 0 }, stated: ['hour', 'minute'] };
      },
    },
    {
      name: 'lexicon-reference',
      // "сейчас", "в настоящее время", "наразі", "нині", "ранее", "раніше", "в будущем".
      pattern: compile(lex.references.re),
      build: (g, text, start, end) => {
        if (comparison.test(text.slice(Math.max(0, start - 20), start))) return null;
        return { spec: { kind: 'literal', type: 'DATE', value: lex.references.get(text.slice(start, end))! }, stated: [] };
      },
    },
  ];
}

/** Prepositions before a clock time in both languages ("в 10:30", "о 10:30", "около 23:00", "до 18:00"). */
const CLOCK_PREPOSITIONS = /^(?:в|во|у|о|об|около|близько|к|до|с|со|з|із|від|от|после|після|по)$/;

function romanValue(roman: string): number {
  const digit: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = digit[roman[i]!]!;
    n += i + 1 < roman.length && digit[roman[i + 1]!]! > v ? -v : v;
  }
  return n;
}

function isCalendarUnit(unit: TimeUnit): boolean {
  return unit === 'week' || unit === 'month' || unit === 'quarter' || unit === 'year' || unit === 'decade' || unit === 'century';
}
