import { z } from 'zod';
import type { TimexMod } from '../../model/index.js';
import type { TimeUnit } from './lexicon.js';

const forms = z.array(z.string().min(1)).min(1);
const group = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ source: z.string().min(1), entries: z.array(z.object({ value, forms })).min(1) });
const words = z.object({ source: z.string().min(1), forms });
const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century'] as const;
const MODS = ['START', 'MID', 'END', 'APPROX', 'MORE_THAN', 'LESS_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE'] as const;

/** The shape of data/time/<language>/lexicon.json, checked where it is loaded. */
export const TimeLexiconSchema = z.object({
  language: z.string().min(2),
  months: z.object({
    source: z.string().min(1),
    entries: z.array(z.object({ value: z.number().int().min(1).max(12), forms, abbreviations: z.array(z.string().min(1)).optional() })).length(12),
  }),
  weekdays: group(z.number().int().min(1).max(7)),
  /** `whole`: the unit is one whole day and night ("сутки", "доба"): after a past shift it is an amount (P1D). */
  units: z.object({
    source: z.string().min(1),
    entries: z.array(z.object({ value: z.enum(UNITS), forms, whole: z.boolean().optional() })).min(1),
  }),
  yearWords: words,
  numbers: group(z.number().nullable()),
  fixedDurations: group(z.string().regex(/^P/)),
  deictic: group(z.number().int()),
  partsOfDay: group(z.enum(['MO', 'AF', 'EV', 'NI', 'DT'])),
  references: group(z.enum(['PRESENT_REF', 'PAST_REF', 'FUTURE_REF'])),
  shifts: group(z.number().int().min(-1).max(1)),
  periodModifiers: group(z.enum(['START', 'MID', 'END'])),
  amountModifiers: group(z.enum(MODS)),
  seasons: group(z.enum(['SP', 'SU', 'FA', 'WI'])),
  seasonAdverbs: words,
  sets: group(z.string().regex(/^P/)),
  /** "в ночь на", "у ніч проти": the night before the day that follows. */
  nightBefore: words,
  /** One word for last year ("торік"); optional. */
  lastYear: words.optional(),
  /** One word for this year ("цьогоріч"); optional. */
  thisYear: words.optional(),
  ago: words,
  later: words,
  durationPrepositions: words,
  rangeStarts: words,
  rangeEnds: words,
  datePrepositions: words,
  deadlinePrepositions: words,
  comparisons: words,
  futureWords: words,
});

/**
 * A language's time vocabulary compiled for the rules of create-lexicon-rules.ts:
 * for each group, a regex source alternating its forms (longest first) and a
 * lookup from a matched form (see `key`) to its value.
 */
export interface TimeLexicon {
  readonly language: string;
  readonly months: Vocabulary<number>;
  readonly monthAbbreviations: Vocabulary<number>;
  readonly weekdays: Vocabulary<number>;
  readonly units: Vocabulary<{ readonly unit: TimeUnit; readonly whole: boolean }>;
  readonly yearWords: Vocabulary<true>;
  readonly numbers: Vocabulary<number | null>;
  readonly fixedDurations: Vocabulary<string>;
  readonly deictic: Vocabulary<number>;
  readonly partsOfDay: Vocabulary<string>;
  readonly references: Vocabulary<string>;
  readonly shifts: Vocabulary<number>;
  readonly periodModifiers: Vocabulary<TimexMod>;
  readonly amountModifiers: Vocabulary<TimexMod>;
  readonly seasons: Vocabulary<string>;
  /** Season words that are a time by themselves ("летом", "навесні"); the others need a year or a preposition. */
  readonly seasonAdverbs: Vocabulary<true>;
  readonly sets: Vocabulary<string>;
  readonly lastYear: Vocabulary<true>;
  readonly thisYear: Vocabulary<true>;
  readonly nightBefore: Vocabulary<true>;
  readonly ago: Vocabulary<true>;
  readonly later: Vocabulary<true>;
  readonly durationPrepositions: Vocabulary<true>;
  readonly rangeStarts: Vocabulary<true>;
  readonly rangeEnds: Vocabulary<true>;
  readonly datePrepositions: Vocabulary<true>;
  readonly deadlinePrepositions: Vocabulary<true>;
  /** "как и", "як і": a reference word after them compares ("як і раніше", as before) and is no time. */
  readonly comparisons: Vocabulary<true>;
  readonly futureWords: Vocabulary<true>;
}

export interface Vocabulary<T> {
  /** Regex source: the forms, longest first, white space as `[\s\u00a0]+`, an apostrophe as any of ' ’ ʼ. */
  readonly re: string;
  readonly get: (matched: string) => T | undefined;
}

/** The lookup key of a form or of matched text: lower case, ё as е, apostrophes as ', white space as one space. */
export function key(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ`]/g, "'").replace(/[\s\u00a0]+/g, ' ').replace(/\.$/, '').trim();
}

function vocabulary<T>(pairs: ReadonlyArray<readonly [string, T]>): Vocabulary<T> {
  const map = new Map<string, T>();
  for (const [form, value] of pairs) if (!map.has(key(form))) map.set(key(form), value);
  const sources = [...new Set(pairs.map(([form]) => form))]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`[\s\u00a0]+`).replace(/['’ʼ]/g, "['’ʼ]").replace(/[её]/g, '[её]'));
  return { re: sources.length ? `(?:${sources.join('|')})` : '(?!)', get: (matched) => map.get(key(matched)) };
}

const entriesOf = <T>(g: { entries: ReadonlyArray<{ value: T; forms: readonly string[] }> }): Array<readonly [string, T]> =>
  g.entries.flatMap((e) => e.forms.map((f) => [f, e.value] as const));
const wordsOf = (g: { forms: readonly string[] }): Array<readonly [string, true]> => g.forms.map((f) => [f, true] as const);

/** Validates a data/time/<language>/lexicon.json and compiles it; throws with the file's problem on bad data. */
export function compileTimeLexicon(data: unknown): TimeLexicon {
  const d = TimeLexiconSchema.parse(data);
  return {
    language: d.language,
    months: vocabulary(entriesOf(d.months)),
    monthAbbreviations: vocabulary(d.months.entries.flatMap((e) => (e.abbreviations ?? []).map((f) => [f, e.value] as const))),
    weekdays: vocabulary(entriesOf(d.weekdays)),
    units: vocabulary(d.units.entries.flatMap((e) => e.forms.map((f) => [f, { unit: e.value, whole: e.whole ?? false }] as const))),
    yearWords: vocabulary(wordsOf(d.yearWords)),
    numbers: vocabulary(entriesOf(d.numbers)),
    fixedDurations: vocabulary(entriesOf(d.fixedDurations)),
    deictic: vocabulary(entriesOf(d.deictic)),
    partsOfDay: vocabulary(entriesOf(d.partsOfDay)),
    references: vocabulary(entriesOf(d.references)),
    shifts: vocabulary(entriesOf(d.shifts)),
    periodModifiers: vocabulary(entriesOf(d.periodModifiers)),
    amountModifiers: vocabulary(entriesOf(d.amountModifiers)),
    seasons: vocabulary(entriesOf(d.seasons)),
    seasonAdverbs: vocabulary(wordsOf(d.seasonAdverbs)),
    sets: vocabulary(entriesOf(d.sets)),
    lastYear: vocabulary(d.lastYear ? wordsOf(d.lastYear) : []),
    thisYear: vocabulary(d.thisYear ? wordsOf(d.thisYear) : []),
    nightBefore: vocabulary(wordsOf(d.nightBefore)),
    ago: vocabulary(wordsOf(d.ago)),
    later: vocabulary(wordsOf(d.later)),
    durationPrepositions: vocabulary(wordsOf(d.durationPrepositions)),
    rangeStarts: vocabulary(wordsOf(d.rangeStarts)),
    rangeEnds: vocabulary(wordsOf(d.rangeEnds)),
    datePrepositions: vocabulary(wordsOf(d.datePrepositions)),
    deadlinePrepositions: vocabulary(wordsOf(d.deadlinePrepositions)),
    comparisons: vocabulary(wordsOf(d.comparisons)),
    futureWords: vocabulary(wordsOf(d.futureWords)),
  };
}
