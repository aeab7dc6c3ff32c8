import type { ItemBase } from './item.js';

export interface Quantity extends ItemBase {
  readonly kind: 'quantity';
  /** Numeric value, or null for qualitative amounts ("significant losses"). */
  readonly value: number | null;
  readonly high?: number | null;
  /** What is counted ("troops", "attacks"). */
  readonly unit: string | null;
  readonly modifiers: readonly ('approximate' | 'lower-bound' | 'upper-bound' | 'additional' | 'range' | 'qualitative')[];
}
