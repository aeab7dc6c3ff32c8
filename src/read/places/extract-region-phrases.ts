import type { AnalyzedDocument } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer, NameHit } from '../../gazetteer/gazetteer.js';
import type { ContextCues } from './context-cues.js';
import { hasCue, isCapitalised } from './extract-gazetteer-names.js';
import type { PlaceProposal } from './proposal.js';

/**
 * Extractor: region phrases. "Donetsk region", "the Kursk Oblast", "Kherson
 * province" propose the first-level division whose name (or name without its
 * kind word) is X; "eastern Ukraine" proposes the country, marked with the
 * direction. Overlapping name proposals are settled by the longest-span refiner.
 */
export function extractRegionPhrases(doc: AnalyzedDocument, gazetteer: Gazetteer, cues: ContextCues): PlaceProposal[] {
  const out: PlaceProposal[] = [];
  const tokens = doc.tokens;
  for (const sentence of doc.sentences) {
    const [from, to] = sentence.tokens;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (!isCapitalised(t)) continue;
      // X (Y)? region-word: one or two capitalised tokens before the kind word.
      for (const n of [2, 1]) {
        const kindToken = tokens[i + n];
        if (i + n >= to || !kindToken || !cues.regionWord.has(kindToken.norm)) continue;
        let ok = true;
        for (let k = i; k < i + n; k++) if (!isCapitalised(tokens[k]!)) ok = false;
        if (!ok) continue;
        const key = foldName(doc.text.slice(t.span[0], tokens[i + n - 1]!.span[1]));
        const full = `${key} ${kindToken.norm}`;
        const hits = [...gazetteer.lookup(full), ...gazetteer.lookup(key)].filter((h) => isDivision(gazetteer, h));
        if (hits.length === 0) continue;
        out.push({ span: [t.span[0], kindToken.span[1]], key, hits: dedupe(hits), rule: 'region-phrase', tokens: [i, i + n + 1], regionPhrase: true, cue: true });
        break;
      }
      // direction + country: "eastern Ukraine" (the direction word is lower-case, before a capitalised country).
      const before = tokens[i - 1];
      if (i - 1 >= from && before && cues.direction.has(before.norm) && before.text === before.text.toLowerCase()) {
        const hits = gazetteer.lookup(foldName(t.text)).filter((h) => gazetteer.entry(h.entry).featureCode === 'PCLI');
        if (hits.length > 0) out.push({ span: [before.span[0], t.span[1]], key: foldName(t.text), hits, rule: 'direction-country', tokens: [i - 1, i + 1], direction: before.norm, cue: hasCue(tokens, i - 1, from, cues, doc.text) });
      }
    }
  }
  return out;
}

function isDivision(gazetteer: Gazetteer, hit: NameHit): boolean {
  const code = gazetteer.entry(hit.entry).featureCode;
  return code === 'ADM1' || code === 'ADM2' || code === 'RGN';
}

function dedupe(hits: NameHit[]): NameHit[] {
  const seen = new Set<number>();
  return hits.filter((h) => (seen.has(h.entry) ? false : (seen.add(h.entry), true)));
}
