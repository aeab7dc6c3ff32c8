import type { ItemBase } from './item.js';
import type { Side, } from './actor.js';
import type { Stance } from './attribution.js';

export interface Claim extends ItemBase {
  readonly kind: 'claim';
  readonly predicate: string;
  readonly args: Readonly<Record<string, string | number | null>>;
  readonly polarity: 'positive' | 'negative';
  readonly attribution: string | null;
  readonly source: string | null;
  readonly side: Side;
  readonly stance: Stance;
  readonly statedAt: string | null;
  readonly about: string | null;
  readonly places: readonly string[];
}
