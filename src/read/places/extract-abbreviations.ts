import type { AnalyzedDocument } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { isCapitalised } from './extract-gazetteer-names.js';
import type { PlaceProposal } from './proposal.js';

/**
 * Extractor: abbreviations of first-level divisions as news writes them
 * (data/places/abbreviations.tsv): "N.M.", "NSW", "B.C." wherever they stand;
 * "Va.", "Calif.", "OR", "WA" only after a comma that follows a capitalised
 * name ("Gainesville, Va.", "Portland, OR"), where nothing else reads so.
 * Matching is on the written form, case and dots included.
 */
export function extractAbbreviations(doc: AnalyzedDocument, gazetteer: Gazetteer): PlaceProposal[] {
  const out: PlaceProposal[] = [];
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !isCapitalised(t) || t.text.length > 6) continue;
    const next = tokens[i + 1];
    const dotted = next !== undefined && next.text === '.' && next.span[0] === t.span[1];
    let end = i + 1;
    let abbreviation = dotted ? gazetteer.lookupAbbreviation(`${t.text}.`) : undefined;
    if (abbreviation !== undefined) end = i + 2;
    else abbreviation = gazetteer.lookupAbbreviation(t.text);
    if (abbreviation === undefined) continue;
    if (abbreviation.afterComma) {
      const comma = tokens[i - 1];
      const before = tokens[i - 2];
      if (comma?.text !== ',' || before === undefined || before.sentence !== comma.sentence || !isCapitalised(before)) continue;
    }
    const last = tokens[end - 1]!;
    out.push({ span: [t.span[0], last.span[1]], key: foldName(t.text), hits: [{ entry: abbreviation.entry, kind: 'alternate' }], rule: 'abbreviation', tokens: [i, end], cue: true });
  }
  return out;
}
