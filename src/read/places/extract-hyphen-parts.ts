import type { AnalyzedDocument } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer, NameHit } from '../../gazetteer/gazetteer.js';
import type { PlaceProposal } from './proposal.js';

/** A part of a compound reads as a place alone only when the place is well known: a country, region, division or large town. */
const KNOWN_POPULATION = 100_000;
const KNOWN_CODES = new Set(['PCLI', 'CONT', 'RGN', 'ADM1', 'PPLC']);

/**
 * Extractor: places inside hyphenated compounds that the tokenizer keeps as
 * one word: "London-based", "the Amsterdam-London leg", "Syrian-Turkish" (no:
 * demonyms are not names). Each capitalised part that is the name of a
 * well-known place is proposed with its own span; a compound that is itself a
 * name ("Ivano-Frankivsk") wins over its parts in the overlap refiner.
 */
export function extractHyphenParts(doc: AnalyzedDocument, gazetteer: Gazetteer): PlaceProposal[] {
  const out: PlaceProposal[] = [];
  doc.tokens.forEach((t, i) => {
    if (t.kind !== 'word' || !t.text.includes('-')) return;
    const re = /[^-]+/g;
    for (let m = re.exec(t.text); m !== null; m = re.exec(t.text)) {
      const part = m[0];
      if (part.length < 3 || part === t.text || !/^\p{Lu}\p{Ll}/u.test(part)) continue;
      // The first part may end a name of several words: "Los Angeles-based", "Abu Dhabi-based".
      if (m.index === 0) {
        const longer = longerName(doc, gazetteer, i, part);
        if (longer !== null) { out.push(longer); continue; }
      }
      const key = foldName(part);
      const hits: NameHit[] = gazetteer.lookup(key).filter((h) => {
        const e = gazetteer.entry(h.entry);
        return h.kind !== 'alternate' || e.featureCode === 'PCLI';
      });
      const known = hits.some((h) => {
        const e = gazetteer.entry(h.entry);
        return KNOWN_CODES.has(e.featureCode) || (e.featureClass === 'P' && e.population >= KNOWN_POPULATION);
      });
      if (!known) continue;
      const start = t.span[0] + m.index;
      out.push({ span: [start, start + part.length], key, hits, rule: 'hyphen-part', tokens: [i, i + 1], cue: true });
    }
  });
  return out;
}

/** "Los" + "Angeles-based": the name made of up to two capitalised words before the compound and its first part. */
function longerName(doc: AnalyzedDocument, gazetteer: Gazetteer, i: number, part: string): PlaceProposal | null {
  const tokens = doc.tokens;
  for (let n = 2; n >= 1; n--) {
    const from = i - n;
    if (from < 0) continue;
    let ok = true;
    for (let k = from; k < i; k++) {
      const t = tokens[k]!;
      if (t.kind !== 'word' || !/^\p{Lu}/u.test(t.text) || t.sentence !== tokens[i]!.sentence || doc.text.slice(t.span[1], tokens[k + 1]!.span[0]) !== ' ') ok = false;
    }
    if (!ok) continue;
    const start = tokens[from]!.span[0];
    const end = tokens[i]!.span[0] + part.length;
    const key = foldName(doc.text.slice(start, end));
    const hits = gazetteer.lookup(key).filter((h) => h.kind !== 'alternate');
    if (hits.length === 0) continue;
    return { span: [start, end], key, hits, rule: 'hyphen-part', tokens: [from, i + 1], cue: true };
  }
  return null;
}
