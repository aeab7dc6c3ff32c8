import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { emptyAnalysis } from '../../model/index.js';
import { createSegmentStage } from '../segment/index.js';
import { createQuantitiesStage } from './quantities-stage.js';
import { compileQuantityVocabulary } from './quantity-vocabulary.js';

const vocabulary = (language: string) => compileQuantityVocabulary(JSON.parse(readFileSync(new URL(`../../../data/quantities/${language}/quantities.json`, import.meta.url), 'utf8')));
const segment = createSegmentStage();
const quantities = createQuantitiesStage({ languages: { ru: vocabulary('ru'), uk: vocabulary('uk') } });
const read = (text: string, language: string): string[] =>
  quantities.run(segment.run(emptyAnalysis({ id: 't', text, diagnostics: [], meta: { title: null, outlet: null, url: null, published: null, language, source: null } }), {}), {})
    .quantities.map((q) => `${q.text}|${q.value}|${q.unit}|${q.modifiers.join(',')}`);

test('quantities (ru/uk): digits with a decimal comma and scales, number words, modifiers, the counted noun in its case', () => {
  assert.deepEqual(read('Потери составили более 1,5 тыс. военнослужащих.', 'ru'), ['более 1,5 тыс. военнослужащих|1500|военнослужащих|lower-bound']);
  assert.deepEqual(read('Отражено 12 атак противника.', 'ru'), ['12 атак|12|атак|']);
  assert.deepEqual(read('Сили оборони відбили понад 100 атак.', 'uk'), ['понад 100 атак|100|атак|lower-bound']);
  assert.deepEqual(read('Відбулося 19 бойових зіткнень.', 'uk'), ['19 бойових зіткнень|19|зіткнень|']);
  assert.deepEqual(read('На склад привезли 2 500 снарядов.', 'ru'), ['2 500 снарядов|2500|снарядов|']);
  assert.deepEqual(read('Уничтожены сотни дронов.', 'ru'), ['сотни дронов|200|дронов|approximate']);
  assert.deepEqual(read('Ворог зазнав значних втрат.', 'uk'), ['значних втрат|null|втрат|qualitative']);
});

test('quantities: an English document keeps the English reading ("1,500" is fifteen hundred)', () => {
  assert.deepEqual(read('Kyiv said 1,500 soldiers were killed.', 'en'), ['1,500 soldiers|1500|soldiers|']);
});
