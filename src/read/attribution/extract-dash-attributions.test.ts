import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';

const resources = await loadResources();
const pipeline = createPipeline({ ...resources, places: undefined });
const signed = (text: string) =>
  pipeline.read({ id: 'x', text, meta: { title: null, outlet: null, url: null, published: '2025-11-06', language: 'en', source: null }, diagnostics: [] })
    .attributions.filter((a) => a.origin.rule === 'dash-signature');

test('a quotation signed with a dash or bar names its source', () => {
  const cases: Array<[string, string, string]> = [
    ['“We will not leave our homes, whatever they send at us.” ― Sonya Herridge\n\nThe shelling went on overnight.', 'Sonya Herridge', '“We will not leave our homes, whatever they send at us.”'],
    ['“The front is holding.” — Dmitry Peskov, Kremlin spokesman\n\nMore reactions below.', 'Dmitry Peskov', '“The front is holding.”'],
    ['Reactions poured in. “Nobody expected this.” – Anna Kovalenko.', 'Anna Kovalenko', '“Nobody expected this.”'],
    ['“It was a long night. We counted the drones.” — Oleksandr (@olex_kyiv)', 'Oleksandr', '“It was a long night. We counted the drones.”'],
  ];
  for (const [text, source, content] of cases) {
    const [a, ...rest] = signed(text);
    assert.ok(a, text);
    assert.equal(rest.length, 0, text);
    assert.equal(a.source?.text, source, text);
    assert.equal(a.content.text, content, text);
    assert.equal(a.direct, 'quoted', text);
  }
});

test('a dash inside running prose is not a source', () => {
  for (const text of [
    'He called the retreat “a disaster” — Russia had lost the initiative.',
    'The “special military operation” — Putin’s term — entered its fourth year.',
    'The report said “several units” – Ukrainian and Russian – were involved.',
    'They chanted “Glory to Ukraine” - Kyiv residents, mostly, who had come out after the sirens stopped and stayed for hours.',
    'A dash without a quotation — John Smith',
  ]) assert.deepEqual(signed(text), [], text);
});
