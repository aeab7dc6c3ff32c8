import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { importGeonames } from './import-geonames.js';
import { GazetteerFormatError } from './geonames-format.js';
import { loadGazetteer } from './load-gazetteer.js';
import { extensionFileFor } from './paths.js';

// Rows in GeoNames' own 19-column format, written for the test (Vuhledar and Ocheretyne are not in cities1000).
const row = (id: number, name: string, alt: string, lat: number, lon: number, code: string, cc: string, a1: string, pop: number): string =>
  [id, name, name, alt, lat, lon, 'P', code, cc, '', a1, '', '', '', pop, '', '200', 'Europe/Kyiv', '2024-01-01'].join('\t');
const UA = [
  row(689558, 'Vuhledar', 'Ugledar,Vugledar,Угледар,Вугледар', 47.7809, 37.2483, 'PPL', 'UA', '05', 14000),
  row(698625, 'Ocheretyne', 'Ocheretino,Очеретине', 48.2, 37.6, 'PPL', 'UA', '05', 3000),
].join('\n');

function tempDb(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'gaz-')), 'test.db');
}

test('imports a country file, zipped or not, and the places resolve by any of their names', () => {
  const db = tempDb();
  const dir = path.dirname(db);
  writeFileSync(path.join(dir, 'UA.txt'), `${UA}\n`);
  writeFileSync(path.join(dir, 'alternateNamesV2.txt'), '1\t689558\tru\tУгледар\t\t\t\t\n2\t698625\ten\tOcheretino-Old\t\t\t\t1\n');
  const summary = importGeonames([path.join(dir, 'UA.txt'), path.join(dir, 'alternateNamesV2.txt')], db);
  assert.equal(summary[0]!.places, 2);
  const gazetteer = loadGazetteer({ db });
  for (const name of ['vuhledar', 'ugledar', 'ocheretyne', 'угледар']) {
    const hits = gazetteer.lookup(name);
    assert.ok(hits.some((h) => gazetteer.entry(h.entry).country === 'UA'), name);
  }
  assert.ok(gazetteer.lookup('ocheretino old').some((h) => h.kind === 'historic'));
  const zipped = tempDb();
  writeFileSync(path.join(path.dirname(zipped), 'UA.zip'), zipSync({ 'UA.txt': strToU8(UA), 'readme.txt': strToU8('GeoNames') }));
  assert.equal(importGeonames([path.join(path.dirname(zipped), 'UA.zip')], zipped)[0]!.places, 2);
});

test('bad input: a clear error with file and line, and the existing gazetteer is left intact', () => {
  const db = tempDb();
  const dir = path.dirname(db);
  writeFileSync(path.join(dir, 'good.txt'), `${UA}\n`);
  importGeonames([path.join(dir, 'good.txt')], db);
  const before = readFileSync(extensionFileFor(db), 'utf8');
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ['truncated.txt', `${UA}\n689559\tBroken\tBroken`, /truncated.txt:3: expected 19/],
    ['wrong.txt', 'id,name,lat\n1,Kyiv,50\n', /wrong.txt:1: expected 19/],
    ['country.txt', row(1, 'Nowhere', '', 1, 1, 'PPL', 'QQ', '01', 0), /country.txt:1: unknown country code 'QQ'/],
    ['latitude.txt', row(2, 'Bad', '', 123, 1, 'PPL', 'UA', '05', 0), /latitude.txt:1: latitude/],
    ['corrupt.zip', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), /corrupt.zip.*(corrupt|truncated|invalid)/i],
  ];
  for (const [name, content, message] of cases) {
    writeFileSync(path.join(dir, name), content);
    assert.throws(() => importGeonames([path.join(dir, 'good.txt'), path.join(dir, name)], db), (e: unknown) => e instanceof GazetteerFormatError && message.test(e.message), name);
    assert.equal(readFileSync(extensionFileFor(db), 'utf8'), before, name);
  }
  assert.ok(existsSync(extensionFileFor(db)));
});
