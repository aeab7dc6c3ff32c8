import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AnalyzedDocument, TimeItem } from '../../model/index.js';
import { emptyAnalysis } from '../../model/index.js';
import { createSegmentStage } from '../segment/index.js';
import { createTimeStage } from './index.js';
import { compileTimeLexicon } from './time-lexicon.js';

// Tests read the data files the way loadResources does (the stage never reads files itself).
const lexicon = (language: string) => compileTimeLexicon(JSON.parse(readFileSync(new URL(`../../../data/time/${language}/lexicon.json`, import.meta.url), 'utf8')));
const segment = createSegmentStage();
const time = createTimeStage({ languages: { ru: lexicon('ru'), uk: lexicon('uk') } });

// Published on a Wednesday.
function read(text: string, language: string, published: string | null = '2025-11-05'): AnalyzedDocument {
  let doc = emptyAnalysis({ id: 'test', text, diagnostics: [], meta: { title: null, outlet: null, url: null, published, language, source: null } });
  doc = segment.run(doc, {});
  return time.run(doc, {});
}
const brief = (t: TimeItem): string => `${t.text}|${t.type}|${t.value}${t.mod ? `|${t.mod}` : ''}`;
const times = (text: string, language: string, published?: string | null): string[] => read(text, language, published).times.map(brief);

test('time (ru): dates in every case, weekdays, deictic days, shifted units', () => {
  const cases: Array<[string, string[]]> = [
    ['Переговоры прошли 5 ноября.', ['5 ноября|DATE|2025-11-05']],
    ['Колонна вышла 3 ноября 2024 года утром.', ['3 ноября 2024 года утром|TIME|2024-11-03TMO']],
    ['Об этом стало известно в среду.', ['среду|DATE|2025-11-05']],
    ['Штаб сообщил об этом во вторник вечером.', ['вторник вечером|TIME|2025-11-04TEV']],
    ['Удар нанесли на прошлой неделе.', ['прошлой неделе|DATE|2025-W44']],
    ['Вчера вечером город обстреляли.', ['Вчера вечером|TIME|2025-11-04TEV']],
    ['Сегодня утром колонна ушла.', ['Сегодня утром|TIME|2025-11-05TMO']],
    ['Накануне мост был разрушен.', ['Накануне|DATE|2025-11-04']],
    ['Бои продолжаются с начала октября.', ['начала октября|DATE|2025-10|START']],
    ['В конце прошлого года фронт стоял.', ['конце прошлого года|DATE|2024|END']],
    ['Это случилось 21 месяц назад.', ['21 месяц назад|DATE|2024-02']],
    ['За минувшие сутки отражено восемь атак.', ['За минувшие сутки|DURATION|P1D']],
    ['Осада длилась более двух лет.', ['более двух лет|DURATION|P2Y|MORE_THAN']],
    ['Ремонт займет полгода.', ['полгода|DURATION|P6M']],
    ['Сейчас в городе тихо.', ['Сейчас|DATE|PRESENT_REF']],
    ['Учения пройдут с 10 по 14 ноября.', ['с 10 по 14 ноября|DATE|2025-11-10']],
    ['Документ подписан 01.02.2024.', ['01.02.2024|DATE|2024-02-01']],
    ['Крепость построили в XVII веке.', ['XVII веке|DATE|16']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(times(text, 'ru'), expected, text);
});

test('time (uk): dates, weekdays, "за минулу добу" (P1D), "наприкінці 2024 року", ago', () => {
  const cases: Array<[string, string[]]> = [
    ['Обмеження діють з 1 жовтня.', ['1 жовтня|DATE|2025-10-01']],
    ['Про це повідомили у четвер.', ['четвер|DATE|2025-10-30']],
    ['Зустріч відбулася минулого тижня.', ['минулого тижня|DATE|2025-W44']],
    ['За минулу добу відбулося 120 боїв.', ['За минулу добу|DURATION|P1D']],
    ['Минулої доби ворог атакував 40 разів.', ['Минулої доби|DURATION|P1D']],
    ['Завод закрили наприкінці 2024 року.', ['наприкінці 2024 року|DATE|2024|END']],
    ['Сьогодні вранці лунали вибухи.', ['Сьогодні вранці|TIME|2025-11-05TMO']],
    ['Приблизно тиждень тому міст упав.', ['Приблизно тиждень тому|DATE|2025-10-29|APPROX']],
    ['Наразі ситуація складна.', ['Наразі|DATE|PRESENT_REF']],
    ['Люди, як і раніше, виїжджають.', []],
    ['Бригада тримає позиції понад півроку.', ['понад півроку|DURATION|P6M|MORE_THAN']],
    ['Навчання триватимуть 20 днів.', ['20 днів|DURATION|P20D']],
    ['У 2023 році місто було зруйноване.', ['2023 році|DATE|2023']],
    ['Зранку 2 листопада почався штурм.', ['Зранку 2 листопада|TIME|2025-11-02TMO']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(times(text, 'uk'), expected, text);
});

test('time (ru/uk): words that are no times here', () => {
  assert.deepEqual(times('В среде экспертов спорят.', 'ru'), []);
  assert.deepEqual(times('Це був лютий мороз.', 'uk'), []);
  assert.deepEqual(times('Погибли 2024 военнослужащих.', 'ru'), []);
});

test('time (ru/uk): the year of a year-less date follows the tense, a deadline looks forward', () => {
  assert.deepEqual(times('Обстрел начался 20 декабря.', 'ru'), ['20 декабря|DATE|2024-12-20']);
  assert.deepEqual(times('Срок продлили до 20 декабря.', 'ru'), ['20 декабря|DATE|2025-12-20']);
  assert.deepEqual(times('Переговори будуть 20 грудня.', 'uk'), ['20 грудня|DATE|2025-12-20']);
});

test('time: an English document is read with the English rules whatever lexicons are loaded', () => {
  assert.deepEqual(times('The town fell on Wednesday.', 'en'), ['Wednesday|DATE|2025-11-05']);
  assert.deepEqual(times('Сегодня утром колонна ушла.', 'en'), []);
});

test('time (ru/uk): seasons, sets, "торік", "наступного дня"', () => {
  assert.deepEqual(times('Летом 2024 года фронт сдвинулся.', 'ru'), ['Летом 2024 года|DATE|2024-SU']);
  assert.deepEqual(times('Навесні ворог наступав.', 'uk'), ['Навесні|DATE|2025-SP']);
  assert.deepEqual(times('Обстріли тривають щодня.', 'uk'), ['щодня|SET|P1D']);
  assert.deepEqual(times('Торік місто було цілим.', 'uk'), ['Торік|DATE|2024']);
  assert.deepEqual(times('Міст упав 3 листопада, а наступного дня колона відійшла.', 'uk'), ['3 листопада|DATE|2025-11-03', 'наступного дня|DATE|2025-11-04']);
});

test('time (ru/uk): the night before a day ("в ночь на 5 ноября", "у ніч проти середи")', () => {
  assert.deepEqual(times('В ночь на 3 ноября дроны атаковали склад.', 'ru'), ['В ночь на 3 ноября|TIME|2025-11-02TNI']);
  assert.deepEqual(times('У ніч проти середи ворог атакував дронами.', 'uk'), ['У ніч проти середи|TIME|2025-11-04TNI']);
});

test('time (ru/uk): bare years in a range or a list of years, not a count', () => {
  assert.deepEqual(times('Він був депутатом (2006-2010), потім пішов.', 'uk'), ['2006-2010|DATE|2006']);
  assert.deepEqual(times('Дані за 2015, 2014 і 2013 роки зникли.', 'uk'), ['2015|DATE|2015', '2014|DATE|2014', '2013 роки|DATE|2013']);
  assert.deepEqual(times('На склад привезли 2015 снарядов.', 'ru'), []);
});
