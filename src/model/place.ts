import type { ItemBase } from './item.js';

/** A place mentioned in the text, resolved to a gazetteer entry where one fits (issue 3). */
export interface PlaceMention extends ItemBase {
  readonly kind: 'place';
  /** The gazetteer's name for the place, or null when unresolved. */
  readonly name: string | null;
  readonly geonameId: number | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly featureClass: string | null;
  readonly featureCode: string | null;
  /** The text used a historic or renamed form (Krasnoarmeysk for Pokrovsk). */
  readonly historicName: boolean;
  /** 0..1: how sure the resolver is of the entry it chose. */
  readonly confidence: number;
  /** Why the entry was chosen (rule ids of the disambiguation evidence). */
  readonly why: readonly string[];
  /**
   * `government` where a capital or country acts or speaks ("Kyiv said", "accused
   * Moscow of", "Moscow's forces"): the actors stage reads it as an actor; the
   * place reading is kept for where the text is locational (`location`).
   */
  readonly role: PlaceRole;
}

export type PlaceRole = 'location' | 'government';
