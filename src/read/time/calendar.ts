/**
 * Calendar arithmetic on plain dates (proleptic Gregorian, UTC): no clock,
 * no time zone. Values are formatted the TIMEX3 way (TimeML 1.2.1 §2.2.1).
 */

export interface YMD {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

function toMs(d: YMD): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromMs(ms: number): YMD {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Parses the date part of an ISO 8601 date or date-time (`2025-11-06`, `1998-11-20T19:30`); null if it is not one. */
export function parseIsoDate(iso: string | null | undefined): YMD | null {
  if (!iso) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(iso);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return null;
  return d;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(d: YMD, n: number): YMD {
  return fromMs(toMs(d) + n * DAY_MS);
}

/** Adds months, clamping the day to the end of the month. */
export function addMonths(d: YMD, n: number): YMD {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function isoWeekday(d: YMD): number {
  const w = new Date(toMs(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(d: YMD): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor((toMs(thursday) - toMs(jan1)) / DAY_MS / 7) + 1;
  return { year: thursday.year, week };
}

export function compareYmd(a: YMD, b: YMD): number {
  return toMs(a) - toMs(b);
}

export function daysBetween(a: YMD, b: YMD): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatYear(year: number): string {
  return year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
}
export function formatMonth(year: number, month: number): string {
  return `${formatYear(year)}-${pad(month)}`;
}
export function formatDay(d: YMD): string {
  return `${formatMonth(d.year, d.month)}-${pad(d.day)}`;
}
export function formatWeek(d: YMD): string {
  const w = isoWeek(d);
  return `${formatYear(w.year)}-W${pad(w.week)}`;
}
export function formatTime(hour: number, minute: number | null): string {
  return minute === null ? pad(hour) : `${pad(hour)}:${pad(minute)}`;
}
