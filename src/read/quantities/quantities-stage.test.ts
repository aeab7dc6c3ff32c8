import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../pipeline.js';

// segment + time + quantities: no lexicons needed
const pipeline = createPipeline({});
const quantities = (text: string) =>
  pipeline.read({ id: 'x', text, meta: { title: null, outlet: null, url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] }).quantities;

test('numbers, what they count and their modifiers (issue 4)', () => {
  const cases: Array<[string, string, number | null, string | null, string[]]> = [
    // text, quantity text, value, unit, modifiers
    ['Moscow sent an additional 11,000 troops.', 'an additional 11,000 troops', 11000, 'troops', ['additional']],
    ['They repelled 100 Russian attacks.', '100 Russian attacks', 100, 'attacks', []],
    ['Around 60,000 people remained.', 'Around 60,000 people', 60000, 'people', ['approximate']],
    ['Russia lost 11 armoured vehicles.', '11 armoured vehicles', 11, 'vehicles', []],
    ['More than 1,000 soldiers died.', 'More than 1,000 soldiers', 1000, 'soldiers', ['lower-bound']],
  ];
  for (const [text, q, value, unit, modifiers] of cases) {
    const found = quantities(text).find((x) => x.text === q);
    assert.ok(found, `${text}: ${JSON.stringify(quantities(text).map((x) => x.text))}`);
    assert.equal(found.value, value, text);
    assert.equal(found.unit, unit, text);
    assert.deepEqual(found.modifiers, modifiers, text);
  }
});

test('a date is not a count', () => {
  assert.deepEqual(quantities('The decree was signed on 6 December 2024.').map((q) => q.text), []);
});
