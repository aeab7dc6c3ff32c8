import type { Predicate } from '../model/index.js';

/**
 * Days a claim about each predicate stays current: a state ("encircled",
 * "controls") lasts until contradicted; an event ("repelled 100 attacks")
 * is about its own day. Mirrors `persistence` in data/claims/predicates.json
 * (a test checks they agree), so the ledger needs no file at run time.
 */
export const PERSISTENCE_DAYS: Readonly<Record<Predicate, number>> = {
  encircled: 14, captured: 3650, controls: 14, advanced: 14, presence: 14, withdrew: 3650,
  repelled: 1, attacked: 1, deployed: 14, casualties: 1, struck: 1, surrendered: 14, said: 1,
};

/** Predicates whose claims bear on who controls a place (docs/ledger.md, "Status rules"). */
export const CONTROL_PREDICATES: ReadonlySet<Predicate> = new Set(['captured', 'controls', 'withdrew', 'presence', 'advanced', 'encircled', 'repelled', 'surrendered']);
