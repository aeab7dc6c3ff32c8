import type { AnalyzedDocument, SourceDocument } from '../model/index.js';
import { emptyAnalysis } from '../model/index.js';
import type { ReadContext, Stage } from './stage.js';
import { createSegmentStage, type SegmentOptions } from './segment/index.js';
import { createTimeStage } from './time/index.js';
import { createActorsStage, type ActorLexicon } from './actors/index.js';
import { createAttributionStage, type ContentStanceLexicon, type CueLexicon, type SpanTagger } from './attribution/index.js';
import { createQuantitiesStage } from './quantities/index.js';
import { createPlacesStage, type PlacesOptions } from './places/index.js';
import { createEventsStage, type EventLexicon } from './events/index.js';
import { createClaimsStage, type ClaimsStageOptions } from './claims/index.js';
import type { TimeLexicon } from './time/time-lexicon.js';
import type { LanguageAbbreviations } from './segment/abbreviations.js';
import type { QuantityVocabulary } from './quantities/quantity-vocabulary.js';

/**
 * What the stages read a document in another language than English with
 * (issue 14: Russian, Ukrainian), loaded from data/<concern>/<language>/.
 * The language of a document (`meta.language`) chooses them; a stage without
 * them for that language reads it with its English resources.
 */
export interface LanguageResources {
  /** Abbreviations whose stop ends no sentence (data/segment/<language>/abbreviations.json), compiled. */
  readonly abbreviations?: LanguageAbbreviations;
  /** The time vocabulary (data/time/<language>/lexicon.json), compiled. */
  readonly time?: TimeLexicon;
  /** The reporting cues with stances (data/cues/<language>/cues.json), compiled. */
  readonly cues?: CueLexicon;
  /** Number words, scales and modifiers (data/quantities/<language>/quantities.json), compiled. */
  readonly quantities?: QuantityVocabulary;
  /** Claim triggers and context words (data/claims/<language>/claims.json over the English predicates; see languageClaims). */
  readonly claims?: { readonly predicates: unknown; readonly context: unknown; readonly sites?: unknown };
}

/** What the stages need that is loaded once, at the edge (CLI, server, eval), and shared by every document. */
export interface Resources {
  readonly segment?: SegmentOptions;
  /** The gazetteer (default + imported extension + curated data/places) and the place context cues. */
  readonly places?: PlacesOptions;
  /** The actor dictionary with sides (data/actors), compiled. */
  readonly actors?: ActorLexicon;
  /** The reporting-cue lexicon with stances (data/cues), compiled. */
  readonly cues?: CueLexicon;
  /** Content patterns that give a neutral cue its stance (data/cues/content-stance.json), compiled. */
  readonly contentStance?: ContentStanceLexicon;
  /** The attribution span tagger trained on PolNeAR train (models/attribution), compiled. */
  readonly attributionTagger?: SpanTagger;
  /** The PLOVER event triggers and actor words (data/events), parsed. */
  readonly events?: EventLexicon;
  /** The claim predicate vocabulary and context words (data/claims), parsed. */
  readonly claims?: ClaimsStageOptions;
  /** Resources of other languages than English, by language code ('ru', 'uk'). */
  readonly languages?: Readonly<Record<string, LanguageResources>>;
}

/** One concern's resources of every language that has them, by language code. */
function byLanguage<K extends keyof LanguageResources>(resources: Resources, concern: K): Record<string, NonNullable<LanguageResources[K]>> {
  const out: Record<string, NonNullable<LanguageResources[K]>> = {};
  for (const [language, r] of Object.entries(resources.languages ?? {})) {
    const value = r[concern];
    if (value !== undefined) out[language] = value as NonNullable<LanguageResources[K]>;
  }
  return out;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  read(source: SourceDocument, ctx?: ReadContext): AnalyzedDocument;
}

/**
 * The per-document pipeline: the one place where stages are wired together,
 * in order. Each line says why it sits where it does.
 */
export function createPipeline(resources: Resources = {}): Pipeline {
  const stages: Stage[] = [
    // Every later stage works on sentences and tokens; captions are marked here
    // so that the time stage can keep a photo's date out of the news timeline.
    createSegmentStage({ ...resources.segment, abbreviations: byLanguage(resources, 'abbreviations') }),
    // Times before everything that anchors to them (attributions take the
    // statement time, claims the time they are about).
    createTimeStage({ languages: byLanguage(resources, 'time') }),
    // Places right after time: they need only tokens, and actors and attribution
    // read the place mentions (a capital acting as its government, "Kyiv said",
    // is marked here for the actors stage). Left out when no gazetteer was loaded.
    ...(resources.places ? [createPlacesStage(resources.places)] : []),
    // Actors after segment (they match on tokens) and before attribution, which
    // links each source to an actor's entity and side. Left out when no
    // dictionary was loaded (unit tests of earlier stages).
    ...(resources.actors ? [createActorsStage(resources.actors)] : []),
    // Attribution after times (the statement's time) and actors (the source's
    // entity and side); before claims, which are the contents it finds.
    ...(resources.cues ? [createAttributionStage({ cues: resources.cues, contentStance: resources.contentStance, tagger: resources.attributionTagger, languages: byLanguage(resources, 'cues'), sides: resources.actors ? new Map([...resources.actors.countries, ...resources.actors.demonyms]) : undefined, hostileTerms: resources.actors?.hostileTerms })] : []),
    // Quantities after times, whose spans it leaves alone ("6 December 2024"
    // is a date, not six of something).
    createQuantitiesStage({ languages: byLanguage(resources, 'quantities') }),
    // Claims after attribution (each content is read as propositions), places
    // (arguments by gazetteer id), actors (forces by side) and quantities
    // (counts); before events, which may point to the claims that report them.
    // Left out when no predicate vocabulary was loaded.
    ...(resources.claims ? [createClaimsStage({ ...resources.claims, languages: byLanguage(resources, 'claims') })] : []),
    // Events last: they point to the actors, places, times and quantities found
    // above (source and target, where, when, how many). Left out when no
    // trigger lexicon was loaded.
    ...(resources.events ? [createEventsStage({ lexicon: resources.events })] : []),
  ];
  return {
    stages,
    read(source, ctx = {}) {
      let doc = emptyAnalysis(source);
      for (const stage of stages) doc = stage.run(doc, ctx);
      return doc;
    },
  };
}
