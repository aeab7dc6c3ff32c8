import type { Attribution, Claim, Side } from '../../model/index.js';

/**
 * Refiner: a statement that says the other side did *not* take a place, or
 * that the speaker's own forces are *not* encircled ("РФ не захопила місто
 * повністю", "росіяни не окупували місто", "our troops are not encircled"),
 * rejects the other side's claim (warnews GUIDELINES.md: `deny` when the
 * content rejects a claim, even with a neutral cue). Decided from the claims:
 * an attribution with a neutral stance and an asserted negative `captured`
 * claim whose actor is another party, or a negative `encircled` claim whose
 * force is the speaker's own, is a denial. The reason is written on the
 * attribution (`stanceFrom`, rule `claims-denial`) and its negative claims take the stance
 * (its other claims, "our troops hold positions there", keep theirs).
 * A cue with a stance of its own, or a stance already read from the content, is left alone.
 */
export function refineDenials(attributions: readonly Attribution[], claims: readonly Claim[], opponents: Readonly<Record<string, string>>): { attributions: Attribution[]; claims: Claim[] } {
  const rejecting = new Map<string, Claim>();
  for (const c of claims) {
    if (!c.attribution || c.polarity !== 'negative' || c.modality !== 'asserted' || c.voice !== 'source' || rejecting.has(c.attribution)) continue;
    if (rejects(c, opponents)) rejecting.set(c.attribution, c);
  }
  if (rejecting.size === 0) return { attributions: [...attributions], claims: [...claims] };
  const denied = new Set<string>();
  const out = attributions.map((a) => {
    const c = rejecting.get(a.id);
    if (!c || a.voice !== 'source' || a.stance !== 'assert' || a.stanceFrom) return a;
    denied.add(a.id);
    return { ...a, stance: 'deny' as const, stanceFrom: { span: c.trigger.span, text: c.trigger.text, rule: 'claims-denial' } };
  });
  if (denied.size === 0) return { attributions: out, claims: [...claims] };
  return { attributions: out, claims: claims.map((c) => (c.attribution && denied.has(c.attribution) && c.polarity === 'negative' ? { ...c, stance: 'deny' as const } : c)) };
}

function rejects(c: Claim, opponents: Readonly<Record<string, string>>): boolean {
  const side: Side = c.side;
  if (!opponents[side]) return false;
  const forceOf = (role: string): string | undefined => c.args.find((a) => a.role === role)?.key.replace(/^force:/, '');
  if (c.predicate === 'captured') {
    const actor = forceOf('actor');
    return actor !== undefined && actor === opponents[side];
  }
  if (c.predicate === 'encircled') return forceOf('force') === side;
  return false;
}
