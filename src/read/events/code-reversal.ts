import type { PloverEventType } from '../../model/index.js';

const COOPERATIVE = new Set<PloverEventType>(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
const CONSTRAINT = new Set<PloverEventType>(['COERCE', 'SANCTION', 'PROTEST', 'THREATEN']);
const FORCE = new Set<PloverEventType>(['ASSAULT', 'FIGHT', 'MOBILIZE']);

/**
 * Refiner: the code of an event that a reversal verb ends or reduces
 * ("cancelled a planned visit", "lifted the curfew", "called off a strike",
 * "halt attacks"). CAMEO codes the reversal, not the event reversed: ending
 * cooperation is 16 "reduce relations" (SANCTION); easing a restriction,
 * sanction or protest is 08 "yield" (CONCEDE); ending force is 087
 * "de-escalate" (RETREAT). Null when the reversal does not apply.
 */
export function codeReversal(type: PloverEventType): PloverEventType | null {
  if (COOPERATIVE.has(type)) return 'SANCTION';
  if (CONSTRAINT.has(type)) return 'CONCEDE';
  if (FORCE.has(type)) return 'RETREAT';
  return null;
}
