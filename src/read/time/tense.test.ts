import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tenseAt, tenseWords } from './tense.js';

/** The words as the regular expression the scan replaced reads them. */
function byPattern(sentence: string) {
  return [...sentence.matchAll(/[\p{L}'’]+/gu)].map((m) => ({ w: m[0].toLowerCase(), at: m.index, name: m.index > 0 && /^\p{Lu}/u.test(m[0]) }));
}

// Sentences written for this test, in the scripts and punctuation news text holds.
const SENTENCES = [
  'The United Nations said on Tuesday that talks would resume next week.',
  'Officials don’t expect the ’90s rules to return; it’s over, they said.',
  'Ukraine’s ÉLITE units — the Ḱ-group — moved at 5am.',
  'У вівторок Міністерство оборони повідомило, що переговори тривають.',
  'Ἀθῆναι and 𝐀𝐁𝐂 bold letters, a lone \ud835 surrogate and a combining e\u0301 mark.',
  '',
  '   ',
];

test('tenseWords: the same words, offsets and name flags as the regular expression', () => {
  for (const s of SENTENCES) assert.deepEqual(tenseWords(s), byPattern(s), s);
});

test('tenseAt: reads the tense from the words around the expression', () => {
  const s = 'The ministry said on Tuesday that the convoy will arrive on Friday.';
  assert.equal(tenseAt(s, s.indexOf('Tuesday')), 'past');
  assert.equal(tenseAt(s, s.indexOf('Friday')), 'future');
});
