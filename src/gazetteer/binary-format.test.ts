import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryGazetteer, formatBinary } from './binary-format.js';
import type { CompiledRecord } from './compiled-format.js';
import { Gazetteer } from './gazetteer.js';

const records: CompiledRecord[] = [
  { entry: { geonameId: 704147, name: 'Pokrovsk', lat: 48.28198, lon: 37.18207, featureClass: 'P', featureCode: 'PPLA2', country: 'UA', admin1: '05', admin2: '1418', population: 64000 }, names: [{ folded: 'pokrovsk', kind: 'primary' }, { folded: 'krasnoarmeysk', kind: 'historic' }, { folded: 'покровськ', kind: 'alternate' }] },
  { entry: { geonameId: 2013923, name: 'Pokrovsk', lat: 61.48, lon: 129.14, featureClass: 'P', featureCode: 'PPL', country: 'RU', admin1: '63', admin2: null, population: 9000 }, names: [{ folded: 'pokrovsk', kind: 'primary' }] },
  { entry: { geonameId: null, name: 'Donetsk Oblast', lat: 48.0, lon: 37.8, featureClass: 'A', featureCode: 'ADM1', country: 'UA', admin1: '05', admin2: null, population: 4e6 }, names: [{ folded: 'donetsk oblast', kind: 'primary' }, { folded: 'donetsk', kind: 'alternate' }] },
];
const admin = new Map([['UA.05', 'Donetsk Oblast']]);

for (const shared of [false, true]) {
  test(`binary gazetteer round trip (${shared ? 'SharedArrayBuffer' : 'ArrayBuffer'})`, () => {
    const bytes = formatBinary(admin, records);
    const buffer = shared ? new SharedArrayBuffer(bytes.byteLength) : new ArrayBuffer(bytes.byteLength);
    new Uint8Array(buffer).set(bytes);
    const base = new BinaryGazetteer(buffer, 'test.bin');
    assert.equal(base.count, 3);
    assert.deepEqual(base.entry(0), records[0]!.entry);
    assert.deepEqual(base.entry(2), records[2]!.entry);
    assert.equal(base.byGeonameId(2013923), 1);
    assert.equal(base.byGeonameId(1), undefined);
    assert.equal(base.adminName('UA.05'), 'Donetsk Oblast');
    const g = new Gazetteer(base);
    assert.deepEqual(g.lookup('pokrovsk').map((h) => h.entry).sort(), [0, 1]);
    assert.deepEqual(g.lookup('krasnoarmeysk'), [{ entry: 0, kind: 'historic' }]);
    assert.deepEqual(g.lookup('покровськ'), [{ entry: 0, kind: 'alternate' }]);
    assert.deepEqual(g.lookup('pokrovs'), []);
    // Romanisation skeleton (UA/RU only): "pokrovsk" and "pokrowsk" differ, "krasnoarmeisk" matches.
    assert.deepEqual(g.lookupSkeleton('krasnoarmeisk').map((h) => h.entry), [0]);
    // An overlay entry with a base geonameId replaces it under the same number; new names merge.
    const i = g.add({ ...records[1]!.entry, name: 'Pokrovsk (import)' });
    assert.equal(i, 1);
    assert.equal(g.entry(1).name, 'Pokrovsk (import)');
    g.addName(1, 'Pokrovskoye', 'alternate');
    assert.deepEqual(g.lookup('pokrovskoye'), [{ entry: 1, kind: 'alternate' }]);
    assert.equal(g.size, 3);
  });
}

test('a file that is not a binary gazetteer is refused with a fix', () => {
  assert.throws(() => new BinaryGazetteer(new TextEncoder().encode('#counterclaim-gazetteer 2\n').buffer, 'old.tsv'), /old\.tsv: not a binary counterclaim gazetteer.*npm run prepare/);
  const bytes = formatBinary(admin, records);
  assert.throws(() => new BinaryGazetteer(bytes.slice(0, 200).buffer, 'cut.bin'), /cut\.bin: binary gazetteer truncated/);
});
