/**
 * A place's one key, spelled two ways: the ledger's (`geonames:704422`,
 * `place:київ`, in claims and timelines) and the id the API and the store's
 * place totals use (`geonames-704422`, `name-київ`). Both come from
 * `placeKey`, so they agree for every name (before schema 15 the store
 * computed its ids in SQL with ASCII-only lower case and each blank a dash,
 * and "Київ" or "Nova  Poshta" got ids no ledger key mapped to).
 */

/** What a place key is made of: a place mention's gazetteer id, name and text. */
export interface PlaceKeyParts {
  readonly geonameId?: number | null;
  readonly name?: string | null;
  readonly text: string;
}

/**
 * The ledger's key for a place: the gazetteer id, else its name (or text) in
 * Unicode lower case with each run of blanks one dash.
 *
 * @example placeKey({ geonameId: null, name: 'Nova  Poshta', text: 'Nova Poshta' }) // => 'place:nova-poshta'
 */
export function placeKey(p: PlaceKeyParts): string {
  return p.geonameId != null ? `geonames:${p.geonameId}` : `place:${(p.name ?? p.text).toLowerCase().replace(/\s+/g, '-')}`;
}

/** The API's and the store's id for a ledger place key (`geonames:1` -> `geonames-1`, `place:x` -> `name-x`). */
export function placeIdOfKey(key: string): string {
  if (key.startsWith('geonames:')) return `geonames-${key.slice('geonames:'.length)}`;
  if (key.startsWith('place:')) return `name-${key.slice('place:'.length)}`;
  return key;
}

/** The ledger key of an API place id: `placeIdOfKey` undone. */
export function keyOfPlaceId(id: string): string {
  if (id.startsWith('geonames-')) return `geonames:${id.slice('geonames-'.length)}`;
  if (id.startsWith('name-')) return `place:${id.slice('name-'.length)}`;
  return id;
}

/**
 * The id a place mention is aggregated under in the store and the API.
 *
 * @example placeIdOf({ geonameId: 704422, name: 'Pokrovsk', text: 'Pokrovsk' }) // => 'geonames-704422'
 */
export function placeIdOf(p: PlaceKeyParts): string {
  return placeIdOfKey(placeKey(p));
}
