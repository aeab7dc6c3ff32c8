import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyAnalysis, type AnalyzedDocument, type PlaceMention } from '../model/index.js';
import { placeResolutionCounts } from './warnews-places.js';

const text = 'Бои у Суджи. Суджа и Курская область. Судже.';
const mention = (start: number, end: number, geonameId: number | null, country: string): PlaceMention => ({
  id: `place:${start}`, kind: 'place', span: [start, end], text: text.slice(start, end), origin: { stage: 'places', rule: 'test' }, role: 'location',
  name: 'x', geonameId, lat: 0, lon: 0, country, admin1: null, admin2: null, featureClass: 'P', featureCode: 'PPL', historicName: false, confidence: 1, why: [],
});
const doc = (places: PlaceMention[]): AnalyzedDocument => ({ ...emptyAnalysis({ id: 't', text, meta: { title: null, outlet: null, url: null, published: null, language: 'ru', source: null }, diagnostics: [] }), places });

test('place_acc counts every whole-word occurrence of a gold form: the id where there is one, else the country', () => {
  const gold = { places: [
    { text: 'Суджи', name: 'Sudzha', geonameid: 486816, country: 'RU' },
    { text: 'Суджа', name: 'Sudzha', geonameid: 486816, country: 'RU' },
    { text: 'Курская область', name: 'Kursk Oblast', geonameid: null, country: 'RU' },
    { text: 'Покровск', name: 'Pokrovsk', geonameid: 704422, country: 'UA' },
  ] };
  const at = (form: string): number => text.indexOf(form);
  const r = placeResolutionCounts(gold, text, doc([
    mention(at('Суджи'), at('Суджи') + 5, 486816, 'RU'),
    mention(at('Суджа'), at('Суджа') + 5, 999, 'RU'),
    mention(at('Курская'), at('Курская') + 15, null, 'RU'),
  ]));
  // Суджи right; Суджа wrong id; Курская область right by country; Покровск not in the text (a miss, counted once).
  assert.deepEqual([r.correct, r.total], [2, 4]);
  assert.equal(r.misses.length, 2);
});

test('a form inside a longer word is not an occurrence', () => {
  const r = placeResolutionCounts({ places: [{ text: 'Судж', name: 'Sudzha', geonameid: 1, country: 'RU' }] }, text, doc([]));
  assert.deepEqual([r.correct, r.total], [0, 1]);
  assert.match(r.misses[0]!, /not in the text/);
});
