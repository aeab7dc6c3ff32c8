import { foldName } from '../../gazetteer/fold.js';

/**
 * Case endings of one language (data/places/<lang>/case-endings.tsv): an oblique
 * ending → the nominative endings it may stand for, folded as names are, longest
 * oblique ending first; `inner` rules apply only to a word that another word of the
 * name follows (a plural adjective: "Сполучених" in "Сполучених Штатах", never alone).
 */
export type CaseEndings = ReadonlyArray<readonly [oblique: string, nominatives: readonly string[], inner?: boolean]>;

/** Parses a case-endings file (`oblique<TAB>nominative|nominative[<TAB>inner]`, `#` comments); throws naming the line. */
export function parseCaseEndings(text: string, file = 'case-endings.tsv'): CaseEndings {
  const rules = new Map<string, { oblique: string; list: string[]; inner: boolean }>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const cols = line.split('\t');
    const oblique = foldEnding(cols[0] ?? '');
    if (oblique === '' || cols.length < 2 || cols.length > 3 || (cols.length === 3 && cols[2] !== 'inner')) {
      throw new Error(`${file}:${i + 1}: expected 'oblique ending<TAB>nominative endings (| separated)', optionally '<TAB>inner'`);
    }
    const inner = cols[2] === 'inner';
    const rule = rules.get(`${oblique}\t${inner}`) ?? rules.set(`${oblique}\t${inner}`, { oblique, list: [], inner }).get(`${oblique}\t${inner}`)!;
    for (const n of cols[1]!.split('|')) {
      const folded = foldEnding(n);
      if (!rule.list.includes(folded)) rule.list.push(folded);
    }
  });
  return [...rules.values()].map((r) => (r.inner ? [r.oblique, r.list, true] as const : [r.oblique, r.list] as const))
    .sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
}

/** Endings are folded letter by letter (й → и, ї → і), the way foldName folds a whole name. */
function foldEnding(ending: string): string {
  return ending.trim() === '' ? '' : foldName(`ж${ending.trim()}`).slice(1);
}

/**
 * The nominative forms a folded Cyrillic word may be an oblique case of, by the
 * language's case endings: "покровске" → ["покровск", "покровско", ...]. The
 * word itself is not among them; a form keeps four letters.
 *
 * @example caseFormCandidates('авдеевкои', ruEndings) // => [..., 'авдеевка', ...]
 */
export function caseFormCandidates(folded: string, endings: CaseEndings, inner = false): readonly string[] {
  // The same words come back in every document ("України", "області"): candidates are kept per endings
  // table (a cache of a pure function; bounded, so a long run does not grow it without end).
  let cache = CACHE.get(endings);
  if (cache === undefined) CACHE.set(endings, (cache = new Map()));
  const cacheKey = inner ? `${folded}\t` : folded;
  const known = cache.get(cacheKey);
  if (known !== undefined) return known;
  if (cache.size > 100_000) cache.clear();
  const out = computeCandidates(folded, endings, inner);
  cache.set(cacheKey, out);
  return out;
}

const CACHE = new WeakMap<CaseEndings, Map<string, string[]>>();

function computeCandidates(folded: string, endings: CaseEndings, inner: boolean): string[] {
  const out: string[] = [];
  const add = (form: string): void => {
    // Short names stay as written ("Київ" ← "Києва" has a stem of two letters, a four-letter name).
    if (form.length >= 4 && form !== folded && !out.includes(form)) out.push(form);
  };
  for (const [oblique, nominatives, innerOnly] of endings) {
    if (!folded.endsWith(oblique) || (innerOnly === true && !inner)) continue;
    const stem = folded.slice(0, folded.length - oblique.length);
    if (stem.length < 2) continue;
    for (const n of nominatives) {
      add(stem + n);
      // The fleeting vowel of both languages: a nominative that ends in a consonant keeps an е or о before
      // its last consonant that the other cases drop (Єгипет → Єгипту, Египет → Египте).
      if (n === '' && oblique !== '' && FLEETING_CLUSTER.test(stem)) for (const v of ['е', 'о']) add(`${stem.slice(0, -1)}${v}${stem.slice(-1)}`);
    }
  }
  return out;
}

/** Two consonants at the end of a stem, the second of which may follow a fleeting vowel in the nominative. */
const FLEETING_CLUSTER = /[бвгґджзклмнпрстфхцчшщ][бвгґджзклмнпрстфхцчшщ]$/u;

/** Adjectival endings of both languages, folded, longest first ("покровского" → "покровск"). */
const ADJECTIVE_ENDINGS = ['ыми', 'ими', 'ого', 'его', 'ому', 'ему', 'ьої', 'ьоі', 'ими', 'ых', 'их', 'ым', 'им', 'ом', 'ем', 'ои', 'еи', 'ая', 'яя', 'ую', 'юю', 'ое', 'ее', 'ыи', 'ии', 'ою', 'ею', 'оі', 'ій', 'ім', 'іх', 'ий', 'а', 'я', 'у', 'ю', 'е', 'і']
  .map(foldEnding).sort((a, b) => b.length - a.length);

/**
 * The town names a place adjective may come from ("покровское направление" →
 * "покровск"; "бахмутского" → "бахмут"; "авдіївського" → "авдіївка";
 * "курахівського" → "курахове"): the adjective's stem, less the -ск-/-ськ-
 * suffix, with the endings town names take. Candidates only: the gazetteer
 * decides which exist.
 */
export function adjectiveTownCandidates(folded: string): string[] {
  const ending = ADJECTIVE_ENDINGS.find((e) => folded.endsWith(e) && folded.length - e.length >= 4);
  if (ending === undefined) return [];
  const stem = folded.slice(0, folded.length - ending.length);
  const out = new Set<string>([stem]);
  const base = /(?:ськ|ск)$/.test(stem) ? stem.replace(/(?:ськ|ск)$/, '') : null;
  if (base !== null) {
    // 'ск': the Russian name of a town the Ukrainian adjective is made from (курськ- → Курск).
    for (const suffix of ['', 'о', 'е', 'а', 'ка', 'ь', 'ье', 'ове', 'ово', 'ск', 'са', 'и']) out.add(base + suffix);
    // Ukrainian і in a closed syllable alternates with о/е in the name: курахівськ- → Курахове, харківськ- → Харків.
    if (/ів$/.test(base)) for (const suffix of ['ове', 'еве', 'івка']) out.add(base.slice(0, -2) + suffix);
  }
  // Ukrainian -зьк- from -з-/-ж-: запорізьк- → Запоріжжя.
  if (/зьк$/.test(stem)) for (const suffix of ['жжя', 'з', 'зь']) out.add(stem.slice(0, -3) + suffix);
  // Ukrainian -цьк- from -к-/-ц-, Russian -гск- from -г-: кременчуцьк- → Кременчук, кременчугск- → Кременчуг.
  if (/цьк$/.test(stem)) for (const suffix of ['к', 'ц', 'ці']) out.add(stem.slice(0, -3) + suffix);
  if (/гск$/.test(stem)) out.add(stem.slice(0, -2));
  out.delete(folded);
  return [...out];
}

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\p{M}'’ʼ-]+$/u;

export function isCyrillicWord(text: string): boolean {
  return CYRILLIC_WORD.test(text);
}

/**
 * The towns a Ukrainian or Russian region name in -щина/-чина is made from
 * (Харківщина ← Харків, Курщина ← Курськ/Курск, Одещина ← Одеса,
 * Донеччина ← Донецьк, Бєлгородчина ← Бєлгород): the folded nominative
 * region name in, candidate town names out (the gazetteer decides).
 */
export function regionNameTownCandidates(folded: string): string[] {
  const m = /^(.{3,}?)(ччина|щина|чина)$/u.exec(folded);
  if (!m) return [];
  const stem = m[1]!;
  if (m[2] === 'ччина') return [`${stem}цьк`, `${stem}цк`];
  // The -ськ/-ск towns first: the bare stem of Курщина ("кур") is some other town's whole name.
  return [`${stem}ськ`, `${stem}ск`, stem, `${stem}а`, `${stem}и`, `${stem}са`, `${stem}ь`];
}

/**
 * The nominative oblast names a -щина/-чина region name may stand for, made from the adjective of
 * its town (Київщина → "київська область", Донеччина → "донецька область", Курщина → "курская
 * область"), folded: candidates, the gazetteer decides.
 */
export function regionNameDivisionNames(folded: string): string[] {
  const m = /^(.{3,}?)(ччина|щина|чина)$/u.exec(folded);
  if (!m) return [];
  const stem = m[1]!;
  if (m[2] === 'ччина') return [`${stem}цька область`, `${stem}цкая область`];
  return [`${stem}ська область`, `${stem}ская область`];
}
