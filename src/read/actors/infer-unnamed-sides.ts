import type { Token } from '../../model/index.js';
import type { ActorCandidate } from './actor-candidate.js';

/**
 * Words that make an unnamed source a member of armed forces ("one platoon
 * commander", "a frontline soldier"): such a source speaks for the forces its
 * sentence is about. Kept here rather than in data/actors because the rule,
 * not the dictionary, uses them.
 */
const MILITARY_WORDS = new Set([
  'commander', 'commanders', 'soldier', 'soldiers', 'serviceman', 'servicemen', 'fighter', 'fighters', 'officer', 'officers',
  'platoon', 'company', 'battalion', 'brigade', 'frontline', 'front-line', 'military', 'medic', 'medics', 'paramedic',
]);
const NO_SIDE = new Set(['UNKNOWN', 'MEDIA', 'THIRD']);

/**
 * Refiner: an unnamed military source with no side of its own ("AFU troops ...
 * are outnumbered, with one platoon commander telling ...") takes the side of
 * the first actor of its sentence with a warring side — the forces the
 * sentence is about — or, failing one, of the nearest such actor before it in
 * the previous sentences. The side is marked `sideInferred`: read from
 * context, not stated.
 */
export function inferUnnamedSides(tokens: readonly Token[], chosen: readonly ActorCandidate[]): ActorCandidate[] {
  return chosen.map((c, i) => {
    if (c.kind !== 'unnamed' || !NO_SIDE.has(c.side)) return c;
    let military = false;
    for (let k = c.from; k < c.to; k++) if (MILITARY_WORDS.has(tokens[k]!.norm)) military = true;
    if (!military) return c;
    const sentence = tokens[c.from]!.sentence;
    const sided = (a: ActorCandidate): boolean => a !== c && !NO_SIDE.has(a.side) && a.kind !== 'media' && a.kind !== 'evidence';
    let context = chosen.find((a) => tokens[a.from]!.sentence === sentence && sided(a));
    if (!context) {
      for (let j = i - 1; j >= 0; j--) {
        const a = chosen[j]!;
        if (tokens[a.from]!.sentence < sentence - 2) break;
        if (sided(a)) { context = a; break; }
      }
    }
    return context ? { ...c, side: context.side, sideInferred: true, rule: `${c.rule}+side-from-context` } : c;
  });
}
