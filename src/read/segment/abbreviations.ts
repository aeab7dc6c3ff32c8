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
