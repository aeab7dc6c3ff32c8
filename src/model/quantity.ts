import type { ItemBase } from './item.js';

export type QuantityModifier = 'approximate' | 'lower-bound' | 'upper-bound' | 'additional' | 'range' | 'qualitative';

/**
 * A number and what it counts: "an additional 11,000 troops" (11000, troops,
 * additional), "around 60,000 people" (approximate), "between 5 and 10
 * drones" (5..10, range), "significant losses" (null, qualitative).
 */
export interface Quantity extends ItemBase {
  readonly kind: 'quantity';
  /** Numeric value (the low end of a range), or null for qualitative amounts ("significant losses"). */
  readonly value: number | null;
  /** The high end of a range. */
  readonly high?: number | null;
  /** What is counted, as written ("troops", "attacks", "people"), or null when the text does not say. */
  readonly unit: string | null;
  readonly modifiers: readonly QuantityModifier[];
}
