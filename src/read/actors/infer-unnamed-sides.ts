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
  'platoon', 'company', 'battalion', 'brigade', 'frontline', 'front-line', 'military', 'medic', 'medics', 'paramedic', 'army',
]);
const NO_SIDE = new Set(['UNKNOWN', 'MEDIA', 'THIRD']);
/** A service named as a modifier ("an army source") points back to the force of that service the text named. */
const SERVICE_WORDS = new Set(['army', 'military', 'navy', 'police']);

/** A state's side: its ISO 3166-1 alpha-2 code. */
const isStateSide = (side: string): boolean => /^[A-Z]{2}$/.test(side);

/**
 * Refiner: sides that the text leaves to the context, marked `sideInferred`
 * (read from context, not stated):
 * - an unnamed military source with no side of its own ("AFU troops ... are
 *   outnumbered, with one platoon commander telling ...") takes the side of
 *   the first actor of its sentence with a warring side — the forces the
 *   sentence is about — or, failing one, of the nearest such actor before it
 *   in the previous sentences;
 * - a state's institution named without its state ("the Defense Ministry
 *   announced", `extractBareInstitutions`) belongs to the state the text was
 *   just about: the nearest actor of a state before it (three sentences at
 *   most), else the first one after it in its sentence;
 * - an unnamed source of a service ("an army source", "a military official")
 *   is of the force of that service the text named before ("the Sudanese
 *   army"), at any distance;
 * - bare "analysts", "experts" right after a monitoring group or think tank
 *   ("DeepState wrote ... analysts noted") are that group's.
 */
export function inferUnnamedSides(tokens: readonly Token[], chosen: readonly ActorCandidate[]): ActorCandidate[] {
  const sentenceOf = (a: ActorCandidate): number => tokens[a.from]!.sentence;
  const nearestBefore = (i: number, back: number, ok: (a: ActorCandidate) => boolean): ActorCandidate | undefined => {
    const sentence = sentenceOf(chosen[i]!);
    for (let j = i - 1; j >= 0; j--) {
      const a = chosen[j]!;
      if (sentenceOf(a) < sentence - back) break;
      if (ok(a)) return a;
    }
    return undefined;
  };
  // The candidates are in text order: a sentence's are a run from its first (looked up, not scanned for: issue 19).
  const sentenceStart = new Map<number, number>();
  chosen.forEach((a, i) => { if (!sentenceStart.has(sentenceOf(a))) sentenceStart.set(sentenceOf(a), i); });
  const firstInSentence = (sentence: number, from: number, ok: (a: ActorCandidate) => boolean): ActorCandidate | undefined => {
    for (let j = from; j < chosen.length && sentenceOf(chosen[j]!) <= sentence; j++) if (sentenceOf(chosen[j]!) === sentence && ok(chosen[j]!)) return chosen[j];
    return undefined;
  };
  const inferred = (c: ActorCandidate, context: ActorCandidate | undefined): ActorCandidate =>
    context ? { ...c, side: context.side, sideInferred: true, rule: `${c.rule}+side-from-context` } : c;
  return chosen.map((c, i) => {
    if (c.rule === 'bare-institution' && c.side === 'UNKNOWN') {
      const state = (a: ActorCandidate): boolean => a !== c && isStateSide(a.side) && a.kind !== 'media' && a.kind !== 'evidence' && !a.sideInferred;
      return inferred(c, nearestBefore(i, 3, state) ?? firstInSentence(sentenceOf(c), i + 1, state));
    }
    if (c.rule === 'unnamed-observer' && c.to - c.from === 1) {
      const monitor = nearestBefore(i, 1, (a) => a.kind === 'organisation');
      return monitor ? inferred(c, monitor) : c;
    }
    if (c.kind !== 'unnamed' || !NO_SIDE.has(c.side)) return c;
    // "a Ukrainian soldier and a medic": one joined to an unnamed source of a side by "and" is of that side too
    const joined = chosen[i - 1];
    if (joined && joined.kind !== 'media' && joined.kind !== 'evidence' && !NO_SIDE.has(joined.side) && c.from - joined.to === 1 && tokens[joined.to]!.norm === 'and') return inferred(c, joined);
    // "an army source", "a military official": of the army the text has named ("the Sudanese army")
    const service = [...SERVICE_WORDS].find((w) => tokens.slice(c.from, c.to).some((t) => t.norm === w));
    if (service) {
      // (the words the text used, "the Sudanese army", or the dictionary's name for them)
      const named = nearestBefore(i, Infinity, (a) => a.kind !== 'unnamed' && !NO_SIDE.has(a.side)
        && (a.name.toLowerCase().split(/\s+/).includes(service) || tokens.slice(a.from, a.to).some((t) => t.norm === service)));
      if (named) return inferred(c, named);
    }
    let military = false;
    for (let k = c.from; k < c.to; k++) if (MILITARY_WORDS.has(tokens[k]!.norm)) military = true;
    if (!military) return c;
    const sentence = sentenceOf(c);
    const sided = (a: ActorCandidate): boolean => a !== c && !NO_SIDE.has(a.side) && a.kind !== 'media' && a.kind !== 'evidence';
    return inferred(c, firstInSentence(sentence, sentenceStart.get(sentence)!, sided) ?? nearestBefore(i, 2, sided));
  });
}
