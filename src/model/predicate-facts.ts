// Generated from data/claims/predicates.json by scripts/predicate-facts.mjs (npm run predicate-facts): do not edit.

/** The predicates: those with triggers, in the file's order, then the fallback. */
export const PREDICATES = ['encircled', 'captured', 'controls', 'advanced', 'presence', 'withdrew', 'repelled', 'attacked', 'deployed', 'casualties', 'struck', 'surrendered', 'said'] as const;
/**
 * The predicate vocabulary (docs/ledger.md, data/claims/predicates.json).
 * `said` is the generic subject–predicate–object fallback: content in which no
 * trigger of the vocabulary was found is kept, so nothing said is dropped.
 */
export type Predicate = (typeof PREDICATES)[number];

/**
 * Days a claim about each predicate stays current (`persistence`): a state
 * ("encircled", "controls") lasts until contradicted; an event ("repelled 100
 * attacks") is about its own day.
 */
export const PERSISTENCE_DAYS: Readonly<Record<Predicate, number>> = {
  encircled: 14,
  captured: 3650,
  controls: 14,
  advanced: 14,
  presence: 14,
  withdrew: 3650,
  repelled: 1,
  attacked: 1,
  deployed: 14,
  casualties: 1,
  struck: 1,
  surrendered: 14,
  said: 1,
};

/** Predicates whose claims bear on who controls a place (docs/ledger.md, "Status rules"). */
export const CONTROL_PREDICATES: ReadonlySet<Predicate> = new Set(['captured', 'controls', 'withdrew', 'presence', 'advanced', 'encircled', 'repelled', 'surrendered']);

/** Captures, withdrawals, surrenders and control: stay current for years, so a timeline reads them apart from its lookback window. */
export const LASTING_CONTROL_PREDICATES = ['captured', 'withdrew', 'surrendered', 'controls'] as const;

/** Predicates whose last key argument is the place (`key` ends with "place"). */
export const PLACE_KEYED_PREDICATES: ReadonlySet<Predicate> = new Set(['encircled', 'captured', 'controls', 'advanced', 'presence', 'withdrew', 'repelled', 'attacked', 'deployed', 'struck', 'surrendered']);
