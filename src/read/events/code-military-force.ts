import type { PloverEventType, Token } from '../../model/index.js';

/**
 * Refiner: CAMEO tells conventional military force (19, "fight": armed
 * forces, aircraft, artillery) from unconventional violence (18: bombings,
 * kidnappings, killings by gunmen or mobs); the PLOVER gold standard records
 * keep that as FIGHT vs ASSAULT. An ASSAULT without a specific mode (a plain
 * attack or killing) becomes FIGHT when its source actor, or the words just
 * before the trigger, name military forces or their weapons ("Serb forces
 * killed", "British aircraft ... killed", "US Predator attacks"). A bare
 * nationality ("100 Russian attacks") says nothing about the means and stays
 * ASSAULT.
 */
export function codeMilitaryForce(
  type: PloverEventType,
  mode: string | null,
  tokens: readonly Token[],
  source: { readonly from: number; readonly to: number } | null,
  triggerFrom: number,
  military: ReadonlySet<string>,
): PloverEventType {
  if (type !== 'ASSAULT' || mode !== null) return type;
  const sourceIsMilitary = source !== null && tokens.slice(source.from, source.to).some((t) => military.has(t.norm));
  const modifierIsMilitary = triggerFrom > 0 && military.has(tokens[triggerFrom - 1]!.norm);
  return sourceIsMilitary || modifierIsMilitary ? 'FIGHT' : type;
}
