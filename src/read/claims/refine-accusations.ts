import type { Attribution, Claim, Side } from '../../model/index.js';

/** Sides that are not parties: their reports of a strike are not blame (warnews GUIDELINES.md: `accuse` is a party's). */
const NOT_PARTIES: ReadonlySet<Side> = new Set(['THIRD', 'MEDIA', 'UNKNOWN']);
const HARM_PREDICATES = new Set(['struck', 'attacked']);

/**
 * Refiner: a party's statement that another side's forces struck or attacked,
 * and harmed someone or something ("an enemy air strike killed 500 people",
 * "an enemy drone struck the hospital"), blames that side (warnews
 * GUIDELINES.md: `accuse`), whatever its neutral cue ("said", "told"). The harm
 * is a target or site the statement names as hit, or casualties claimed in the same
 * statement; a count of strikes alone ("the enemy carried out 34 air
 * strikes") is a report, and stays `assert`. Reports by outside bodies and
 * the media are not blame. A cue with a stance of its own is left alone.
 */
export function refineAccusations(attributions: readonly Attribution[], claims: readonly Claim[]): { attributions: Attribution[]; claims: Claim[] } {
  const byAttribution = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.attribution || c.polarity !== 'positive' || c.modality !== 'asserted') continue;
    (byAttribution.get(c.attribution) ?? byAttribution.set(c.attribution, []).get(c.attribution)!).push(c);
  }
  const accusing = new Set<string>();
  const out = attributions.map((a) => {
    if (a.voice !== 'source' || a.stance !== 'assert' || a.stanceFrom || NOT_PARTIES.has(a.side)) return a;
    const own = byAttribution.get(a.id) ?? [];
    const casualties = own.some((c) => c.predicate === 'casualties');
    const blamed = own.find((c) => {
      if (!HARM_PREDICATES.has(c.predicate)) return false;
      const actor = c.args.find((x) => x.role === 'actor')?.key;
      const side = actor?.startsWith('force:') ? actor.slice('force:'.length) : null;
      if (!side || side === a.side || NOT_PARTIES.has(side)) return false;
      return casualties || c.args.some((x) => (x.role === 'target' || x.role === 'site') && x.key && x.basis === 'stated');
    });
    if (!blamed) return a;
    accusing.add(a.id);
    return { ...a, stance: 'accuse' as const, stanceFrom: { span: blamed.trigger.span, text: blamed.trigger.text, rule: 'claims-accusation' } };
  });
  if (accusing.size === 0) return { attributions: [...attributions], claims: [...claims] };
  return { attributions: out, claims: claims.map((c) => (c.attribution && accusing.has(c.attribution) ? { ...c, stance: 'accuse' as const } : c)) };
}
