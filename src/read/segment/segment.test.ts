import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileAbbreviations, createSegmentStage, isHardWrapped } from './index.js';
import { emptyAnalysis } from '../../model/index.js';
import { sourceDocument } from '../../ingest/index.js';

function sentencesOf(text: string, lineBreaks?: 'auto' | 'sentence' | 'space'): string[] {
  const doc = createSegmentStage({ lineBreaks }).run(emptyAnalysis(sourceDocument(text)), {});
  for (const s of doc.sentences) assert.equal(s.text, text.slice(s.span[0], s.span[1]));
  for (const t of doc.tokens) assert.equal(t.text, text.slice(t.span[0], t.span[1]));
  return doc.sentences.map((s) => s.text);
}

const cases: Array<[string, string, string[]]> = [
  ['terminal marks', 'Russia attacked. Ukraine denied it! Why?', ['Russia attacked.', 'Ukraine denied it!', 'Why?']],
  ['a newline ends a sentence', 'A headline without a stop\nThe body starts here.', ['A headline without a stop', 'The body starts here.']],
  ['titles and ranks', 'Lt. Gen. Oleksandr Tarnavskyi said so. Col. Smith agreed.', ['Lt. Gen. Oleksandr Tarnavskyi said so.', 'Col. Smith agreed.']],
  ['initials', 'George W. Bush spoke. He left.', ['George W. Bush spoke.', 'He left.']],
  ['numbers', 'It cost 3.5 billion. Then 1,000 more.', ['It cost 3.5 billion.', 'Then 1,000 more.']],
  ['closing quotes stay with their sentence', 'He said: “We will win.” She did not.', ['He said: “We will win.”', 'She did not.']],
  ['an opener after an initial or abbreviation', 'The video was posted on X. The army denied it in the U.S. It said so.', ['The video was posted on X.', 'The army denied it in the U.S.', 'It said so.']],
  ['dotted abbreviations', 'The U.S. officials met. Talks ended.', ['The U.S. officials met.', 'Talks ended.']],
  ['lower-case continuation', 'They said so, e.g. in a statement.', ['They said so, e.g. in a statement.']],
];

for (const [name, text, expected] of cases) {
  test(`segment: ${name}`, () => assert.deepEqual(sentencesOf(text), expected));
}

test('segment: hard-wrapped text reads single newlines as spaces', () => {
  const wrapped = 'The ministry said on Wednesday that its forces had\ncompleted the encirclement of the city, and it\ncalled on the remaining troops to lay down their\narms. Kyiv denied it.\n\nA second paragraph.';
  assert.equal(isHardWrapped(wrapped), true);
  assert.deepEqual(sentencesOf(wrapped), [
    'The ministry said on Wednesday that its forces had\ncompleted the encirclement of the city, and it\ncalled on the remaining troops to lay down their\narms.',
    'Kyiv denied it.',
    'A second paragraph.',
  ]);
});

test('segment: one paragraph a line is not hard-wrapped', () => {
  assert.equal(isHardWrapped('First paragraph here.\nSecond paragraph here.\nThird one.\nFourth.'), false);
});

test('segment: a photo credit line is a caption, body text is not', () => {
  const text = 'A sign in Pokrovsk, 6 December 2024. Photo: EPA / Maria Senovilla\nRussia said on Wednesday it had advanced.';
  const doc = createSegmentStage().run(emptyAnalysis(sourceDocument(text)), {});
  assert.deepEqual(doc.sentences.map((s) => s.caption), [true, true, false]);
});

test('segment: possessive split from its word', () => {
  const doc = createSegmentStage().run(emptyAnalysis(sourceDocument('Russia’s Defence Ministry')), {});
  assert.deepEqual(doc.tokens.map((t) => t.text), ['Russia', '’s', 'Defence', 'Ministry']);
});

test('segment: empty and blank text yield nothing', () => {
  assert.deepEqual(sentencesOf(''), []);
  assert.deepEqual(sentencesOf('   \n\n  '), []);
});

test('segment (ru/uk): abbreviations of the document language, initials, „…“ quotes', () => {
  const abbreviations = (language: string) => compileAbbreviations(JSON.parse(readFileSync(new URL(`../../../data/segment/${language}/abbreviations.json`, import.meta.url), 'utf8')));
  const stage = createSegmentStage({ abbreviations: { ru: abbreviations('ru'), uk: abbreviations('uk') } });
  const split = (text: string, language: string): string[] =>
    stage.run(emptyAnalysis({ ...sourceDocument(text), meta: { ...sourceDocument(text).meta, language } }), {}).sentences.map((s) => s.text);
  const cases: Array<[string, string, string[]]> = [
    ['ru', 'Бои идут в г. Северный, у ул. Полевой. Штаб молчит.', ['Бои идут в г. Северный, у ул. Полевой.', 'Штаб молчит.']],
    ['ru', 'Это было в 2023 г. Потом всё изменилось.', ['Это было в 2023 г.', 'Потом всё изменилось.']],
    ['ru', 'Потери составили 2 тыс. чел. Данные уточняются.', ['Потери составили 2 тыс. чел.', 'Данные уточняются.']],
    ['ru', 'Об этом сказал И. Петров. Он уехал.', ['Об этом сказал И. Петров.', 'Он уехал.']],
    ['ru', 'Проф. Сидоров ответил: «Нет». Разговор окончен.', ['Проф. Сидоров ответил: «Нет».', 'Разговор окончен.']],
    ['uk', 'Він додав: „Позиції втримано.“ Далі тиша.', ['Він додав: „Позиції втримано.“', 'Далі тиша.']],
    ['uk', 'Колона пройшла через м. Зелене та с. Нове. Усе спокійно.', ['Колона пройшла через м. Зелене та с. Нове.', 'Усе спокійно.']],
    ['uk', 'Так було у 2022 р. Тепер інакше.', ['Так було у 2022 р.', 'Тепер інакше.']],
  ];
  for (const [language, text, expected] of cases) assert.deepEqual(split(text, language), expected, text);
  // An English document keeps the English list: "г." means nothing there.
  assert.deepEqual(split('Gen. Smith spoke. He left.', 'en'), ['Gen. Smith spoke.', 'He left.']);
});
