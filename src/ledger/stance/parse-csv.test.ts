import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, parseCsvRecords } from './parse-csv.js';

const cases: Array<[string, string, string[][]]> = [
  ['plain', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
  ['no final newline', 'a,b\nc,d', [['a', 'b'], ['c', 'd']]],
  ['CRLF', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
  ['quoted comma and newline', '1,"x, y\nz"\n', [['1', 'x, y\nz']]],
  ['doubled quotes', '"he said ""no""",2', [['he said "no"', '2']]],
  ['empty fields', ',,\n', [['', '', '']]],
  ['byte order mark', '\ufeffa,b', [['a', 'b']]],
  ['empty text', '', []],
];
for (const [name, text, expected] of cases) {
  test(`parseCsv: ${name}`, () => assert.deepEqual(parseCsv(text), expected));
}

test('parseCsvRecords: keys by header, skips blank lines', () => {
  assert.deepEqual(parseCsvRecords('Body ID,articleBody\n2,"A\n\nB"\n\n'), [{ 'Body ID': '2', articleBody: 'A\n\nB' }]);
});
