import type { Attribution, Claim } from '../../model/index.js';

/**
 * Refiner: a statement whose propositions concede ground to the other side
 * ("our troops withdrew from the town", "the army had lost the town", "part of
 * the town is under the enemy's control") is an admission against the
 * speaker's interest (warnews GUIDELINES.md: `acknowledge`), whatever its
 * neutral cue ("said", "confirmed", "noted"). Decided from the claims'
 * evidence grade: every asserted, non-`said` claim of the attribution is an
 * admission. The stance and its reason are written on the attribution and
 * its claims; a cue with a stance of its own ("denied") is left alone. A
 * withdrawal the side tells as an orderly manoeuvre with no place given up
 * ("withdrawing to take up new positions") is its own account of a move, not a
 * concession; leaving a place the sentence names concedes it, however orderly ("permission
 * to conduct a manoeuvre to withdraw units from the town"). A side's own order
 * to withdraw (modality `intended`) concedes as its withdrawal does.
 */
export function refineAdmissions(attributions: readonly Attribution[], claims: readonly Claim[]): { attributions: Attribution[]; claims: Claim[] } {
  const byAttribution = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.attribution || c.predicate === 'said' || (c.modality !== 'asserted' && c.modality !== 'intended')) continue;
    (byAttribution.get(c.attribution) ?? byAttribution.set(c.attribution, []).get(c.attribution)!).push(c);
  }
  const conceding = new Set<string>();
  const out = attributions.map((a) => {
    if (a.voice !== 'source' || a.stance !== 'assert' || a.stanceFrom) return a;
    const own = byAttribution.get(a.id);
    if (!own || own.length === 0 || !own.every(concedes)) return a;
    conceding.add(a.id);
    const first = own.reduce((x, y) => (y.span[0] < x.span[0] ? y : x));
    return { ...a, stance: 'acknowledge' as const, stanceFrom: { span: first.trigger.span, text: first.trigger.text, rule: 'claims-admission' } };
  });
  if (conceding.size === 0) return { attributions: [...attributions], claims: [...claims] };
  return { attributions: out, claims: claims.map((c) => (c.attribution && conceding.has(c.attribution) ? { ...c, stance: 'acknowledge' as const } : c)) };
}

/** An admission that gives ground: not an orderly move that names no place it leaves. */
function concedes(c: Claim): boolean {
  if (c.grade !== 'admission') return false;
  return !c.args.some((x) => x.key === 'manner:orderly') || c.args.some((x) => x.role === 'place' && x.basis === 'stated');
}
