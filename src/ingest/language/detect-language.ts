/** The languages the detector chooses among: the ones counterclaim supports or will. */
export type SupportedLanguage = 'en' | 'ru' | 'uk';

export const LANGUAGE_NAMES: Readonly<Record<SupportedLanguage, string>> = { en: 'English', ru: 'Russian', uk: 'Ukrainian' };

// Small lists of frequent function words; each is common in its language and rare in the other two.
const EN = new Set('the of and to in is that for on with as was by it are from at be this have has said were which not an or but will their its been after'.split(' '));
const RU = new Set('и в не на что с по это как а из у за от о к же для бы его она он так был было были мы вы они но или если уже только когда ещё еще также его их этого который которые года'.split(' '));
const UK = new Set('і й в у не на що з та це як а із до за від про же для б його вона він так був було були ми ви вони але або якщо вже тільки коли ще також їх цього який які року є'.split(' '));

const RU_ENDINGS = /(?:ие|ия|ые|ый|ых|ого|ться)$/u;
// Russian-only function words that are also useful on short posts.
for (const w of ['под', 'над', 'при', 'сообщили', 'заявил', 'заявили', 'после', 'во', 'со', 'чтобы']) RU.add(w);

/**
 * The language of a text, among English, Russian and Ukrainian only, or null
 * when it is none of them (or too little to tell). Deterministic:
 *
 * 1. script: Latin letters vs Cyrillic letters in the first 20,000 characters;
 * 2. Latin: English if English function words are common enough;
 * 3. Cyrillic: letters only one of the two has (Ukrainian і ї є ґ; Russian
 *    ы э ъ ё), then function words only one of the two uses.
 *
 * @example detectLanguage('Сили оборони відбили 100 атак') // 'uk'
 */
export function detectLanguage(text: string): SupportedLanguage | null {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let latin = 0;
  let cyrillic = 0;
  let ukLetters = 0;
  let ruLetters = 0;
  for (const ch of sample.toLowerCase()) {
    if (ch >= 'a' && ch <= 'z') latin++;
    else if (ch >= '\u0400' && ch <= '\u04ff') {
      cyrillic++;
      if (ch === 'і' || ch === 'ї' || ch === 'є' || ch === 'ґ') ukLetters++;
      else if (ch === 'ы' || ch === 'э' || ch === 'ъ' || ch === 'ё') ruLetters++;
    }
  }
  if (latin + cyrillic < 3) return null;
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (latin >= cyrillic) {
    let hits = 0;
    for (const w of words) if (EN.has(w)) hits++;
    // Headlines and short posts have few function words; a longer text with almost none is another language.
    return words.length <= 8 || hits / words.length >= 0.05 ? 'en' : null;
  }
  let uk = ukLetters * 2;
  let ru = ruLetters * 2;
  for (const w of words) {
    const inUk = UK.has(w);
    const inRu = RU.has(w);
    if (inUk && !inRu) uk++;
    else if (inRu && !inUk) ru++;
    // Endings Russian spells with и/ы where Ukrainian has і (-ие/-ия vs -ія) or uses other forms.
    else if (RU_ENDINGS.test(w)) ru++;
  }
  if (uk === ru) return null;
  return uk > ru ? 'uk' : 'ru';
}

/** The share of letters in the other script at which a document counts as mixed (input.language-mixed). */
export const MIXED_SHARE = 0.25;

/**
 * The share of a text's letters (Latin and Cyrillic, first 20,000 characters)
 * in the script that `language` is not written in: 0 for a text of one script;
 * 0 for texts under 200 letters, where a name or a quoted title in the other
 * script is most of it.
 *
 * @example otherScriptShare('Министр сказал: "We will not retreat from the line"', 'ru') // 0 (too short to tell)
 */
export function otherScriptShare(text: string, language: string): number {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let latin = 0;
  let cyrillic = 0;
  for (const ch of sample.toLowerCase()) {
    if (ch >= 'a' && ch <= 'z') latin++;
    else if (ch >= '\u0400' && ch <= '\u04ff') cyrillic++;
  }
  const letters = latin + cyrillic;
  if (letters < 200) return 0;
  return (language === 'en' ? cyrillic : latin) / letters;
}
