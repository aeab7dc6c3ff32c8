import type { EventModality, PloverEventType } from '../../model/index.js';

/** PLOVER's cooperative material and verbal types (manual, "event types" table: the AGREE ... RETREAT block). */
const COOPERATIVE = new Set<PloverEventType>(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);
/** Material conflict: what one can threaten to do. */
const MATERIAL_CONFLICT = new Set<PloverEventType>(['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'FIGHT']);

/**
 * Refiner: the code of an event whose trigger is presented as an intention,
 * a demand or a refusal. CAMEO codes these as verbal events in their own right
 * (codebook 03 "express intent to cooperate", 10 "demand", 12 "reject", 13
 * "threaten"), and PLOVER keeps that: "will release the hostages" is AGREE,
 * "would blockade Paris" is THREATEN, "must return the helicopter" is DEMAND,
 * "would not meet their demands" is REJECT. Other cases keep the trigger's type.
 */
export function codeIntent(type: PloverEventType, modality: EventModality): { type: PloverEventType; rule: string | null } {
  if (modality === 'intended' && COOPERATIVE.has(type) && type !== 'AGREE') return { type: 'AGREE', rule: 'intent-to-cooperate' };
  if (modality === 'intended' && MATERIAL_CONFLICT.has(type)) return { type: 'THREATEN', rule: 'intent-to-coerce' };
  if (modality === 'required' && (COOPERATIVE.has(type) || MATERIAL_CONFLICT.has(type))) return { type: 'DEMAND', rule: 'required' };
  if (modality === 'negated' && COOPERATIVE.has(type)) return { type: 'REJECT', rule: 'refuse-to-cooperate' };
  return { type, rule: null };
}
