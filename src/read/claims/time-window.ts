import type { DateWindow } from '../../model/index.js';
import { addDays, dayMs, isoDay } from '../../model/date-window.js';

// Day arithmetic lives in model/ (the ledger uses it too); re-exported for the reading pipeline.
export { addDays, dayMs, isoDay, windowsOverlap } from '../../model/date-window.js';

const DAY = 86_400_000;

/**
 * The calendar days a TIMEX3 value covers (TimeML 1.2.1 §2.2 value forms):
 * `2025-11-05`, `2025-11-06TMO` (a day), `2025-W44` (ISO week), `2025-10`
 * (month), `2025-Q4`, `2024` (year). A duration (`P1D`, `P2W`) is a window
 * ending at `anchor` (the statement date: "in the past day"). Anything else
 * (PAST_REF, unresolved) gives null.
 *
 * @example timexWindow('2025-W44') // => { start: '2025-10-27', end: '2025-11-02' }
 */
export function timexWindow(value: string | null | undefined, anchor?: string | null): DateWindow | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return { start: m[0], end: m[0] };
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    // ISO 8601: week 1 holds the year's first Thursday; Jan 4 is always in it.
    const jan4 = Date.UTC(year, 0, 4);
    const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    const start = mondayOfWeek1 + (week - 1) * 7 * DAY;
    return { start: isoDay(start), end: isoDay(start + 6 * DAY) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { start: isoDay(Date.UTC(year, month - 1, 1)), end: isoDay(Date.UTC(year, month, 0)) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    return { start: isoDay(Date.UTC(year, (q - 1) * 3, 1)), end: isoDay(Date.UTC(year, q * 3, 0)) };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^P(\d+)([DWMY])$/.exec(value);
  if (m && anchor) {
    const n = Number(m[1]);
    const days = m[2] === 'D' ? n : m[2] === 'W' ? 7 * n : m[2] === 'M' ? 30 * n : 365 * n;
    const end = anchor.slice(0, 10);
    if (Number.isNaN(dayMs(end))) return null;
    return { start: addDays(end, -days), end };
  }
  return null;
}

