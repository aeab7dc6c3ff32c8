import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../pipeline.js';
import { loadResources } from '../load-resources.js';

const resources = await loadResources();
const pipeline = createPipeline({ ...resources, places: undefined });
const claims = (text: string, language: string): string[] =>
  pipeline.read({ id: 'x', text, meta: { title: null, outlet: null, url: null, published: '2025-11-06', language, source: null }, diagnostics: [] })
    .claims.filter((c) => c.predicate !== 'said').map((c) => `${c.predicate}:${c.args.find((a) => a.role === 'actor' || a.role === 'force')?.key ?? '?'}:${c.polarity}`);

test('claims (ru): the sides\' control vocabulary', () => {
  assert.deepEqual(claims('Российские войска освободили населенный пункт Северное.', 'ru'), ['captured:force:RU:positive']);
  assert.deepEqual(claims('Населенный пункт перешел под контроль ВС РФ.', 'ru'), ['captured:force:RU:positive']);
  assert.deepEqual(claims('Российские подразделения взяли под контроль станцию.', 'ru'), ['captured:force:RU:positive']);
  assert.deepEqual(claims('Украинские подразделения удерживают позиции у моста.', 'ru'), ['controls:force:UA:positive']);
  assert.deepEqual(claims('Российские штурмовики зачищают квартал.', 'ru'), ['presence:force:RU:positive']);
  assert.deepEqual(claims('Украинские войска отошли от реки.', 'ru'), ['withdrew:force:UA:positive']);
});

test('claims (uk): the sides\' control vocabulary', () => {
  assert.deepEqual(claims('Українські військові вийшли з оточення.', 'uk'), ['withdrew:force:UA:positive']);
  assert.deepEqual(claims('Українські підрозділи утримують позиції біля мосту.', 'uk'), ['controls:force:UA:positive']);
  assert.deepEqual(claims('Російські війська захопили станцію.', 'uk'), ['captured:force:RU:positive']);
  assert.deepEqual(claims('Українські захисники відійшли на нові позиції.', 'uk'), ['withdrew:force:UA:positive']);
  assert.deepEqual(claims('Українські військові відбили 40 атак.', 'uk'), ['repelled:force:UA:positive']);
});
