import type { Contradiction, ControlStatus } from '../model/index.js';
import type { LedgerClaim } from './ledger-claim.js';

/** What the CLI, the server and exports ask of a stored ledger (backends implement it beside their store). */
export interface LedgerReader {
  /** Claims, newest statement first; `place` is a place key or name, `since` an ISO date the claim is about or after. */
  listClaims(query?: ClaimQuery): Promise<LedgerClaim[]>;
  listContradictions(query?: { readonly place?: string; readonly limit?: number }): Promise<Contradiction[]>;
  /** The control timeline of a place (key or name), or null when the ledger has no control claims for it. */
  timeline(place: string): Promise<PlaceTimeline | null>;
  /** Every place with a timeline, with its current status. */
  listPlaces(): Promise<PlaceTimeline[]>;
}

export interface ClaimQuery {
  readonly place?: string;
  readonly side?: string;
  readonly since?: string;
  readonly predicate?: string;
  /** Every filter here is applied exactly, in the store's query (the API pages on it). */
  readonly proposition?: string;
  readonly stance?: string;
  /** The date the claim is about on or before this ISO date (undated: its statement date). */
  readonly until?: string;
  /** The merged source key (`actor:ru-mod`). */
  readonly entity?: string;
  /** The outlet, case-insensitive. */
  readonly outlet?: string;
  /** Claims skipped before the first returned, in the list's order. */
  readonly offset?: number;
  readonly limit?: number;
}

export interface PlaceTimeline {
  readonly place: string;
  readonly label: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly statuses: readonly ControlStatus[];
}
