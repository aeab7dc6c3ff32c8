import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSegmentStage, isHardWrapped } from './index.js';
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
