import type { DateWindow } from './claim.js';

/** Day arithmetic on ISO dates (UTC), shared by the reading pipeline and the ledger. */

const DAY = 86_400_000;

/** ISO date (YYYY-MM-DD) of a UTC millisecond time. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds of an ISO date's UTC midnight, or NaN. */
export function dayMs(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  return isoDay(dayMs(date) + days * DAY);
}

/** Whether two windows overlap once each is extended by `slackDays` at its end (a state lasts a while after it is reported). */
export function windowsOverlap(a: DateWindow, b: DateWindow, slackDays = 0): boolean {
  return a.start <= addDays(b.end, slackDays) && b.start <= addDays(a.end, slackDays);
}
