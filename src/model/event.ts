import type { ItemBase, Span } from './item.js';

/**
 * PLOVER event types (openeventdata/PLOVER). The sixteen of the 2021 manual
 * (draft 0.8) plus DEMAND and DISAPPROVE, which the ledger keeps apart from
 * REQUEST and ACCUSE, and FIGHT and INVESTIGATE, the PLOVER 0.5 names for
 * conventional military force (CAMEO 19) and investigations (CAMEO 09) that
 * the PLOVER gold standard records use.
 */
export const PLOVER_EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE',
  'COERCE', 'ASSAULT', 'DEMAND', 'DISAPPROVE', 'FIGHT', 'INVESTIGATE',
] as const;

export type PloverEventType = (typeof PLOVER_EVENT_TYPES)[number];

/**
 * How the text presents the event: as having happened (`asserted`), as not
 * having happened (`negated`: "did not attack", "failed to agree"), as
 * possible (`possible`: "may attack"), as an intention (`intended`: "will
 * meet", "is ready to contribute"), as an obligation (`required`: "must
 * return"), or as the content of another
 * event (`embedded`: the surrender in "called on them to surrender").
 */
export type EventModality = 'asserted' | 'negated' | 'possible' | 'intended' | 'required' | 'embedded';

/**
 * One coded event. The item's span is its trigger ("accused", "attacks");
 * arguments point to other items by id, with the span of the actor phrase
 * kept for when no actor item covers it (the actors stage found none).
 */
export interface Event extends ItemBase {
  readonly kind: 'event';
  readonly type: PloverEventType;
  /** PLOVER mode (how: `heavy-weapons`, `arrest`, `visit`...), or null. */
  readonly mode: string | null;
  /** PLOVER contexts (what about: `military`, `humanitarian`...). */
  readonly context: readonly string[];
  readonly modality: EventModality;
  /** Whether this is the sentence's main event (not embedded, the first clause-level trigger). */
  readonly main: boolean;
  /** Index of the sentence the trigger is in. */
  readonly sentence: number;
  /** Source actor: an ActorMention id, or null. */
  readonly actor: string | null;
  /** Where the source actor is written (also when no actor item covers it). */
  readonly actorSpan: Span | null;
  /** Target actor: an ActorMention id, or null. */
  readonly recipient: string | null;
  readonly recipientSpan: Span | null;
  /** PlaceMention id. */
  readonly place: string | null;
  /** TimeItem id. */
  readonly time: string | null;
  /** Quantity id of the event's size ("100 attacks", "11,000 troops"). */
  readonly size: string | null;
  /** The size as a number, from the quantity item or the number token. */
  readonly sizeValue: number | null;
  /** Claims that report this event. */
  readonly claims: readonly string[];
}
