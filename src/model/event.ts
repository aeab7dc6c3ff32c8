import type { ItemBase } from './item.js';

/** PLOVER event types (openeventdata/PLOVER). */
export type PloverEventType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT'
  | 'REQUEST' | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE'
  | 'COERCE' | 'ASSAULT' | 'DEMAND' | 'DISAPPROVE';

export interface Event extends ItemBase {
  readonly kind: 'event';
  readonly type: PloverEventType;
  readonly mode: string | null;
  readonly context: readonly string[];
  readonly actor: string | null;
  readonly recipient: string | null;
  readonly place: string | null;
  readonly time: string | null;
  readonly size: string | null;
  /** Claims that report this event. */
  readonly claims: readonly string[];
}
