import type { PlaceMention, Token } from '../../model/index.js';
import type { ActorLexicon, Conflict } from './actor-dictionary.js';
import type { ActorCandidate } from './actor-candidate.js';

/** A state's side is its ISO 3166-1 alpha-2 code; keys of non-state parties are longer ("HAMAS", "MM-JUNTA"). */
const isStateSide = (side: string): boolean => /^[A-Z]{2}$/.test(side);

/**
 * The wars a document reports, read the way a reader places a story: from
 * the places it names (a resolved place in a war's theatre, a sea or strait
 * of it: "the Red Sea") and the parties it names that fight only that war
 * (the Houthis, the RSF, Ukraine). A war counts when it has at least a third
 * of the evidence of the best-attested one, so a passing mention ("as in
 * Gaza") does not make a report on Ukraine a report on Gaza, and at least as
 * much evidence as there are mentions of other states' actors, so a report on
 * US politics that mentions aid to Ukraine is not a report on the war. None
 * when the text points to no known war.
 */
export function conflictsOfDocument(
  tokens: readonly Token[], places: readonly PlaceMention[], chosen: readonly ActorCandidate[], lexicon: ActorLexicon,
): Conflict[] {
  const wars = lexicon.conflicts;
  if (wars.length === 0) return [];
  const partyOf = new Map<string, number>();
  for (const war of wars) for (const p of war.parties) partyOf.set(p, (partyOf.get(p) ?? 0) + 1);
  const named = placeNamesByWar(tokens, wars);
  const score = wars.map((war, w) => {
    let n = named[w]!;
    for (const place of places) if (place.country && war.theatre.has(place.country)) n++;
    // a party of this war alone names it ("the Houthis", "the RSF"); one of several wars (Israel, the US) does not
    for (const c of chosen) if (war.parties.has(c.side) && partyOf.get(c.side) === 1) n++;
    return n;
  });
  // A story about something else that mentions a war in passing (US politics and "aid to Ukraine") names the
  // other states' actors more often than the war's places and parties: the war must outweigh them.
  const outsiders = wars.map((war) => chosen.filter((c) => isStateSide(c.side) && !war.parties.has(c.side)).length);
  const best = Math.max(...score);
  if (best === 0) return [];
  return wars.filter((_, i) => score[i]! > 0 && score[i]! * 3 >= best && score[i]! >= outsiders[i]!);
}

/** Per war, how many times the text names one of its seas or straits: one pass over the tokens. */
type PlaceIndex = Map<string, Array<{ war: number; norms: readonly string[] }>>;
/** The place names of a lexicon's wars by their first word, built once per lexicon. */
const placeIndexes = new WeakMap<readonly Conflict[], PlaceIndex>();

function placeNamesByWar(tokens: readonly Token[], wars: readonly Conflict[]): number[] {
  const counts = wars.map(() => 0);
  let byFirst = placeIndexes.get(wars);
  if (!byFirst) {
    const index: PlaceIndex = new Map();
    wars.forEach((war, w) => war.places.forEach((norms) => {
      if (norms.length === 0) return;
      const list = index.get(norms[0]!) ?? [];
      list.push({ war: w, norms });
      index.set(norms[0]!, list);
    }));
    placeIndexes.set(wars, index);
    byFirst = index;
  }
  for (let i = 0; i < tokens.length; i++) {
    const list = byFirst.get(tokens[i]!.norm);
    if (!list) continue;
    for (const { war, norms } of list) if (norms.every((n, k) => tokens[i + k]?.norm === n)) counts[war]!++;
  }
  return counts;
}

/**
 * Refiner: in a document about known wars, the officials, forces and
 * ministries of a state that fights none of them speak as a third party (the
 * US President on a Ukrainian town, the White House on a strike on a Gaza
 * hospital); a state that fights one of them keeps its side (US Central
 * Command in the Red Sea). Nothing changes when no war is known, so a report
 * on domestic politics keeps its national sides.
 */
export function sidesInConflict(chosen: readonly ActorCandidate[], wars: readonly Conflict[]): ActorCandidate[] {
  if (wars.length === 0) return [...chosen];
  const parties = new Set(wars.flatMap((w) => [...w.parties]));
  return chosen.map((c) => isStateSide(c.side) && !parties.has(c.side)
    ? { ...c, side: 'THIRD', rule: `${c.rule}+not-a-party` }
    : c);
}
