import { HOLIDAYS, type HolidayKey } from './holidays.js';
import { compile, S, type ExtractionRule } from './rule.js';
import type { TimeSpec } from './time-spec.js';

/**
 * Extractor: named days — "Thanksgiving Day", "Christmas", "New Year's Day",
 * "Easter week", "last Thanksgiving", "Victory Day", "Ukraine's Independence
 * Day", "Eid al-Fitr", "Ramadan" — as dates from the holiday table
 * (holidays.ts). TimeML 1.2.1 §2.2.1 tags a named day as a DATE and
 * normalises it like a calendar date; a year-less one takes its year as
 * "Dec. 25" would (the nearest occurrence, kept out of the future in past
 * reporting); "last"/"next"/"this" shift it as they shift a month.
 */

const Q = String.raw`['’]`;
const NAMES = String.raw`New${S}Year${Q}s(?:${S}(?:Day|Eve))?|New${S}Year(?:${S}(?:Day|Eve))?|(?:Orthodox${S})?Christmas(?:${S}(?:Day|Eve))?|Boxing${S}Day|(?:Orthodox${S})?Easter(?:${S}(?:Sunday|Monday))?|Good${S}Friday|Palm${S}Sunday|(?:Canadian${S})?Thanksgiving(?:${S}Day)?|Election${S}Day|Memorial${S}Day|Labou?r${S}Day|Martin${S}Luther${S}King(?:${S}Jr\.?)?${S}Day|Presidents${Q}?${S}Day|Veterans${Q}?${S}Day|Armistice${S}Day|Remembrance${S}Day|Halloween|Valentine${Q}s${S}Day|May${S}Day|Bastille${S}Day|Victory${S}Day|V-?E${S}Day|Defender${S}of${S}the${S}Fatherland${S}Day|Defenders?${S}of${S}Ukraine${S}Day|Day${S}of${S}(?:the${S})?Defenders?${S}of${S}Ukraine|Independence${S}Day|Fourth${S}of${S}July|Eid(?:${S}|-)(?:al|ul|el)(?:${S}|-)(?:Fitr|Adha)|Ramadan`;

/** Words of a name that may be written in lower case ("Christmas eve", "Eid al-Fitr"); every other word must be capitalised. */
const MAY_BE_LOWER = /^(?:of|the|al|ul|el|eve|day|sunday|monday|jr\.?)$/;
/** Two-word names whose first word is an ordinary English word: the second must be capitalised too ("election day" is any election's). */
const COMMON_HEAD = /^(?:election|memorial|labou?r|veterans?['’]?|armistice|remembrance|may|victory|independence|boxing|presidents?['’]?)\s/i;

/** Country named beside "Independence Day" (the sentence around it) → the table's key. */
const INDEPENDENCE: ReadonlyArray<readonly [RegExp, HolidayKey]> = [
  [/\bUkrain(?:e|ian)/, 'independence-ukraine'],
  [/\b(?:America(?:n|ns)?|U\.S\.|United States)\b/, 'independence-us'],
  [/\bIndia(?:n|ns)?\b/, 'independence-india'],
  [/\bPakistan(?:i|is)?\b/, 'independence-pakistan'],
  [/\bMexic(?:o|an|ans)\b/, 'independence-mexico'],
  [/\bArmenia(?:n|ns)?\b/, 'independence-armenia'],
  [/\bGeorgia(?:n|ns)?\b/, 'independence-georgia'],
  [/\bLeban(?:on|ese)\b/, 'independence-lebanon'],
  [/\bAlgeria(?:n|ns)?\b/, 'independence-algeria'],
  [/\bIsrael(?:i|is)?\b/, 'independence-israel'],
];

function keyOf(name: string, text: string, start: number, end: number): HolidayKey | null {
  const n = name.toLowerCase().replace(/[\s\u00a0-]+/g, ' ').replace(/['’]/g, "'");
  if (n.startsWith('new year')) return /eve$/.test(n) ? 'new-year-eve' : 'new-year';
  if (n.startsWith('orthodox christmas')) return 'orthodox-christmas';
  if (n.startsWith('christmas')) return /eve$/.test(n) ? 'christmas-eve' : 'christmas';
  if (n === 'boxing day') return 'boxing-day';
  if (n.startsWith('orthodox easter')) return 'orthodox-easter';
  if (n.startsWith('easter')) return /monday$/.test(n) ? 'easter-monday' : 'easter';
  if (n === 'good friday') return 'good-friday';
  if (n === 'palm sunday') return 'palm-sunday';
  if (n.startsWith('canadian thanksgiving')) return 'canadian-thanksgiving';
  if (n.startsWith('thanksgiving')) return 'thanksgiving';
  if (n === 'election day') return 'election-day';
  if (n === 'memorial day') return 'memorial-day';
  if (/^labou?r day$/.test(n)) return 'labor-day';
  if (n.startsWith('martin luther king')) return 'mlk-day';
  if (n.startsWith('president')) return 'presidents-day';
  if (n.startsWith('veteran')) return 'veterans-day';
  if (n === 'armistice day' || n === 'remembrance day') return 'armistice-day';
  if (n === 'halloween') return 'halloween';
  if (n.startsWith('valentine')) return 'valentines-day';
  if (n === 'may day') return 'may-day';
  if (n === 'bastille day') return 'bastille-day';
  if (n === 'victory day') return 'victory-day';
  if (/^ve? ?e day$|^v e day$/.test(n)) return 've-day';
  if (n.startsWith('defender of the fatherland')) return 'defender-of-the-fatherland-day';
  if (n.includes('ukraine')) return 'defenders-day-ukraine';
  if (n === 'fourth of july') return 'independence-us';
  if (n === 'independence day') {
    // The country is named in the same sentence ("Ukraine's Independence Day", "Independence Day in Mexico"); with none the day is unknown.
    const from = Math.max(text.lastIndexOf('.', start - 2) + 1, start - 120);
    const stop = text.indexOf('.', end);
    const around = text.slice(from, Math.min(stop < 0 ? text.length : stop, end + 80));
    for (const [re, key] of INDEPENDENCE) if (re.test(around)) return key;
    return null;
  }
  if (/fitr$/.test(n)) return 'eid-al-fitr';
  if (/adha$/.test(n)) return 'eid-al-adha';
  if (n === 'ramadan') return 'ramadan-start';
  return null;
}

export const HOLIDAY_RULES: readonly ExtractionRule[] = [
  {
    name: 'holiday',
    pattern: compile(String.raw`(?:(?<shift>last|this|next|this${S}past|this${S}coming)${S})?(?<name>${NAMES})(?<week>${S}week)?(?:,?${S}(?<year>1[5-9]\d\d|20\d\d)(?![\d.,]\d))?`),
    build: (g, text, start, end) => {
      const name = g.name!;
      const words = name.split(/[\s\u00a0-]+/);
      if (!words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && MAY_BE_LOWER.test(w.toLowerCase())))) return null;
      if (COMMON_HEAD.test(name) && !/\s\p{Lu}\S*$/u.test(name)) return null;
      // "Christmas Island", "Easter Island", "Thanksgiving Point": a capitalised word after the name makes a place's name.
      if (!g.year && !g.week && /^\s+(?:Island|Islands|Rising|Offensive|Point)\b/.test(text.slice(end, end + 12))) return null;
      // "Chinese New Year", "Jewish New Year": another calendar's new year.
      if (/^new/i.test(name) && /(?:Chinese|Lunar|Jewish|Persian|Iranian|Islamic|Vietnamese|Tibetan|Korean|Orthodox|Hindu)[\s\u00a0]+$/.test(text.slice(Math.max(0, start - 12), start))) return null;
      const holiday = keyOf(name, text, start, end);
      if (!holiday) return null;
      const s = g.shift?.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
      const yearShift = s === 'last' || s === 'this past' ? 'last' : s === 'next' || s === 'this coming' ? 'next' : s === 'this' ? 'this' : undefined;
      const spec: TimeSpec = {
        kind: 'calendar', holiday, ...(g.year ? { year: Number(g.year) } : {}), ...(yearShift ? { yearShift } : {}), ...(g.week ? { weekOf: true } : {}),
      };
      const approximate = 'approximate' in HOLIDAYS[holiday];
      // Ramadan is a month of the Islamic calendar: the range from its first day to its last.
      const rangeEnd: TimeSpec | undefined = holiday === 'ramadan-start' && !g.week ? { ...spec, holiday: 'ramadan-end' } : undefined;
      return { spec, ...(approximate ? { mod: 'APPROX' as const } : {}), stated: g.year ? ['year', 'day'] : ['day'], ...(rangeEnd ? { rangeEnd } : {}) };
    },
  },
];
