import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeDuplicates, readUkraine } from './compile-default.js';
import type { CompiledRecord } from './compiled-format.js';
import { PLACES_DATA_DIR } from './paths.js';
import path from 'node:path';

const place = (geonameId: number, name: string, lat: number, lon: number, population: number, names: string[]): CompiledRecord => ({
  entry: { geonameId, name, lat, lon, featureClass: 'P', featureCode: 'PPL', country: 'UA', admin1: '05', admin2: null, population },
  names: names.map((folded) => ({ folded, kind: 'primary' as const })),
});

test('duplicate rows of one town merge under the earlier gazetteer\'s id, with the current label and both rows\' names', () => {
  const legacy = place(1, 'Kurakhovo', 47.985, 37.282, 20700, ['kurakhovo']);
  const current = place(2, 'Kurakhove', 47.9847, 37.2807, 18220, ['kurakhove', 'kurakhovo']);
  const elsewhere = place(3, 'Kurakhove', 49.5, 30.1, 300, ['kurakhove']);
  const out = mergeDuplicates([legacy, current, elsewhere], 1);
  assert.deepEqual(out.map((r) => [r.entry.geonameId, r.entry.name]), [[1, 'Kurakhove'], [3, 'Kurakhove']]);
  assert.deepEqual(out[0]!.names.map((n) => n.folded).sort(), ['kurakhove', 'kurakhovo']);
});

test('without a stable row the more populous duplicate is kept', () => {
  const out = mergeDuplicates([place(5, 'A', 48, 37, 100, ['a']), place(6, 'A', 48.01, 37.01, 900, ['a'])]);
  assert.deepEqual(out.map((r) => r.entry.geonameId), [6]);
});

test('the compact Ukraine file: villages of the front, oblast rows with Cyrillic names, press labels', () => {
  const ua = readUkraine(path.join(PLACES_DATA_DIR, 'geonames-UA.tsv.gz'));
  assert.ok(ua.places.length > 30_000);
  const byId = new Map(ua.places.map((r) => [r.entry.geonameId, r]));
  assert.equal(byId.get(13512497)?.entry.name, 'Klishchiivka');
  assert.equal(byId.get(704508)?.entry.name, 'Kramatorsk');
  assert.equal(byId.get(707898)?.entry.name, 'Huliaipole');
  assert.ok(ua.divisions.get('UA.05')?.names.some((n) => n.folded === 'донецька область'));
  assert.equal(ua.country?.entry.featureCode, 'PCLI');
});
