import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyOfPlaceId, placeIdOf, placeIdOfKey, placeKey } from './place-key.js';

test('one place key, spelled as the ledger and as the API spell it', () => {
  const cases: Array<[{ geonameId: number | null; name: string | null; text: string }, string, string]> = [
    [{ geonameId: 704422, name: 'Pokrovsk', text: 'Покровськ' }, 'geonames:704422', 'geonames-704422'],
    // Unicode lower case, not ASCII only; a run of blanks is one dash.
    [{ geonameId: null, name: 'Київ', text: 'Києві' }, 'place:київ', 'name-київ'],
    [{ geonameId: null, name: 'Nova  Poshta', text: 'Nova Poshta' }, 'place:nova-poshta', 'name-nova-poshta'],
    [{ geonameId: null, name: null, text: 'Red\tSquare' }, 'place:red-square', 'name-red-square'],
  ];
  for (const [place, key, id] of cases) {
    assert.equal(placeKey(place), key);
    assert.equal(placeIdOf(place), id);
    assert.equal(placeIdOfKey(key), id);
    assert.equal(keyOfPlaceId(id), key);
  }
  // Keys of neither kind pass through both ways unchanged.
  assert.equal(placeIdOfKey('unknown'), 'unknown');
  assert.equal(keyOfPlaceId('unknown'), 'unknown');
});
