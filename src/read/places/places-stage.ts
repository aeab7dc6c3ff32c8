import type { Diagnostic, PlaceMention } from '../../model/index.js';
import { compareItems, itemId } from '../../model/index.js';
import { Gazetteer } from '../../gazetteer/gazetteer.js';
import type { Stage } from '../stage.js';
import type { ContextCues } from './context-cues.js';
import { extractAbbreviations } from './extract-abbreviations.js';
import { extractDatelines } from './extract-datelines.js';
import { extractHyphenParts } from './extract-hyphen-parts.js';
import { extractGazetteerNames } from './extract-gazetteer-names.js';
import { extractRegionPhrases } from './extract-region-phrases.js';
import { extractAdjectivePhrases } from './extract-adjective-phrases.js';
import { extractStreetNames } from './extract-street-names.js';
import type { CaseEndings } from './case-forms.js';
import type { InflectedLookup } from './extract-gazetteer-names.js';
import type { PlaceProposal } from './proposal.js';
import { refineGovernmentRole } from './refine-government-role.js';
import { countryStems, refineNonPlaces } from './refine-non-places.js';
import { refineOverlaps, refineTimeOverlaps } from './refine-overlaps.js';
import { resolvePlaces, type Resolution } from './resolve-places.js';

export interface PlacesOptions {
  /** The loaded gazetteer (src/gazetteer/load-gazetteer.ts), shared by every document. */
  readonly gazetteer: Gazetteer;
  /** The context words of data/places/context-cues.tsv. */
  readonly cues: ContextCues;
  /**
   * Resources of the other languages the stage reads (data/places/ru, data/places/uk), by ISO
   * 639-1 code: their context words, in place of the English ones, and the case endings of names.
   * A document in a language not listed is read with the English cues and no case endings.
   */
  readonly languages?: Readonly<Record<string, LanguagePlaces>>;
}

/** What the places stage reads a document of one language with. */
export interface LanguagePlaces {
  readonly cues: ContextCues;
  readonly endings: CaseEndings;
  /** Finds inflected names another way than by the case endings (the stemmer of the morphology comparison, docs/eval.md). */
  readonly inflected?: InflectedLookup;
}

/** Below this confidence a resolved place gets a `place.ambiguous` diagnostic. */
const AMBIGUOUS_BELOW = 0.5;

/**
 * The places stage: extractors propose (gazetteer names, region phrases, abbreviations,
 * datelines, places inside hyphenated compounds),
 * refiners decide (overlaps, non-places, government role), the resolver picks
 * an entry for each. Needs sentences and tokens (segment stage).
 *
 * @example
 * const stage = createPlacesStage({ gazetteer: loadGazetteer(), cues });
 * stage.run(doc, {}).places[0] // => { text: 'Pokrovsk', country: 'UA', lat: 48.28, ... }
 */
export function createPlacesStage(options: PlacesOptions): Stage {
  if (!(options?.gazetteer instanceof Gazetteer)) throw new TypeError('createPlacesStage: options.gazetteer must be a loaded Gazetteer (loadResources() provides one)');
  if (!options.cues?.locative) throw new TypeError('createPlacesStage: options.cues must be parsed context cues (parseContextCues)');
  const { gazetteer, cues } = options;
  const languages = options.languages ?? {};
  for (const [code, l] of Object.entries(languages)) {
    if (!l?.cues?.locative || !Array.isArray(l.endings)) throw new TypeError(`createPlacesStage: options.languages.${code} must have parsed cues (parseContextCues) and endings (parseCaseEndings)`);
  }
  const stems = countryStems(gazetteer.countryNames);
  return {
    name: 'places',
    run(doc) {
      const language = doc.meta.language === null ? undefined : languages[doc.meta.language];
      const proposals = findPlaceProposals(doc, gazetteer, language?.cues ?? cues, stems, language?.endings, language?.inflected);
      const resolutions = resolvePlaces(proposals, gazetteer, doc.text);
      const places: PlaceMention[] = [];
      const diagnostics: Diagnostic[] = [];
      proposals.forEach((p, i) => {
        const mention = toMention(doc.text, p, resolutions[i]!, gazetteer);
        places.push(mention);
        if (mention.name === null) {
          diagnostics.push({ code: 'place.unknown', severity: 'info', message: `'${mention.text}' reads as a place but is not in the gazetteer; 'counterclaim gazetteer import' adds GeoNames' full data`, span: p.span, stage: 'places', rule: p.rule });
        } else if (mention.confidence < AMBIGUOUS_BELOW) {
          diagnostics.push({ code: 'place.ambiguous', severity: 'info', message: `'${mention.text}' could be one of ${p.hits.length} places; chose ${mention.name} (${mention.country}) with confidence ${mention.confidence}`, span: p.span, stage: 'places', rule: 'resolve' });
        }
      });
      return { ...doc, places: places.sort(compareItems), diagnostics: [...doc.diagnostics, ...diagnostics] };
    },
  };
}

/** Extractors then refiners, without resolution: the recognition half of the stage (also used by the eval). */
export function findPlaceProposals(doc: Parameters<Stage['run']>[0], gazetteer: Gazetteer, cues: ContextCues, stems: ReadonlySet<string>, endings?: CaseEndings, inflected?: InflectedLookup): PlaceProposal[] {
  // The narrow extractors come first: on equal spans the overlap refiner keeps the earlier proposal,
  // so "LONDON" as a dateline beats "LONDON" as a bare capitalised name (which reads as an acronym).
  // Adjective phrases ("Донецкой области") before names, so that the division beats the town on the adjective.
  const proposed = [
    ...extractAbbreviations(doc, gazetteer), ...extractDatelines(doc, gazetteer), ...extractHyphenParts(doc, gazetteer),
    ...(endings ? [...extractStreetNames(doc, cues, gazetteer), ...extractAdjectivePhrases(doc, gazetteer, cues, endings)] : []),
    ...extractGazetteerNames(doc, gazetteer, cues, endings, inflected), ...extractRegionPhrases(doc, gazetteer, cues),
  ];
  const unique = refineTimeOverlaps(doc, refineOverlaps(proposed));
  const places = refineNonPlaces(doc, unique, { gazetteer, cues, countryStems: stems, ...(endings ? { endings } : {}) });
  return refineGovernmentRole(doc, places, gazetteer, cues);
}

function toMention(text: string, p: PlaceProposal, r: Resolution, gazetteer: Gazetteer): PlaceMention {
  const id = itemId('place', p.span);
  const mentionText = text.slice(p.span[0], p.span[1]);
  const origin = { stage: 'places', rule: p.rule };
  const role = p.role ?? 'location';
  if (r.entry === null) {
    return { id, kind: 'place', span: p.span, text: mentionText, origin, role, name: null, geonameId: null, lat: null, lon: null, country: null, admin1: null, admin2: null, featureClass: null, featureCode: null, historicName: false, confidence: 0, why: r.why };
  }
  const e = gazetteer.entry(r.entry);
  let historic = false;
  for (const h of p.hits) if (h.entry === r.entry) { historic = h.kind === 'historic'; break; }
  const admin1 = e.admin1 === null || e.featureCode === 'ADM1' ? null : (gazetteer.adminName(`${e.country}.${e.admin1}`) ?? e.admin1);
  const admin2 = e.admin1 === null || e.admin2 === null || e.featureCode === 'ADM2' ? null : (gazetteer.adminName(`${e.country}.${e.admin1}.${e.admin2}`) ?? e.admin2);
  return {
    id,
    kind: 'place',
    span: p.span,
    text: mentionText,
    origin,
    role,
    name: p.direction ? `${p.direction} ${e.name}` : e.name,
    geonameId: p.direction ? null : e.geonameId,
    lat: e.lat,
    lon: e.lon,
    country: e.country === '' ? null : e.country,
    admin1,
    admin2,
    featureClass: e.featureClass,
    featureCode: p.direction ? 'RGN' : e.featureCode,
    historicName: historic,
    confidence: r.confidence,
    why: r.why,
  };
}
