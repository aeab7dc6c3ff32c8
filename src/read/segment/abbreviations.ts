import { z } from 'zod';

/**
 * Abbreviations after which a full stop does not end a sentence. Titles and
 * ranks are frequent in conflict reporting ("Lt. Gen.", "Col."), months in
 * dates ("Nov. 5"). Compared lower-cased, without the final stop.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'rev', 'hon', 'gov', 'sen', 'rep', 'pres', 'supt',
  'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'cdr', 'brig', 'lieut', 'insp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'no', 'nos', 'vol', 'vs', 'v', 'etc', 'approx', 'est', 'fig', 'al', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept',
  'univ', 'assn', 'ave', 'blvd', 'rd', 'sq', 'km', 'mi', 'oz', 'lb', 'lbs', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k',
  'u.n', 'e.u', 'ariz', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich',
  'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]);

/** The shape of data/segment/<language>/abbreviations.json, checked where it is loaded. */
export const AbbreviationListSchema = z.object({
  source: z.string().min(1),
  abbreviations: z.array(z.object({ form: z.string().min(1), meaning: z.string().min(1), unit: z.boolean().optional() })).min(1),
});

/**
 * A language's abbreviations (data/segment/<language>/abbreviations.json): after
 * one, a full stop does not end the sentence ("г. Курахово", "вул. Шевченка"),
 * except after a number where the abbreviation is a unit or a year ("в 2024 г.").
 */
export interface LanguageAbbreviations {
  readonly forms: ReadonlySet<string>;
  /** Of those, the ones that also follow a number as a unit or year, where the stop may end the sentence. */
  readonly units: ReadonlySet<string>;
}

/** Validates an abbreviation list and compiles it; forms are compared lower-cased without their final stop. */
export function compileAbbreviations(data: unknown): LanguageAbbreviations {
  const list = AbbreviationListSchema.parse(data).abbreviations;
  const norm = (form: string): string => form.toLowerCase().replace(/\.$/, '');
  return { forms: new Set(list.map((a) => norm(a.form))), units: new Set(list.filter((a) => a.unit).map((a) => norm(a.form))) };
}
