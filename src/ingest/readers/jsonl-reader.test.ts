import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feedDate, jsonlRecord, parseFieldMap } from './jsonl-reader.js';

test('feedDate: ISO 8601 as written, RFC 822 / 1123 as UTC, anything else null', () => {
  const cases: Array<[string, string | null]> = [
    ['2025-11-06', '2025-11-06'],
    ['2025-11-06T08:30:00+02:00', '2025-11-06T08:30:00+02:00'],
    ['2025-11-06 08:30:00Z', '2025-11-06T08:30:00Z'],
    ['Thu, 06 Nov 2025 08:30:00 GMT', '2025-11-06T08:30:00Z'],
    ['Thu, 06 Nov 2025 08:30:00 +0200', '2025-11-06T06:30:00Z'],
    ['6 Nov 2025 08:30 EST', '2025-11-06T13:30:00Z'],
    ['Thu, 06 Nov 25 08:30:00 GMT', '2025-11-06T08:30:00Z'],
    ['yesterday', null], ['1', null], ['2025-13-40', null], ['Nov 6', null],
  ];
  for (const [input, expected] of cases) assert.equal(feedDate(input), expected, input);
});

test('parseFieldMap: FIELD=THEIRS pairs; unknown fields and repeats refused in words', () => {
  assert.deepEqual(parseFieldMap('text=summary, published=date,url=links.web'), { map: { text: 'summary', published: 'date', url: 'links.web' } });
  assert.deepEqual(parseFieldMap('body=summary'), { error: '"body" is not a field counterclaim reads; the fields are text, id, title, outlet, url, published, language, byline' });
  assert.deepEqual(parseFieldMap('text=a,text=b'), { error: '"text" is mapped twice' });
  assert.deepEqual(parseFieldMap('text'), { error: '"text" is not FIELD=THEIRS (e.g. text=summary)' });
});

test('jsonlRecord: mapped and nested fields; errors name the field and where it was read from', () => {
  const r = jsonlRecord({ body: { content: 'Troops withdrew.' }, when: 'Tue, 04 Nov 2025 10:00:00 GMT', lang: 'uk-UA', id: 12 }, { text: 'body.content', published: 'when', language: 'lang' });
  assert.ok('record' in r);
  assert.deepEqual(r.record, { text: 'Troops withdrew.', id: 12, title: null, outlet: null, url: null, byline: null, language: 'uk', published: '2025-11-04T10:00:00Z' });
  assert.deepEqual(jsonlRecord([1, 2], {}), { error: 'is a list, not a JSON object with a "text" field' });
  assert.deepEqual(jsonlRecord({ summary: 'x', date: 'y' }, {}), { error: 'has no "text" field; its fields are summary, date (name the one with the article with --map text=FIELD)' });
  assert.deepEqual(jsonlRecord({ text: 42 }, {}), { error: 'field "text" must be text, not the number 42' });
  assert.deepEqual(jsonlRecord({ text: 'ok', title: ['a'] }, {}), { error: 'field "title" must be text, not a list' });
  assert.deepEqual(jsonlRecord({ text: 'ok', lang: 'English' }, { language: 'lang' }), { error: 'field "language" (read from "lang") is the text "English", not an ISO 639 language code like en or uk' });
  assert.deepEqual(jsonlRecord({ text: '  ' }, {}), { error: 'field "text" is empty' });
});
