import { foldName, romanisationSkeleton } from './fold.js';

/**
 * Ukrainian national romanisation (Cabinet of Ministers of Ukraine resolution
 * no. 55 of 27 January 2010, the system of Ukraine's official maps and
 * passports, used by the English-language press since 2022): є ї й ю я are
 * ye yi y yu ya at the start of a word and ie i i iu ia elsewhere; зг is zgh;
 * the soft sign and the apostrophe are not written. Russian letters that
 * Ukrainian lacks are given their usual values (ы y, э e, ё e, ъ dropped) so
 * that a Russian form romanises too.
 *
 * @example romaniseUkrainian('Гуляйполе') // => 'Huliaipole'
 */
export function romaniseUkrainian(cyrillic: string): string {
  let out = '';
  const chars = [...cyrillic];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const lower = c.toLowerCase();
    const prev = i > 0 ? chars[i - 1]! : '';
    const initial = prev === '' || !/[\p{L}'’ʼ]/u.test(prev);
    let r: string;
    if (lower === 'г' && prev.toLowerCase() === 'з') r = 'gh';
    else if (initial && lower in INITIAL) r = INITIAL[lower]!;
    else if (lower in LETTERS) r = LETTERS[lower]!;
    else r = lower;
    if (c !== lower && r !== '') {
      // Capital letter: capitalise the first letter of its romanisation (Щ → Shch, not SHCH, inside a word).
      r = r[0]!.toUpperCase() + r.slice(1);
    }
    out += r;
  }
  return out;
}

const LETTERS: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '', '’': '', ʼ: '', ы: 'y', э: 'e', ё: 'e', ъ: '',
};
const INITIAL: Readonly<Record<string, string>> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

const CYRILLIC = /^[\p{Script=Cyrillic}\s'’ʼ\-]+$/u;
const UKRAINIAN_ONLY = /[іїєґ]/iu;
const RUSSIAN_ONLY = /[ыэёъ]/iu;
const APOSTROPHES = /['’ʼ`]/g;

/**
 * The label a place of Ukraine is shown with: the spelling the press uses.
 * GeoNames names many towns in a scholarly romanisation ("Kramators'k",
 * "Vovchans'k", "Hulyaypole") that no outlet writes; the press writes the
 * national 2010 romanisation of the Ukrainian name ("Kramatorsk", "Vovchansk",
 * "Huliaipole"). So: the 2010 romanisation of the Cyrillic alternate name that
 * is the same name as GeoNames' (same romanisation skeleton), the Ukrainian
 * form preferred; where none is, GeoNames' name without its apostrophes.
 *
 * @example pressLabel("Kramators'k", ['Краматорськ', 'Краматорск']) // => 'Kramatorsk'
 */
export function pressLabel(name: string, alternates: readonly string[]): string {
  const plain = name.replace(APOSTROPHES, '');
  const skeleton = romanisationSkeleton(foldName(name));
  let best: string | null = null;
  let bestRank = Infinity;
  for (const alt of alternates) {
    if (!CYRILLIC.test(alt)) continue;
    const latin = romaniseUkrainian(alt);
    if (romanisationSkeleton(foldName(latin)) !== skeleton) continue;
    // Closest to GeoNames' own spelling first (Житомир, not Belarusian Житомір, for "Zhytomyr"); then the Ukrainian form.
    const rank = editDistance(latin, plain) * 4 + (UKRAINIAN_ONLY.test(alt) ? 0 : RUSSIAN_ONLY.test(alt) ? 2 : 1);
    if (rank < bestRank) {
      best = latin;
      bestRank = rank;
    }
  }
  return best ?? plain;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
