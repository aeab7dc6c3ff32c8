import type { AnalyzedDocument } from '../../model/index.js';
import { foldName } from '../../gazetteer/fold.js';
import type { Gazetteer, NameHit } from '../../gazetteer/gazetteer.js';
import type { ContextCues } from './context-cues.js';
import { adjectiveTownCandidates, caseFormCandidates, isCyrillicWord, regionNameDivisionNames, regionNameTownCandidates, type CaseEndings } from './case-forms.js';
import { isCapitalised } from './extract-gazetteer-names.js';
import type { PlaceProposal } from './proposal.js';

/**
 * Extractor (Russian, Ukrainian): a capitalised place adjective before a
 * division or front-line noun, in any case.
 * - "Донецкой области", "Курської області": the division, first by the whole
 *   phrase in the nominative as GeoNames names oblasts ("Донецька область"),
 *   else as the division of the town the adjective comes from (Курская ← Курск),
 *   the span covering both words (rule `adjective-region`);
 * - "Покровское направление", "Покровського напрямку": the town the adjective
 *   comes from, the span on the adjective (rule `adjective-direction`).
 */
export function extractAdjectivePhrases(doc: AnalyzedDocument, gazetteer: Gazetteer, cues: ContextCues, endings: CaseEndings): PlaceProposal[] {
  const out: PlaceProposal[] = [];
  const tokens = doc.tokens;
  for (const sentence of doc.sentences) {
    const [from, to] = sentence.tokens;
    // Oblast adjectives without their noun (ellipticRegionAt): read where the sentence has a division word
    // ("області", "областей") and no street word, or where three or more stand in a list.
    let regionWordInSentence = false;
    let streetWordInSentence = false;
    for (let k = from; k < to; k++) {
      if (cues.regionWord.has(tokens[k]!.norm) && /^обл/u.test(tokens[k]!.norm)) regionWordInSentence = true;
      if (cues.streetWord.has(tokens[k]!.norm) || cues.streetWord.has(`${tokens[k]!.norm}.`)) streetWordInSentence = true;
    }
    const feminineAdjective = (k: number): boolean => k >= from && k < to && isCapitalised(tokens[k]!) && isCyrillicWord(tokens[k]!.text) && FEMININE_ADJECTIVE.test(tokens[k]!.norm);
    const ellipticRegionAt = (k: number): boolean => {
      if (streetWordInSentence || !feminineAdjective(k)) return false;
      if (regionWordInSentence) return true;
      // A list: this adjective and two more, each after a comma or "and".
      let run = 1;
      for (let a = k; a - 2 >= from && COORDINATION.has(tokens[a - 1]!.norm) && feminineAdjective(a - 2); a -= 2) run++;
      for (let a = k; a + 2 < to && COORDINATION.has(tokens[a + 1]!.norm) && feminineAdjective(a + 2); a += 2) run++;
      return run >= 3;
    };
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (!isCapitalised(t) || !isCyrillicWord(t.text)) continue;
      // One lower-case word may stand between: "Донецкой народной республики" (or capitalised after an oblast's adjective, as the name is often written: "Донецкой Народной Республики"; not after a town: "Маріуполя Донецької області", "Іршанську Житомирської області").
      let nounAt = i + 1;
      // "Одеська та Львівська області": the first of two coordinated adjectives shares the second's noun.
      let coordinated = false;
      if (i + 3 < to && COORDINATION.has(tokens[i + 1]!.norm) && isCapitalised(tokens[i + 2]!) && isCyrillicWord(tokens[i + 2]!.text) && (cues.regionWord.has(tokens[i + 3]!.norm) || cues.directionWord.has(tokens[i + 3]!.norm))) {
        nounAt = i + 3;
        coordinated = true;
      } else if (nounAt + 1 < to && !cues.regionWord.has(tokens[nounAt]!.norm) && isCyrillicWord(tokens[nounAt]!.text) && (!isCapitalised(tokens[nounAt]!) || (feminineAdjective(i) && !feminineAdjective(nounAt) && LOWER_ADJECTIVE.test(tokens[nounAt]!.norm))) && cues.regionWord.has(tokens[nounAt + 1]!.norm)) nounAt++;
      const noun = nounAt < to ? tokens[nounAt]! : undefined;
      const region = noun !== undefined && cues.regionWord.has(noun.norm);
      if (!region) {
        // "на Харківщині", "Курщина": a region named after its main town.
        const adjective = foldName(t.text);
        const hits = /щин|чин/.test(adjective) ? regionNameHits(gazetteer, [adjective, ...caseFormCandidates(adjective, endings)]) : [];
        if (hits.length > 0) {
          out.push({ span: t.span, key: adjective, hits, rule: 'region-name', tokens: [i, i + 1], regionPhrase: true, cue: true });
          continue;
        }
      }
      let direction = noun !== undefined && (nounAt === i + 1 || coordinated) && cues.directionWord.has(noun.norm);
      if (!region && !direction) {
        // "Бердянський морський торговий порт": up to two lower-case adjectives between the town's adjective and the facility.
        let j = i + 1;
        while (j < to && j - i <= 2 && !cues.directionWord.has(tokens[j]!.norm) && LOWER_ADJECTIVE.test(tokens[j]!.text)) j++;
        direction = j > i + 1 && j < to && cues.directionWord.has(tokens[j]!.norm);
      }
      if (!region && !direction && ellipticRegionAt(i)) {
        // "з Чернівецької області – 14, з Хмельницької – 12", "областей: Одеську, Херсонську": an oblast's adjective
        // alone, where the sentence names oblasts or lists them ("Львівська, Хмельницька, Тернопільська").
        const hits = divisionHits(gazetteer, foldName(t.text), 'область', endings).filter((h) => gazetteer.entry(h.entry).featureCode === 'ADM1');
        if (hits.length > 0) out.push({ span: t.span, key: foldName(t.text), hits, rule: 'adjective-region', tokens: [i, i + 1], regionPhrase: true, cue: true });
        continue;
      }
      if (noun === undefined || (!region && !direction)) continue;
      const adjective = foldName(t.text);
      if (region) {
        const hits = divisionHits(gazetteer, adjective, foldName(noun.text), endings);
        if (hits.length > 0) out.push({ span: [t.span[0], (coordinated ? t : noun).span[1]], key: adjective, hits, rule: 'adjective-region', tokens: [i, coordinated ? i + 1 : nounAt + 1], regionPhrase: true, cue: true });
      } else {
        const hits = townHits(gazetteer, adjective);
        if (hits.hits.length > 0) out.push({ span: t.span, key: hits.key, hits: hits.hits, rule: 'adjective-direction', tokens: [i, i + 1], cue: true });
      }
    }
  }
  return out;
}

const COORDINATION = new Set(['и', 'і', 'й', 'та', ',']);
/** A Russian or Ukrainian adjective in a feminine case form, as an oblast's adjective agrees with область ("Одеська", "Хмельницької", "Курской"). */
const FEMININE_ADJECTIVE = /(?:ська|ської|ській|ську|ською|цька|цької|цькій|цьку|цькою|зька|зької|зькій|зьку|ская|ской|скую|цкая|цкой|цкую)$/u;
/** A lower-case Russian or Ukrainian adjective in any case ("морський", "торгового", "нефтеперерабатывающий"). */
const LOWER_ADJECTIVE = /^[а-яёіїєґ'’-]{3,}(?:ий|ій|ый|ой|ого|его|ому|ему|ім|им|ым|ая|яя|ое|ее|а|е|є|у|ю|і|ої|ей|ою|ую|ых|их|іх)$/u;
const DIVISION_CODES = new Set(['ADM1', 'ADM2']);

function divisionHits(gazetteer: Gazetteer, adjective: string, noun: string, endings: CaseEndings): NameHit[] {
  // The phrase in the nominative, as GeoNames' alternate names of the oblasts have it.
  const adjectives = [adjective, ...caseFormCandidates(adjective, endings)];
  const nouns = [noun, ...caseFormCandidates(noun, endings)];
  const found: NameHit[] = [];
  for (const a of adjectives) {
    for (const n of nouns) {
      for (const h of gazetteer.lookup(`${a} ${n}`)) if (DIVISION_CODES.has(gazetteer.entry(h.entry).featureCode) && !found.some((x) => x.entry === h.entry)) found.push(h);
    }
  }
  if (found.length > 0) return found;
  // Else the first-level division of the town the adjective is made from (Курская область ← Курск).
  return divisionOfTowns(gazetteer, adjectiveTownCandidates(adjective));
}

/**
 * The division a -щина/-чина region name stands for: first the oblast named by the adjective of the
 * same town ("Київщина" → "Київська область", not the city of Kyiv, a division of its own; "Донеччина"
 * → "Донецька область"), else the division whose seat is that town (Курщина ← Курськ/Курск).
 */
function regionNameHits(gazetteer: Gazetteer, forms: readonly string[]): NameHit[] {
  for (const form of forms) {
    for (const name of regionNameDivisionNames(form)) {
      const found = gazetteer.lookup(name).filter((h) => gazetteer.entry(h.entry).featureCode === 'ADM1');
      if (found.length > 0) return found;
    }
  }
  return divisionOfTowns(gazetteer, forms.flatMap(regionNameTownCandidates));
}

/**
 * The first-level divisions whose main town (a seat: PPLA, PPLC) has one of these names, for the
 * first name (most likely first) that has any: "курск" before "куре" (Kure, in Japan) for "Курской".
 */
function divisionOfTowns(gazetteer: Gazetteer, names: readonly string[]): NameHit[] {
  for (const name of names) {
    const found = divisionsOfTown(gazetteer, name);
    if (found.length > 0) return found;
  }
  return [];
}

/** Seats by rank: a capital or an oblast's seat before a raion's or a hromada's (Миколаїв, PPLA, before Миколаївка, PPLA3). */
const SEAT_RANK = ['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5'];

function divisionsOfTown(gazetteer: Gazetteer, town: string): NameHit[] {
  const found: NameHit[] = [];
  const seats = gazetteer.lookup(town).filter((h) => SEAT_RANK.includes(gazetteer.entry(h.entry).featureCode));
  const best = Math.min(...seats.map((h) => SEAT_RANK.indexOf(gazetteer.entry(h.entry).featureCode)));
  for (const h of seats) {
    const e = gazetteer.entry(h.entry);
    if (e.featureClass !== 'P' || e.admin1 === null || SEAT_RANK.indexOf(e.featureCode) !== best) continue;
    const name = gazetteer.adminName(`${e.country}.${e.admin1}`);
    if (name === undefined) continue;
    for (const d of gazetteer.lookup(foldName(name))) {
      const de = gazetteer.entry(d.entry);
      if (de.featureCode === 'ADM1' && de.country === e.country && de.admin1 === e.admin1 && !found.some((x) => x.entry === d.entry)) found.push({ entry: d.entry, kind: 'alternate' });
    }
  }
  return found;
}

function townHits(gazetteer: Gazetteer, adjective: string): { key: string; hits: NameHit[] } {
  for (const candidate of adjectiveTownCandidates(adjective)) {
    const hits = gazetteer.lookup(candidate).filter((h) => gazetteer.entry(h.entry).featureClass === 'P');
    if (hits.length > 0) return { key: candidate, hits };
  }
  return { key: adjective, hits: [] };
}
