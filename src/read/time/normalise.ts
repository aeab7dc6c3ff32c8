import type { TimeField, TimexType } from '../../model/index.js';
import {
  addDays, addMonths, compareYmd, daysBetween, formatDay, formatMonth, formatTime, formatWeek, formatYear, isoWeekday, type YMD,
} from './calendar.js';
import { dateOfHoliday, HOLIDAYS } from './holidays.js';
import { DURATION_CODE } from './lexicon.js';
import type { TimeSpec } from './time-spec.js';
import { textTable } from '../text-table.js';

export type Tense = 'past' | 'present' | 'future';

export interface NormaliseContext {
  /** The publication date: the only reference time (never the clock). */
  readonly reference: YMD | null;
  /** Tense of the clause around the expression: picks the direction of bare weekdays and year-less dates. */
  readonly tense: Tense;
  /** Value of the last time expression before this one (not a caption's): "a year earlier" after "the third quarter" is that quarter a year back. */
  readonly previousValue?: string | null;
  /** The last quarter the text named ("1989-Q3"): the quarter under discussion in results reporting. */
  readonly quarterInFocus?: string | null;
}

export interface Normalised {
  readonly type: TimexType;
  /** Null when the value needs a reference time and there is none. */
  readonly value: string | null;
  /** `previous`: resolved against the time expression mentioned before (`previousValue`). */
  readonly anchor: 'none' | 'publication' | 'previous';
  readonly inferred: readonly TimeField[];
}

const quarterOf = (month: number): number => Math.ceil(month / 3);

/**
 * The TIMEX3 value of a spec (TimeML 1.2.1 guidelines §2.2; news conventions of
 * issue 2: a bare weekday in past-tense reporting is the most recent one,
 * a year-less date goes to the year that keeps it out of the future).
 *
 * @example normalise({ kind: 'relative', unit: 'week', offset: -1 }, { reference: { year: 2025, month: 11, day: 6 }, tense: 'past' })
 * // => { type: 'DATE', value: '2025-W44', anchor: 'publication', inferred: ['year', 'week'] }
 */
export function normalise(spec: TimeSpec, ctx: NormaliseContext): Normalised {
  const ref = ctx.reference;
  switch (spec.kind) {
    case 'literal':
      return { type: spec.type, value: spec.value, anchor: 'none', inferred: [] };
    case 'duration': {
      const code = DURATION_CODE[spec.unit];
      // A fractional amount goes down a unit, as TimeBank writes it: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M.
      const split = spec.amount !== null && !Number.isInteger(spec.amount) ? SMALLER_UNIT[spec.unit] : undefined;
      if (split && spec.amount !== null) {
        const whole = Math.floor(spec.amount);
        const rest = Math.round((spec.amount - whole) * split.factor);
        const head = whole > 0 ? `${whole}${code.letter}` : '';
        return { type: 'DURATION', value: `P${code.time ? 'T' : ''}${head}${split.time && !code.time ? 'T' : ''}${rest}${split.letter}`, anchor: 'none', inferred: [] };
      }
      const amount = spec.amount === null ? 'X' : formatAmount(spec.amount * code.factor);
      let letter = code.letter;
      if (spec.unit === 'decade') letter = 'E';
      if (spec.unit === 'century') letter = 'C';
      if (spec.unit === 'night') letter = 'D';
      if (spec.unit === 'weekend') letter = 'WE';
      return { type: 'DURATION', value: `P${code.time ? 'T' : ''}${amount}${letter}`, anchor: 'none', inferred: [] };
    }
    case 'calendar':
      return normaliseCalendar(spec, ctx);
    case 'relative': {
      const previous = spec.anaphoric ? previousReference(spec.unit, ctx.previousValue) : null;
      if (previous) return { ...normaliseRelative(spec, previous, ctx), anchor: 'previous' };
      if (!ref) return { type: spec.partOfDay ? 'TIME' : 'DATE', value: null, anchor: 'publication', inferred: ['year'] };
      return { ...normaliseRelative(spec, ref, ctx), anchor: 'publication' };
    }
    case 'weekday': {
      const type: TimexType = spec.partOfDay || spec.hour !== undefined ? 'TIME' : 'DATE';
      if (!ref) return { type, value: null, anchor: 'publication', inferred: ['year', 'month', 'day'] };
      const day = resolveWeekday(ref, spec.weekday, spec.shift, ctx.tense);
      return { type, value: formatDay(day) + timeSuffix(spec.partOfDay, spec.hour, spec.minute), anchor: 'publication', inferred: ['year', 'month', 'day'] };
    }
    case 'clock': {
      // A bare clock time is on the day the text last named ("Slepian was shot on Oct. 23 ... at 10 p.m."): news
      // tells a day's events after naming the day (TimeML 1.2.1 §2.2.1 anchors an underspecified time to the
      // temporal focus, not to the document date); with no day named, the publication day.
      const day = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(ctx.previousValue ?? '');
      if (day) {
        const base = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
        return { type: 'TIME', value: `${formatDay(addDays(base, spec.dayOffset))}T${formatTime(spec.hour, spec.minute ?? 0)}`, anchor: 'previous', inferred: ['year', 'month', 'day'] };
      }
      if (!ref) return { type: 'TIME', value: null, anchor: 'publication', inferred: ['year', 'month', 'day'] };
      return { type: 'TIME', value: `${formatDay(addDays(ref, spec.dayOffset))}T${formatTime(spec.hour, spec.minute ?? 0)}`, anchor: 'publication', inferred: ['year', 'month', 'day'] };
    }
  }
}

/** The previous expression's value as a reference date, when it is precise enough for the unit ("the next day" needs a day). */
function previousReference(unit: string, previous: string | null | undefined): YMD | null {
  if (!previous) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(previous);
  if (!m) return null;
  const needs = unit === 'year' || unit === 'decade' || unit === 'century' ? 1 : unit === 'month' || unit === 'quarter' || unit === 'season' || unit === 'half' ? 2 : 3;
  const have = m[3] ? 3 : m[2] ? 2 : 1;
  if (have < needs) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 6, day: m[3] ? Number(m[3]) : 15 };
}

/** The next smaller TIMEX3 unit for fractional amounts, and how many of it make one. */
const SMALLER_UNIT: Partial<Record<string, { readonly letter: string; readonly factor: number; readonly time: boolean }>> = textTable({
  year: { letter: 'M', factor: 12, time: false },
  day: { letter: 'H', factor: 24, time: true },
  hour: { letter: 'M', factor: 60, time: true },
  minute: { letter: 'S', factor: 60, time: true },
});

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

function timeSuffix(partOfDay?: string, hour?: number, minute?: number): string {
  if (hour !== undefined) return `T${formatTime(hour, minute ?? 0)}`;
  return partOfDay ? `T${partOfDay}` : '';
}

/** Most recent on or before the reference in past reporting, next on or after in future; "last"/"next" exclude the reference day. */
export function resolveWeekday(ref: YMD, weekday: number, shift: 'bare' | 'last' | 'this' | 'next', tense: Tense): YMD {
  const today = isoWeekday(ref);
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  if (shift === 'last') return addDays(ref, -(back === 0 ? 7 : back));
  if (shift === 'next') return addDays(ref, forward === 0 ? 7 : forward);
  if (tense === 'future') return addDays(ref, forward);
  return addDays(ref, -back);
}

function normaliseCalendar(spec: Extract<TimeSpec, { kind: 'calendar' }>, ctx: NormaliseContext): Normalised {
  const ref = ctx.reference;
  const suffix = timeSuffix(spec.partOfDay, spec.hour, spec.minute);
  const type: TimexType = suffix ? 'TIME' : 'DATE';
  if (spec.century !== undefined) return { type, value: String(spec.century).padStart(2, '0'), anchor: 'none', inferred: [] };
  // A decade is its three digits (TimeML 1.2.1 guidelines and TIMEX2: "the 1990s" → 199); TimeBank is split
  // between that and a placeholder digit (199X), 5 to 4 in TBAQ: the guidelines decide.
  if (spec.decade !== undefined) return { type, value: String(spec.decade).padStart(3, '0'), anchor: 'none', inferred: [] };
  let year = spec.year;
  let anchor: 'none' | 'publication' = 'none';
  const inferred: TimeField[] = [];
  if (year === undefined && spec.yearOffset !== undefined) {
    anchor = 'publication';
    inferred.push('year');
    if (!ref) return { type, value: null, anchor, inferred };
    year = ref.year + spec.yearOffset;
  }
  if (year === undefined) {
    anchor = 'publication';
    inferred.push('year');
    if (!ref) return { type, value: null, anchor, inferred };
    // A named day is placed like the date it falls on in the reference year ("Thanksgiving" read as "Nov. 25").
    const dated = spec.holiday ? { ...spec, ...monthDay(dateOfHoliday(HOLIDAYS[spec.holiday].rule, ref.year)) } : spec;
    year = resolveYear(dated, ref, ctx.tense);
  }
  const y = formatYear(year);
  let value: string;
  if (spec.holiday) {
    const day = dateOfHoliday(HOLIDAYS[spec.holiday].rule, year);
    value = spec.weekOf ? formatWeek(day) : formatDay(day) + suffix;
  } else if (spec.month !== undefined && spec.day !== undefined && spec.weekOf) value = formatWeek({ year, month: spec.month, day: spec.day });
  else if (spec.month !== undefined && spec.day !== undefined) value = `${formatMonth(year, spec.month)}-${String(spec.day).padStart(2, '0')}${suffix}`;
  else if (spec.month !== undefined) value = formatMonth(year, spec.month);
  else if (spec.quarter !== undefined) value = `${y}-Q${spec.quarter}`;
  else if (spec.quarterOfPrevious && /-Q[1-4]$/.test(ctx.previousValue ?? '')) value = `${y}${ctx.previousValue!.slice(-3)}`;
  else if (spec.half !== undefined) value = `${y}-H${spec.half}`;
  else if (spec.season !== undefined) value = `${y}-${spec.season}`;
  else value = y;
  return { type, value, anchor, inferred };
}

/**
 * The year of a year-less date. "last"/"next" pick the previous/next
 * occurrence. Otherwise the occurrence nearest to the reference, with the
 * clause's tense as a handicap in months (HeidelTime's news mode compares
 * the month with the DCT's the same way):
 *
 * - past reporting keeps a date out of the future (issue 2's convention:
 *   "fell on 12 December", published 6 November, is last December); a
 *   deadline is not past ("extended to Nov. 20" is read without tense, see
 *   the time stage);
 * - future reporting moves a date forward only when that is not much
 *   further away: "expects to report third-quarter results" published in
 *   October is the quarter just ended, "will meet in March" published in
 *   February is this March.
 */
const PAST_HANDICAP = 12;
const FUTURE_HANDICAP = 6;
function resolveYear(spec: Extract<TimeSpec, { kind: 'calendar' }>, ref: YMD, tense: Tense): number {
  // Signed distance from the reference to the date in `year`, in months, at the granularity the text gave.
  const distance = (year: number): number => {
    const years = (year - ref.year) * 12;
    // "the week of March 6", "Easter week": a week is as near as its Monday; the reference's own week is distance 0.
    if (spec.weekOf && spec.month !== undefined && spec.day !== undefined) {
      const date = { year, month: spec.month, day: spec.day };
      return daysBetween(addDays(ref, 1 - isoWeekday(ref)), addDays(date, 1 - isoWeekday(date))) / 30.44;
    }
    if (spec.month !== undefined) return years + (spec.month - ref.month) + (spec.day !== undefined ? (spec.day - ref.day) / 31 : 0);
    if (spec.quarter !== undefined) return years + (spec.quarter - quarterOf(ref.month)) * 3;
    if (spec.half !== undefined) return years + (spec.half - (ref.month > 6 ? 2 : 1)) * 6;
    if (spec.season !== undefined) return years + (seasonIndex(spec.season) - seasonIndex(seasonOf(ref.month))) * 3;
    return 0;
  };
  const p = distance(ref.year);
  if (spec.yearShift === 'last') return p >= 0 ? ref.year - 1 : ref.year;
  if (spec.yearShift === 'next') return p <= 0 ? ref.year + 1 : ref.year;
  if (spec.yearShift === 'this') return ref.year;
  // "Monday, Oct. 26": a stated weekday fits one year in seven; among the nearby years, the one it fits decides.
  const { month, day, weekday } = spec;
  const fitting = month !== undefined && day !== undefined && weekday !== undefined
    ? [ref.year - 1, ref.year, ref.year + 1].filter((year) => isoWeekday({ year, month, day }) === weekday)
    : [];
  if (fitting.length === 1) return fitting[0]!;
  let best = ref.year;
  let bestScore = Infinity;
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const d = distance(year);
    const score = Math.abs(d) + (tense === 'past' && d > 0 ? PAST_HANDICAP : 0) + (tense === 'future' && d < 0 ? FUTURE_HANDICAP : 0);
    if (score < bestScore) {
      best = year;
      bestScore = score;
    }
  }
  return best;
}

const monthDay = (d: YMD): { month: number; day: number } => ({ month: d.month, day: d.day });

function seasonIndex(season: string): number {
  return { WI: 0, SP: 1, SU: 2, FA: 3 }[season] ?? 0;
}
function seasonOf(month: number): string {
  return month <= 2 || month === 12 ? 'WI' : month <= 5 ? 'SP' : month <= 8 ? 'SU' : 'FA';
}

function normaliseRelative(spec: Extract<TimeSpec, { kind: 'relative' }>, ref: YMD, ctx: NormaliseContext): Omit<Normalised, 'anchor'> {
  const n = spec.offset;
  switch (spec.unit) {
    case 'second': case 'minute': case 'hour':
      return { type: 'TIME', value: formatDay(ref), inferred: ['year', 'month', 'day'] };
    case 'day': case 'night': {
      const part = spec.partOfDay ?? (spec.unit === 'night' ? 'NI' : undefined);
      return { type: part ? 'TIME' : 'DATE', value: formatDay(addDays(ref, n)) + (part ? `T${part}` : ''), inferred: ['year', 'month', 'day'] };
    }
    case 'week': case 'fortnight':
      return { type: 'DATE', value: formatWeek(addDays(ref, 7 * n)), inferred: ['year', 'week'] };
    case 'weekend': {
      // "at the weekend" in past reporting on a weekday is the weekend before (news convention); in future reporting, the coming one.
      const shift = n === 0 && ctx.tense !== 'future' && isoWeekday(ref) < 6 ? -1 : n;
      return { type: 'DATE', value: `${formatWeek(addDays(ref, 7 * shift))}-WE`, inferred: ['year', 'week'] };
    }
    case 'month':
      return { type: 'DATE', value: formatMonth(addMonths(ref, n).year, addMonths(ref, n).month), inferred: ['year', 'month'] };
    case 'quarter': {
      if (spec.quarterInFocus && ctx.quarterInFocus) return { type: 'DATE', value: ctx.quarterInFocus, inferred: ['year'] };
      const index = ref.year * 4 + quarterOf(ref.month) - 1 + n;
      return { type: 'DATE', value: `${formatYear(Math.floor(index / 4))}-Q${(index % 4) + 1}`, inferred: ['year'] };
    }
    case 'half': {
      const index = ref.year * 2 + (ref.month > 6 ? 1 : 0) + n;
      return { type: 'DATE', value: `${formatYear(Math.floor(index / 2))}-H${(index % 2) + 1}`, inferred: ['year'] };
    }
    case 'season': {
      const index = ref.year * 4 + seasonIndex(seasonOf(ref.month)) + n;
      return { type: 'DATE', value: `${formatYear(Math.floor(index / 4))}-${['WI', 'SP', 'SU', 'FA'][index % 4]}`, inferred: ['year'] };
    }
    case 'year': {
      if (spec.quarterInFocus) {
        const focus = ctx.quarterInFocus ?? normaliseRelative({ kind: 'relative', unit: 'quarter', offset: -1 }, ref, ctx).value;
        const m = /^(\d{4})-Q([1-4])$/.exec(focus ?? '');
        if (m) return { type: 'DATE', value: `${formatYear(Number(m[1]) + n)}-Q${m[2]}`, inferred: ['year'] };
      }
      const quarter = spec.inheritGranularity ? /^(\d{4})-Q([1-4])$/.exec(ctx.previousValue ?? '') : null;
      if (quarter) return { type: 'DATE', value: `${formatYear(Number(quarter[1]) + n)}-Q${quarter[2]}`, inferred: ['year'] };
      return { type: 'DATE', value: formatYear(ref.year + n), inferred: ['year'] };
    }
    case 'decade':
      return { type: 'DATE', value: String(Math.floor(ref.year / 10) + n), inferred: ['year'] };
    case 'century':
      return { type: 'DATE', value: String(Math.floor(ref.year / 100) + n), inferred: ['year'] };
  }
}
