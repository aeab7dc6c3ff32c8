/**
 * Name folding shared by the gazetteer compiler, the importer and the places
 * stage, so that a name is written into the index and looked up from the text
 * in exactly the same form.
 */

const ASCII_WORD = /^[A-Za-z0-9]+$/;

const LETTER_MAP: Readonly<Record<string, string>> = {
  ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd', ħ: 'h',
};

/**
 * Case, diacritics, apostrophes and dashes folded: "Pokrovs’k" and "POKROVSK"
 * both give "pokrovsk"; "Ivano-Frankivsk" gives "ivano frankivsk". Cyrillic is
 * kept as Cyrillic (GeoNames lists Cyrillic forms as alternate names), with its
 * marks folded too (й → и, ї → і, ё → е), as typed text often lacks them.
 *
 * @example foldName('Sant Julià de Lòria') // => 'sant julia de loria'
 */
export function foldName(name: string): string {
  // Most tokens are plain ASCII words: nothing to fold but case.
  if (ASCII_WORD.test(name)) return name.toLowerCase();
  let s = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.replace(/[ßøłđæœıþðħ]/g, (c) => LETTER_MAP[c] ?? c);
  s = s.replace(/['’‘`ʼʹ′´]/g, '').replace(/[‐‑–—\-_/]/g, ' ').replace(/[.,()]/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A coarser key for the romanisation variants of East Slavic names, used only
 * as a fallback for entries in UA, RU, BY and KZ: "Kostiantynivka" and
 * "Kostyantynivka", "Huliaipole" and "Gulyaipole", "Kupiansk" and "Kupyansk"
 * share one skeleton. The transliteration systems in use (national Ukrainian
 * 2010, BGN/PCGN, scholarly) differ mainly in y/i/j for й, я, ю, ї, in g/h for
 * Ukrainian г, kh/h for х and doubled consonants.
 */
export function romanisationSkeleton(folded: string): string {
  return folded
    .replace(/kh/g, 'h')
    .replace(/g/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/ii+/g, 'i')
    .replace(/([bcdfhklmnprstvwxz])\1+/g, '$1');
}

/** Countries whose names get a romanisation skeleton (see romanisationSkeleton). */
export const SKELETON_COUNTRIES: ReadonlySet<string> = new Set(['UA', 'RU', 'BY', 'KZ', 'MD']);

/** True where an alternate name is written in a script the text may use (Latin or Cyrillic). */
export function isUsableScript(name: string): boolean {
  return /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’ʼ.\-()]+$/u.test(name);
}
