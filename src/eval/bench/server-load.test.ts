import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysedExample } from '../../server/testing/fixture.js';
import { serverLoadDocument } from './server-load.js';

test('the server bench\'s copies move every day of a base alike and, two in three, make its towns towns of their own', async () => {
  const base = await analysedExample();
  const bases = [base, { ...base, id: 'b'.repeat(64) }];
  const first = serverLoadDocument(bases, 0, '1'.repeat(64));
  const later = serverLoadDocument(bases, 2, '2'.repeat(64));
  const third = serverLoadDocument(bases, 4, '3'.repeat(64));
  const days = (d: typeof base) => Date.parse(d.published!.slice(0, 10)) / 86_400_000;
  // Copy 0 is the furthest back, each copy a day later.
  assert.equal(days(later) - days(first), 1);
  assert.equal(days(third) - days(later), 1);
  for (const copy of [first, later]) {
    assert.equal(copy.text, base.text, 'spans still point into the same text');
    assert.deepEqual(copy.claims.map((c) => c.id), base.claims.map((c) => c.id));
    const shift = days(copy) - days(base);
    for (const [c, b] of copy.claims.map((c, i) => [c, base.claims[i]!] as const)) {
      if (b.about.window) assert.equal((Date.parse(c.about.window!.end) - Date.parse(b.about.window.end)) / 86_400_000, shift);
    }
  }
  // Copy 0 keeps the base's towns (Pokrovsk among them); copy 1 has towns of its own, in its places and its claims alike.
  const pokrovsk = (d: typeof base) => d.places.filter((p) => p.geonameId === 704422).length;
  assert.ok(pokrovsk(first) > 0);
  assert.equal(pokrovsk(later), 0);
  const moved = later.places.find((p) => p.name?.startsWith('Pokrovsk '))!;
  assert.equal(moved.name, 'Pokrovsk II');
  assert.ok(later.claims.some((c) => c.args.some((a) => a.key === `geonames:${moved.geonameId}`) && c.proposition.includes(`geonames:${moved.geonameId}`)));
  assert.ok(!JSON.stringify(later.claims).includes('geonames:704422'));
  // Countries and regions stay as they are.
  const countries = (d: typeof base) => d.places.filter((p) => p.featureClass === 'A').map((p) => p.geonameId);
  assert.deepEqual(countries(later), countries(base));
});
