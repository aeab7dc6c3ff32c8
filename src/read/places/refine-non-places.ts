import type { AnalyzedDocument } from '../../model/index.js';
import type { Gazetteer, GazetteerEntry } from '../../gazetteer/gazetteer.js';
import { foldName } from '../../gazetteer/fold.js';
import { cueWordEndingAt, hasCueWord, type ContextCues } from './context-cues.js';
import { isCapitalised } from './extract-gazetteer-names.js';
import type { PlaceProposal } from './proposal.js';
import { caseFormCandidates, isCyrillicWord, type CaseEndings } from './case-forms.js';
import { PATRONYMIC } from '../cyrillic-names.js';

/** Population from which a town's name alone, without a cue, is read as the place. */
const KNOWN_TOWN_POPULATION = 100_000;
/** At the start of a sentence every word is capitalised: only a large city's name is read as the place there. */
const CAPITALISED_ANYWAY_POPULATION = 1_000_000;
/** What joins two coordinated names: a comma, "and", "or", and their Russian and Ukrainian equivalents. */
const COORDINATION = /^\s*(?:,|,?\s*(?:and|or|и|или|і|й|та|або))\s*$/u;
/** A verb or a function word after "the X" (said, declined, has, and, of...): X ends its noun phrase, so it is the head (an institution), not a modifier. */
const CLAUSE_VERB = /^(?:and|or|but|nor|in|on|at|of|to|for|with|from|by|as|that|which|who|\w+ed|said|says|is|was|are|were|has|had|have|will|would|can|could|may|might|must|should|did|does|do|says|wants|warns|insists|denies|confirms|announces)$/;
/** Below this population a place reached only by another language's name is not read as that place without a settlement word. */
const SMALL_PLACE_POPULATION = 1000;
const STRONG_CODES = new Set(['PCLI', 'CONT', 'RGN']);
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]+$/u;
/** Russian and Ukrainian patronymics in any case ("Михайлівна", "Андреевича", "Ильиничной"). */
/** Extractors whose own checks are the evidence (their files say which). */
const SELF_EVIDENT_RULES = new Set(['abbreviation', 'dateline', 'hyphen-part', 'street-name']);

export interface NonPlaceOptions {
  readonly gazetteer: Gazetteer;
  readonly cues: ContextCues;
  /** Folded stems of country names (first letters of each), for demonyms: "Russian", "Ukrainian", "Syrian". */
  readonly countryStems: ReadonlySet<string>;
  /** The document language's case endings (Russian, Ukrainian): a given name is known in any case ("Марині" ← Марина). */
  readonly endings?: CaseEndings;
}

/**
 * Refiner: drops proposals that are not places: person names after a title or
 * inside a longer capitalised name, organisations ("Moscow Times"), demonyms,
 * acronyms that only collide with a place ("AFU", "EPA"), and common words
 * that happen to be place names. A name is kept when the evidence for a place
 * is good enough: a country, continent or region; a division named as such;
 * a locative or settlement cue; a multi-word name; a large town; a comma
 * pairing with another place ("Pandi, Bulacan"); or the same name kept
 * elsewhere in the document (one sense per discourse).
 */
export function refineNonPlaces(doc: AnalyzedDocument, proposals: readonly PlaceProposal[], options: NonPlaceOptions): PlaceProposal[] {
  const { gazetteer, cues } = options;
  const tokens = doc.tokens;
  const lowerWords = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !isCapitalised(t)) lowerWords.add(t.norm);
  const entriesOf = (p: PlaceProposal): GazetteerEntry[] => p.hits.map((h) => gazetteer.entry(h.entry));
  const isStrong = (p: PlaceProposal): boolean => p.hits.some((h) => {
    const e = gazetteer.entry(h.entry);
    // A division by its own name, if people live there in numbers ("Paul", a district of Cape Verde, is not).
    return STRONG_CODES.has(e.featureCode) || (e.featureCode === 'ADM1' && h.kind === 'primary' && e.population >= KNOWN_TOWN_POPULATION);
  });

  // "the Amsterdam airport", "the Pittsburgh, Pennsylvania-based company": a town before a noun or a place is a
  // modifier and still the town; "the White House said", "at the White House." end the name's phrase there.
  const theBeforeTown = (p: PlaceProposal, next: (typeof tokens)[number] | undefined): boolean => {
    if (p.hits.some((h) => {
      const e = gazetteer.entry(h.entry);
      return e.featureClass !== 'P' || /^the /i.test(e.name);
    })) return true;
    if (next === undefined || next.sentence !== tokens[p.tokens[0]]!.sentence) return false;
    if (next.kind === 'word') return !isCapitalised(next) ? !CLAUSE_VERB.test(next.norm) : true;
    if (next.text === ',') {
      const after = tokens[p.tokens[1] + 1];
      return after !== undefined && after.sentence === next.sentence && isCapitalised(after);
    }
    return !/^[.;:!?)\]"”’']$|^['’]s$/.test(next.text);
  };
  // A seat of government or of a division ("мер Луцька", "мэра Москвы").
  const isSeat = (p: PlaceProposal): boolean => p.hits.some((h) => /^PPL(?:C|A|A2)$/.test(gazetteer.entry(h.entry).featureCode));
  // The tokens inside any proposal, and inside a well-known one: marked once, not searched per proposal (issue 19).
  const inProposal = new Uint8Array(tokens.length + 1);
  const inWellKnown = new Uint8Array(tokens.length + 1);
  for (const q of proposals) {
    inProposal.fill(1, q.tokens[0], q.tokens[1]);
    if (q.regionPhrase === true || isStrong(q) || maxPopulation(q, entriesOf(q)) >= KNOWN_TOWN_POPULATION) inWellKnown.fill(1, q.tokens[0], q.tokens[1]);
  }
  const wellKnownAt = (tokenIndex: number): boolean => inWellKnown[tokenIndex] === 1;
  // "the city of X", "города X", "села X": a settlement word names what follows as a place, whatever comes after it.
  const afterSettlementWord = (ti: number): boolean => {
    let k = ti - 1;
    if (tokens[k]?.norm === 'the') k--;
    if (tokens[k]?.norm === 'of') k--;
    const cue = cueWordEndingAt(tokens, k, doc.text);
    return cue !== null && tokens[cue.at]!.sentence === tokens[ti]!.sentence && hasCueWord(cues.settlement, cue.word);
  };
  // Tokens k and k + 1 are a Cyrillic given name and surname (two capitalised name words, the first no patronymic).
  const beforeFullName = (k: number): boolean => {
    const given = tokens[k];
    const surname = tokens[k + 1];
    return given !== undefined && surname !== undefined && surname.sentence === given.sentence && isCapitalised(surname) && NAME_WORD.test(surname.text)
      && isCyrillicWord(given.text) && isCyrillicWord(surname.text) && !PATRONYMIC.test(given.norm);
  };
  const isGivenName = (key: string, text: string): boolean => {
    if (cues.givenName.size === 0 || !isCyrillicWord(text)) return false;
    if (cues.givenName.has(key)) return true;
    const folded = foldName(text);
    return cues.givenName.has(folded) || (options.endings !== undefined && caseFormCandidates(folded, options.endings).some((f) => cues.givenName.has(f)));
  };
  const verdict = new Map<PlaceProposal, 'keep' | 'drop' | 'maybe'>();
  // Single words read as a surname ("Megyn Kelly") or after a title somewhere in the document.
  const personNames = new Set<string>();
  for (const p of proposals) {
    const [ti, tj] = p.tokens;
    const words = tokens.slice(ti, tj).filter((t) => t.kind === 'word');
    const text = doc.text.slice(p.span[0], p.span[1]);
    const strong = isStrong(p);
    const prev = tokens[ti - 1];
    const next = tokens[tj];
    const sameSentence = (t: typeof prev): boolean => t !== undefined && t.sentence === tokens[ti]!.sentence;
    const sentenceStart = !sameSentence(prev) || prev!.kind === 'quote' || (prev!.kind === 'punct' && /[:;(—–-]/.test(prev!.text) === false && prev!.text !== ',');
    const single = words.length === 1;
    let v: 'keep' | 'drop' | 'maybe' = 'maybe';
    // Region phrases, directions and abbreviations carry their own evidence (their extractors check it).
    if (p.regionPhrase || p.direction || SELF_EVIDENT_RULES.has(p.rule)) v = 'keep';
    else if (single && cues.notPlace.has(p.key)) v = 'drop';
    else if (/^[A-Z]{2,6}$/.test(text.replace(/[.\s]/g, '')) && !text.includes('.') && !strong) v = 'drop';
    // A country's own name in any form ("Britain") is not its demonym, though it shares the stem.
    else if (single && (gazetteer.lookupDemonym(p.key).length > 0 || isDemonym(p.key, options.countryStems)) && !p.hits.some((h) => STRONG_CODES.has(gazetteer.entry(h.entry).featureCode))) v = 'drop';
    // In Russian and Ukrainian a country or division after a title is in the genitive, whose office it is
    // ("президент России", "мэра Москвы"); in English the title names a person ("President Jordan").
    else if (sameSentence(prev) && cues.title.has(prev!.norm.replace(/\.$/, '')) && !(isCyrillicWord(text) && (strong || isSeat(p)))) { v = 'drop'; if (single) personNames.add(p.key); }
    else if (sameSentence(next) && isCapitalised(next!) && cues.orgWord.has(next!.norm)) v = 'drop';
    // "the White House", "the Pentagon", "the Shard": English names towns without an article, so a
    // town's name after "the" is a building, an institution or a company, unless the town is a
    // modifier of a front-line noun ("the Pokrovsk direction") or "The" is part of its own name.
    else if (sameSentence(prev) && prev!.norm === 'the' && !theBeforeTown(p, next)) v = 'drop';
    // "Того ж дня": a Cyrillic word the text also writes in lower case is that word (того, "of that"), even where a
    // country has its name (Togo); Russian and Ukrainian capitalise place names and nothing else mid-sentence.
    else if (single && isCyrillicWord(text) && lowerWords.has(p.key) && p.rule !== 'adjective-region' && p.rule !== 'region-name') v = 'drop';
    // "Марина сказала", "до Романа": a given name is the person unless a settlement word names the place ("село
    // Марина") or a locative cue stands before a large town's name ("у Софії").
    else if (single && !strong && isGivenName(p.key, text) && !afterSettlementWord(ti) && !(p.cue && maxPopulation(p, entriesOf(p)) >= KNOWN_TOWN_POPULATION)) { v = 'drop'; personNames.add(p.key); }
    else if (strong) v = 'keep';
    else if (afterSettlementWord(ti)) v = 'keep';
    // Every village of Ukraine is in the gazetteer, many with a foreign or old spelling as an alternate name
    // ("Putin" for Putiatyntsy): a small place known only by such a name needs a settlement word ("the village of").
    else if (p.hits.every((h) => h.kind === 'alternate' && gazetteer.entry(h.entry).featureClass === 'P' && gazetteer.entry(h.entry).population < SMALL_PLACE_POPULATION)) v = 'drop';
    // A given name before it ("Megyn Kelly"): a capitalised word of letters, not a road number ("A429 Cirencester").
    else if (single && sameSentence(prev) && isCapitalised(prev!) && NAME_WORD.test(prev!.text) && !sentenceStartAt(tokens, ti - 1) && inProposal[ti - 1] !== 1) { v = 'drop'; personNames.add(p.key); }
    // A capitalised word after it ("Mary Magdalene", "Paul Francis Floyd") makes it a given name, unless
    // that word starts a well-known place itself (two places side by side).
    // Not before a whole Russian or Ukrainian name, given name and surname: "мешканка Києва Юлія Залізна",
    // "мера Одеси Вахтанга Убірії" (a place in the genitive before a person), where a given name would be
    // followed by a patronymic ("Софія Михайлівна Ротару") or by the surname alone.
    else if (single && sameSentence(next) && isCapitalised(next!) && NAME_WORD.test(next!.text) && !wellKnownAt(tj) && !(isCyrillicWord(text) && beforeFullName(tj))) v = 'drop';
    else if (p.cue) v = 'keep';
    else if (single && lowerWords.has(p.key)) v = 'drop';
    else if (words.length >= 2 && p.hits.some((h) => h.kind !== 'alternate')) v = 'keep';
    else if (maxPopulation(p, entriesOf(p)) >= (sentenceStart ? CAPITALISED_ANYWAY_POPULATION : KNOWN_TOWN_POPULATION)) v = 'keep';
    else if (p.hits.length === 0) v = 'drop';
    verdict.set(p, v);
  }
  // "Oulton Park, Cheshire", "Knockhill, Fife": a division after a comma and a capitalised name locates that name.
  const divisionAfterComma = (p: PlaceProposal): boolean => {
    const comma = tokens[p.tokens[0] - 1];
    const before = tokens[p.tokens[0] - 2];
    return comma?.text === ',' && before !== undefined && before.sentence === comma.sentence && isCapitalised(before)
      && p.hits.some((h) => h.kind !== 'alternate' && ['ADM1', 'ADM2'].includes(gazetteer.entry(h.entry).featureCode));
  };
  // Comma pairs ("Pandi, Bulacan") and one sense per discourse settle the undecided.
  const keptKeys = new Set<string>();
  for (const [p, v] of verdict) if (v === 'keep') keptKeys.add(p.key);
  const joined = new Set<PlaceProposal>();
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k]!;
    if (verdict.get(p) !== 'maybe') continue;
    const next = proposals[k + 1];
    const prev = proposals[k - 1];
    const commaBefore = (a: PlaceProposal, b: PlaceProposal): boolean => /^\s*,\s*$/.test(doc.text.slice(a.span[1], b.span[0]));
    // "near Kupiansk and Lyman", "біля Покровська і Мирнограда": a name joined to a place kept by a cue shares its cue.
    const joinedTo = (a: PlaceProposal, b: PlaceProposal): boolean => (a.cue === true || joined.has(a)) && COORDINATION.test(doc.text.slice(a.span[1], b.span[0]));
    // "Тернопіль, Ємільчине, Бурштин і Кременець": a name listed after a comma continues the list, whose last member
    // after "and" is a place too.
    if (prev && verdict.get(prev) === 'keep' && (joinedTo(prev, p) || commaBefore(prev, p))) joined.add(p);
    if ((next && verdict.get(next) !== 'drop' && commaBefore(p, next)) || (prev && verdict.get(prev) === 'keep' && (commaBefore(prev, p) || joinedTo(prev, p))) || keptKeys.has(p.key) || divisionAfterComma(p)) {
      verdict.set(p, 'keep');
    }
  }
  // One sense per discourse for people too: once "Kelly" is a surname here, a bare "Kelly" is that
  // person, unless the name is a country, region or division, or a large town.
  for (const p of proposals) {
    if (verdict.get(p) !== 'keep' || !personNames.has(p.key) || p.rule !== 'gazetteer-name' || isStrong(p)) continue;
    // The town's own population here, not the floor maxPopulation gives seats ("Nelson" the person, not Nelson, NZ).
    if (!entriesOf(p).some((e) => e.featureClass === 'P' && e.population >= KNOWN_TOWN_POPULATION)) verdict.set(p, 'drop');
  }
  return proposals.filter((p) => verdict.get(p) === 'keep');
}

function maxPopulation(p: PlaceProposal, entries: readonly GazetteerEntry[]): number {
  let max = 0;
  entries.forEach((e, i) => {
    if (p.hits[i]!.kind === 'alternate' && e.featureClass === 'P') return;
    const pop = e.featureCode === 'PPLC' ? Math.max(e.population, CAPITALISED_ANYWAY_POPULATION) : e.featureCode === 'PPLA' ? Math.max(e.population, KNOWN_TOWN_POPULATION) : e.population;
    if (e.featureClass === 'P' && pop > max) max = pop;
  });
  return max;
}

function sentenceStartAt(tokens: AnalyzedDocument['tokens'], i: number): boolean {
  const prev = tokens[i - 1];
  return prev === undefined || prev.sentence !== tokens[i]!.sentence || prev.kind === 'quote';
}


/** "Russian", "Ukrainian", "Syrian", "Chinese", "Israeli", "British": a country stem and a demonym ending. */
export function isDemonym(folded: string, countryStems: ReadonlySet<string>): boolean {
  const m = /^([a-z]+?)(?:ians?|ans?|ese|ish|is?|ic|ns?)$/.exec(folded);
  if (!m) return false;
  for (let n = Math.min(folded.length - 1, 8); n >= 4; n--) if (countryStems.has(folded.slice(0, n))) return true;
  return false;
}

/** Stems for isDemonym: each single-word country name (and variant) less its last one or two letters. */
export function countryStems(names: readonly string[]): Set<string> {
  const stems = new Set<string>();
  for (const name of names) {
    if (name.includes(' ') || name.length < 4) continue;
    stems.add(name.slice(0, Math.max(4, name.length - 1)));
    stems.add(name.slice(0, Math.max(4, name.length - 2)));
  }
  return stems;
}
