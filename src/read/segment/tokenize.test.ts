import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.js';

const cases: Array<[string, string[]]> = [
  ['Russia’s Defence Ministry', ['Russia', '’s', 'Defence', 'Ministry']],
  ['an additional 11,000 troops', ['an', 'additional', '11,000', 'troops']],
  ['the 425th Separate Assault Regiment', ['the', '425th', 'Separate', 'Assault', 'Regiment']],
  ['The now-ruined city', ['The', 'now-ruined', 'city']],
  ['in the 1990s, 3.5 times', ['in', 'the', '1990s', ',', '3.5', 'times']],
  ['The U.S. said so.', ['The', 'U.S.', 'said', 'so', '.']],
  ['“pockets”', ['“', 'pockets', '”']],
  ['don\'t stop...', ['don\'t', 'stop', '...']],
  ['at 9am on 3-4 November', ['at', '9am', 'on', '3', '-', '4', 'November']],
  ['Покровськ і Бахмут', ['Покровськ', 'і', 'Бахмут']],
  ['the ministries\' claims', ['the', 'ministries', '\'', 'claims']],
  ['Ukrainians\' 80% share', ['Ukrainians', '\'', '80', '%', 'share']],
];

for (const [text, expected] of cases) {
  test(`tokenize: ${text}`, () => {
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), expected);
    for (const t of tokens) assert.equal(t.text, text.slice(t.span[0], t.span[1]));
  });
}

test('tokenize: kinds and norms', () => {
  const tokens = tokenize('“Kyiv’s” 100 attacks — now');
  assert.deepEqual(tokens.map((t) => t.kind), ['quote', 'word', 'word', 'quote', 'number', 'word', 'punct', 'word']);
  assert.equal(tokens[2]!.norm, "'s");
});

test('tokenize: white space and empty text yield no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' \n\t\u00a0'), []);
});

test('tokenize: a straight double quote opens or closes by its flanks, and stays undecided when unclear', () => {
  const quotes = (text: string) => tokenize(text).filter((t) => t.text === '"').map((t) => t.quote ?? 'unclear');
  assert.deepEqual(quotes('"We hold," he said. "No."'), ['open', 'close', 'open', 'close']);
  assert.deepEqual(quotes('He called it "a lie".'), ['open', 'close']);
  assert.deepEqual(quotes('a " b'), ['unclear']);
  // typographic quotes need no reading
  assert.equal(tokenize('“x”').every((t) => t.quote === undefined), true);
});
