import type { AnalyzedDocument } from '../../model/index.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import type { ContextCues } from './context-cues.js';
import type { PlaceProposal } from './proposal.js';

const SEATS = new Set(['PCLI', 'PPLC']);

/**
 * Refiner: a capital or a country that speaks or acts is its government
 * ("Kyiv said", "Moscow had deployed", "accused Kyiv of", "Moscow's forces"):
 * such proposals are marked `government` for the actors stage; every other
 * proposal is a `location`, and so is one after a preposition ("in Mexico have
 * been", "ministry of Brazil announced"). Only names that can be a country or a capital
 * are read this way: "Pokrovsk said" is not a usage news has.
 */
export function refineGovernmentRole(doc: AnalyzedDocument, proposals: readonly PlaceProposal[], gazetteer: Gazetteer, cues: ContextCues): PlaceProposal[] {
  const tokens = doc.tokens;
  // The proposals' last tokens, looked up per proposal (a scan of them all per proposal was quadratic: issue 19).
  const endTokens = new Set(proposals.map((q) => q.tokens[1]));
  return proposals.map((p) => {
    if (p.regionPhrase || p.direction || !p.hits.some((h) => h.kind !== 'alternate' || gazetteer.entry(h.entry).featureCode === 'PCLI') || !p.hits.some((h) => SEATS.has(gazetteer.entry(h.entry).featureCode))) {
      return { ...p, role: 'location' as const };
    }
    const [ti, tj] = p.tokens;
    const sentence = tokens[ti]!.sentence;
    const at = (k: number): string | null => (tokens[k] && tokens[k]!.sentence === sentence ? tokens[k]!.norm : null);
    const next = at(tj);
    const afterPossessive = next === "'s" ? at(tj + 1) : null;
    const prev = at(ti - 1);
    // After a preposition (and "the") the name is not the subject: "people in Mexico have been", "the health
    // ministry of Brazil announced", "camps in Kenya threatened": the place reading.
    const beforeArticle = prev === 'the' ? at(ti - 2) : prev;
    if (beforeArticle !== null && (beforeArticle === 'of' || cues.locative.has(beforeArticle))) return { ...p, role: 'location' as const };
    // "Texas, United States have begun": the country qualifies the place before the comma.
    if (prev === ',' && endTokens.has(ti - 1)) return { ...p, role: 'location' as const };
    const government =
      (next !== null && cues.governmentVerb.has(next)) ||
      (afterPossessive !== null && cues.governmentNoun.has(afterPossessive)) ||
      (prev !== null && cues.governmentObjectVerb.has(prev));
    return { ...p, role: government ? ('government' as const) : ('location' as const) };
  });
}
