import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.js';

const CASES: ReadonlyArray<readonly [string, string | null]> = [
  ['Russian forces said on Thursday that they had encircled the city.', 'en'],
  ['Pokrovsk encircled', 'en'],
  ['Сили оборони відбили 100 атак за минулу добу.', 'uk'],
  ['Генштаб ЗСУ: ворог продовжує наступ на Покровськ', 'uk'],
  ['Міністерство оборони заявило, що війська оточені', 'uk'],
  ['Минобороны России заявило, что украинские войска окружены.', 'ru'],
  ['ВС РФ продолжают наступление под Покровском, сообщили в штабе', 'ru'],
  ['Это было ещё вчера', 'ru'],
  // Not one of the three languages: none, rather than the nearest one.
  ['Die russischen Streitkräfte haben die Stadt eingekesselt, sagte das Ministerium am Donnerstag.', null],
  ['12 345', null],
  ['', null],
];

test('detectLanguage chooses among en, ru and uk only', () => {
  for (const [text, expected] of CASES) assert.equal(detectLanguage(text), expected, text);
});

test('detectLanguage is deterministic and reads only the beginning of long texts', () => {
  const long = 'The ministry said the troops were encircled. '.repeat(2000) + 'Это было ещё вчера. '.repeat(5000);
  assert.equal(detectLanguage(long), 'en');
  assert.equal(detectLanguage(long), detectLanguage(long));
});
