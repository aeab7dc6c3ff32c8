import type { ItemBase, Span } from './item.js';
import type { Side } from './actor.js';
import type { Stance } from './attribution.js';
// The predicate vocabulary, generated from data/claims/predicates.json.
import type { Predicate } from './predicate-facts.js';


/**
 * One argument of a proposition, as a canonical key usable across documents:
 * `force:UA` (the forces of a side), `actor:ru-mod` (a dictionary entity),
 * `geonames:704422` (a gazetteer place), `place:pokrovsk` (an unresolved
 * place name), `count:100`, `extent:partial`, `text:...` (fallback words).
 */
export interface ClaimArg {
  /** The role in the predicate: actor, force, place, target, count, extent, kind, subject, object... */
  readonly role: string;
  readonly key: string;
  /** How a reader would name it: "UA forces", "Pokrovsk", "100 attacks". */
  readonly label: string;
  /** For counts: the number (low end of a range). */
  readonly value?: number | null;
  /** Stated: the content names it; inferred: resolved by context ("they", "the city", "its troops"). */
  readonly basis: 'stated' | 'inferred';
  /** The item the argument was read from (actor, place or quantity mention), when there is one. */
  readonly item: string | null;
  /** The rule that filled the argument. */
  readonly rule: string;
}

/**
 * Whether the proposition is put forward as fact, as an aim ("deployed troops
 * to capture the city", "attempts to gain a foothold") or as a condition ("if
 * captured"). Only asserted claims take part in contradictions and control.
 */
export type Modality = 'asserted' | 'intended' | 'hypothetical';

/**
 * Evidence grade (docs/ledger.md): a party to the conflict speaking; the
 * reporter's own voice; independent evidence (footage, satellite imagery,
 * third-party monitors); an admission against interest (a side conceding a
 * loss or the other side's advance).
 */
export type EvidenceGrade = 'party' | 'reporter' | 'independent' | 'admission';

/** A window of calendar days, ISO dates, both ends inclusive. */
export interface DateWindow {
  readonly start: string;
  readonly end: string;
}

/** One normalised proposition said by one source in one document. */
export interface Claim extends ItemBase {
  readonly kind: 'claim';
  readonly predicate: Predicate;
  readonly args: readonly ClaimArg[];
  /** The proposition's canonical key: predicate and identifying argument keys, e.g. `encircled(force:UA,geonames:704422)`. */
  readonly proposition: string;
  readonly polarity: 'positive' | 'negative';
  readonly modality: Modality;
  /** The word(s) that triggered the predicate, and the lexicon entry. */
  readonly trigger: { readonly span: Span; readonly text: string; readonly lemma: string };
  /** The attribution the claim was read from (null only for reporter sentences no attribution covers). */
  readonly attribution: string | null;
  /** The entity that says it (for the reporter's voice, the outlet entity if any). */
  readonly source: string | null;
  readonly voice: 'source' | 'reporter';
  readonly side: Side;
  readonly stance: Stance;
  readonly grade: EvidenceGrade;
  /** When the statement was made: the attribution's time item, else the publication date. */
  readonly statedAt: { readonly time: string | null; readonly value: string | null };
  /** The time the claim is about: a time item in the content, else the statement time. */
  readonly about: { readonly time: string | null; readonly window: DateWindow | null };
  /** Place mentions the claim is about (ids), stated or inferred. */
  readonly places: readonly string[];
}

/**
 * Kinds of contradiction between claims of the ledger (docs/ledger.md): one side asserts what
 * another denies (polarity); counts of one event disagree (numbers); two forces hold one place
 * (control); two sides disagree about an event at a site, who did it or whether it happened (event);
 * one side tells of a rout where the other tells of an orderly withdrawal (manner).
 */
export type ContradictionKind = 'polarity' | 'numbers' | 'control' | 'event' | 'manner';

/** Two claims that cannot both be true; points to claims by document and id. */
export interface Contradiction {
  readonly id: string;
  readonly kind: ContradictionKind;
  readonly proposition: string;
  readonly a: ClaimRef;
  readonly b: ClaimRef;
  /** Further claims on either side of the same disagreement. */
  readonly related: readonly ClaimRef[];
  /** One line: "RU MoD, 2025-11-05: encircled(UA forces, Pokrovsk) — Syrskyi, 2025-W44: denies". */
  readonly explanation: string;
}

export interface ClaimRef {
  readonly doc: string;
  readonly claim: string;
}

/** Status of a place's control (docs/ledger.md, "Status rules"). */
export type ControlState = 'held' | 'contested' | 'claimed-captured' | 'confirmed-captured' | 'unknown';

/** The status of a place from a date on, and the claims it rests on. */
export interface ControlStatus {
  readonly place: string;
  readonly from: string;
  readonly state: ControlState;
  /** The side holding or claiming it (held, claimed/confirmed captured). */
  readonly by: Side | null;
  /** A claimed capture denied by the other side. */
  readonly denied: boolean;
  readonly why: string;
  readonly claims: readonly ClaimRef[];
}
