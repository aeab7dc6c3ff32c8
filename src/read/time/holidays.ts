import { addDays, isoWeekday, type YMD } from './calendar.js';

/**
 * Holidays as data: each named day and the rule that puts it in a given
 * Gregorian year. TimeML 1.2.1 (guidelines §2.2.1) normalises a named day
 * like any date ("Christmas" → XXXX-12-25, resolved to a year like "Dec. 25");
 * the table follows HeidelTime's holiday resource (`normHoliday`, English),
 * which writes fixed days as dates and movable ones as rules (nth weekday of
 * a month, Easter ± days). Kept as a TypeScript table, not a file under
 * data/: the stage does no I/O, and the build's root is `src` (a JSON import
 * from data/ would fall outside it). Sources are given per entry.
 *
 * @example dateOfHoliday(HOLIDAYS.thanksgiving.rule, 1999) // => { year: 1999, month: 11, day: 25 }
 */
export type HolidayRule =
  /** The same month and day every year. */
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number }
  /** The nth (1..5, or -1 = last) given ISO weekday of a month. */
  | { readonly kind: 'nth-weekday'; readonly month: number; readonly weekday: number; readonly n: number }
  /** The first given weekday on or after a day of a month ("the Tuesday after the first Monday" = first Tuesday on or after the 2nd). */
  | { readonly kind: 'weekday-on-or-after'; readonly month: number; readonly day: number; readonly weekday: number }
  /** Days from Easter Sunday: Western (Gregorian computus) or Orthodox (Julian computus, given as a Gregorian date). */
  | { readonly kind: 'easter'; readonly church: 'western' | 'orthodox'; readonly offset: number }
  /** A day of the tabular Islamic calendar (arithmetic; the observed day follows the moon and can differ by a day or two). */
  | { readonly kind: 'hijri'; readonly month: number; readonly day: number };

export interface Holiday {
  readonly rule: HolidayRule;
  /** Where the date comes from. */
  readonly source: string;
  /** The observed date depends on sighting the moon: the value is approximate (TIMEX3 mod APPROX). */
  readonly approximate?: boolean;
}

const US_LAW = '5 U.S.C. § 6103 (US federal holidays)';
const COMPUTUS = 'Easter computus (Meeus/Jones/Butcher Gregorian algorithm; Meeus Julian algorithm for the Orthodox date)';
const TABULAR_HIJRI = 'tabular Islamic calendar (civil epoch 16 July 622 Julian, 11 leap years in 30); observed dates follow moon sighting';

/** Holidays by key; the extractor maps the names in text to these keys. */
export const HOLIDAYS = {
  'new-year': { rule: { kind: 'fixed', month: 1, day: 1 }, source: US_LAW },
  'new-year-eve': { rule: { kind: 'fixed', month: 12, day: 31 }, source: 'Gregorian calendar' },
  christmas: { rule: { kind: 'fixed', month: 12, day: 25 }, source: US_LAW },
  'christmas-eve': { rule: { kind: 'fixed', month: 12, day: 24 }, source: 'Gregorian calendar' },
  'boxing-day': { rule: { kind: 'fixed', month: 12, day: 26 }, source: 'UK Banking and Financial Dealings Act 1971, Sched. 1' },
  // 25 December of the Julian calendar, 7 January Gregorian from 1901 to 2099 (Russian, Serbian, Georgian churches; Ukraine's
  // church and state moved Christmas to 25 December in 2023).
  'orthodox-christmas': { rule: { kind: 'fixed', month: 1, day: 7 }, source: 'Julian calendar 25 December = Gregorian 7 January (1901–2099)' },
  easter: { rule: { kind: 'easter', church: 'western', offset: 0 }, source: COMPUTUS },
  'good-friday': { rule: { kind: 'easter', church: 'western', offset: -2 }, source: COMPUTUS },
  'easter-monday': { rule: { kind: 'easter', church: 'western', offset: 1 }, source: COMPUTUS },
  'palm-sunday': { rule: { kind: 'easter', church: 'western', offset: -7 }, source: COMPUTUS },
  'orthodox-easter': { rule: { kind: 'easter', church: 'orthodox', offset: 0 }, source: COMPUTUS },
  thanksgiving: { rule: { kind: 'nth-weekday', month: 11, weekday: 4, n: 4 }, source: `${US_LAW}: fourth Thursday in November` },
  'canadian-thanksgiving': { rule: { kind: 'nth-weekday', month: 10, weekday: 1, n: 2 }, source: 'Canada Holidays Act: second Monday in October' },
  // "The Tuesday next after the first Monday in November" = the first Tuesday on or after 2 November.
  'election-day': { rule: { kind: 'weekday-on-or-after', month: 11, day: 2, weekday: 2 }, source: '2 U.S.C. § 7 (US federal Election Day)' },
  'memorial-day': { rule: { kind: 'nth-weekday', month: 5, weekday: 1, n: -1 }, source: `${US_LAW}: last Monday in May` },
  'labor-day': { rule: { kind: 'nth-weekday', month: 9, weekday: 1, n: 1 }, source: `${US_LAW}: first Monday in September` },
  'mlk-day': { rule: { kind: 'nth-weekday', month: 1, weekday: 1, n: 3 }, source: `${US_LAW}: third Monday in January` },
  'presidents-day': { rule: { kind: 'nth-weekday', month: 2, weekday: 1, n: 3 }, source: `${US_LAW}: third Monday in February` },
  'veterans-day': { rule: { kind: 'fixed', month: 11, day: 11 }, source: US_LAW },
  // Armistice Day / Remembrance Day: the 1918 armistice.
  'armistice-day': { rule: { kind: 'fixed', month: 11, day: 11 }, source: 'Armistice of 11 November 1918' },
  halloween: { rule: { kind: 'fixed', month: 10, day: 31 }, source: 'Gregorian calendar' },
  'valentines-day': { rule: { kind: 'fixed', month: 2, day: 14 }, source: 'Gregorian calendar' },
  'may-day': { rule: { kind: 'fixed', month: 5, day: 1 }, source: 'International Workers\' Day' },
  'bastille-day': { rule: { kind: 'fixed', month: 7, day: 14 }, source: 'French law of 6 July 1880' },
  // Victory Day: 9 May in Russia and most former Soviet states (the surrender took effect after midnight Moscow time);
  // VE Day is 8 May (Western Europe; Ukraine's day of remembrance and victory since 2023).
  'victory-day': { rule: { kind: 'fixed', month: 5, day: 9 }, source: 'Russian Federal Law 32-FZ of 13 March 1995, art. 1' },
  've-day': { rule: { kind: 'fixed', month: 5, day: 8 }, source: 'German Instrument of Surrender, 8 May 1945' },
  'defender-of-the-fatherland-day': { rule: { kind: 'fixed', month: 2, day: 23 }, source: 'Russian Federal Law 32-FZ of 13 March 1995, art. 1' },
  'defenders-day-ukraine': { rule: { kind: 'fixed', month: 10, day: 1 }, source: 'Decree of the President of Ukraine 806/2014 (14 Oct.; 1 Oct. since 2023, Law 3107-IX)' },
  // Independence days, by country (the extractor needs the country named beside the holiday).
  'independence-us': { rule: { kind: 'fixed', month: 7, day: 4 }, source: US_LAW },
  'independence-ukraine': { rule: { kind: 'fixed', month: 8, day: 24 }, source: 'Act of Declaration of Independence of Ukraine, 24 August 1991' },
  'independence-india': { rule: { kind: 'fixed', month: 8, day: 15 }, source: 'Indian Independence Act 1947' },
  'independence-pakistan': { rule: { kind: 'fixed', month: 8, day: 14 }, source: 'Indian Independence Act 1947 (Pakistan observes 14 August)' },
  'independence-mexico': { rule: { kind: 'fixed', month: 9, day: 16 }, source: 'Grito de Dolores, 16 September 1810' },
  'independence-georgia': { rule: { kind: 'fixed', month: 5, day: 26 }, source: 'Act of Independence of Georgia, 26 May 1918' },
  'independence-armenia': { rule: { kind: 'fixed', month: 9, day: 21 }, source: 'Armenian independence referendum, 21 September 1991' },
  'independence-lebanon': { rule: { kind: 'fixed', month: 11, day: 22 }, source: 'End of the French Mandate, 22 November 1943' },
  'independence-algeria': { rule: { kind: 'fixed', month: 7, day: 5 }, source: 'Algerian independence, 5 July 1962' },
  'independence-israel': { rule: { kind: 'fixed', month: 5, day: 14 }, source: 'Declaration of 14 May 1948 (observed on 5 Iyar of the Hebrew calendar: the Gregorian day varies)' },
  'eid-al-fitr': { rule: { kind: 'hijri', month: 10, day: 1 }, source: `1 Shawwal, ${TABULAR_HIJRI}`, approximate: true },
  'eid-al-adha': { rule: { kind: 'hijri', month: 12, day: 10 }, source: `10 Dhu al-Hijjah, ${TABULAR_HIJRI}`, approximate: true },
  'ramadan-start': { rule: { kind: 'hijri', month: 9, day: 1 }, source: `1 Ramadan, ${TABULAR_HIJRI}`, approximate: true },
  'ramadan-end': { rule: { kind: 'hijri', month: 9, day: 29 }, source: `29 Ramadan (the month has 29 or 30 days), ${TABULAR_HIJRI}`, approximate: true },
} as const satisfies Readonly<Record<string, Holiday>>;

export type HolidayKey = keyof typeof HOLIDAYS;

/** The Gregorian date of a holiday in `year`; for a Hijri day that falls twice in one year, the first. */
export function dateOfHoliday(rule: HolidayRule, year: number): YMD {
  switch (rule.kind) {
    case 'fixed':
      return { year, month: rule.month, day: rule.day };
    case 'nth-weekday': {
      if (rule.n > 0) {
        const first = { year, month: rule.month, day: 1 };
        return addDays(first, ((rule.weekday - isoWeekday(first) + 7) % 7) + 7 * (rule.n - 1));
      }
      const last = addDays({ year: rule.month === 12 ? year + 1 : year, month: rule.month === 12 ? 1 : rule.month + 1, day: 1 }, -1);
      return addDays(last, -((isoWeekday(last) - rule.weekday + 7) % 7));
    }
    case 'weekday-on-or-after': {
      const from = { year, month: rule.month, day: rule.day };
      return addDays(from, (rule.weekday - isoWeekday(from) + 7) % 7);
    }
    case 'easter':
      return addDays(rule.church === 'western' ? westernEaster(year) : orthodoxEaster(year), rule.offset);
    case 'hijri': {
      // The Hijri year advances about 1.0307 per Gregorian year; try the two candidates around it.
      const approx = Math.floor((year - 622) * 1.030684);
      for (const h of [approx - 1, approx, approx + 1, approx + 2]) {
        const d = fromJulianDay(hijriToJulianDay(h, rule.month, rule.day));
        if (d.year === year) return d;
      }
      return fromJulianDay(hijriToJulianDay(approx, rule.month, rule.day));
    }
  }
}

/** Western Easter Sunday (Meeus/Jones/Butcher algorithm). */
export function westernEaster(year: number): YMD {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** Orthodox Easter Sunday (Meeus Julian algorithm), as a Gregorian date (Julian + 13 days from 1900 to 2099). */
export function orthodoxEaster(year: number): YMD {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  const julianToGregorian = Math.floor(year / 100) - Math.floor(year / 400) - 2;
  return addDays({ year, month, day }, julianToGregorian);
}

/** Julian Day Number (at noon) of a tabular Hijri date (Fourmilab's calendar converter, civil epoch). */
function hijriToJulianDay(year: number, month: number, day: number): number {
  return day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439 ;
}

/** Gregorian date of a Julian Day Number (Richards' algorithm). */
function fromJulianDay(jdn: number): YMD {
  const f = jdn + 1401 + Math.floor((Math.floor((4 * jdn + 274277) / 146097) * 3) / 4) - 38;
  const e = 4 * f + 3;
  const g = Math.floor((e % 1461) / 4);
  const h = 5 * g + 2;
  const day = Math.floor((h % 153) / 5) + 1;
  const month = ((Math.floor(h / 153) + 2) % 12) + 1;
  const year = Math.floor(e / 1461) - 4716 + Math.floor((14 - month) / 12);
  return { year, month, day };
}
