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
    createSegmentStage(resources.segment),
    // Times before everything that anchors to them (attributions take the
    // statement time, claims the time they are about).
    createTimeStage(),
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
    ...(resources.cues ? [createAttributionStage({ cues: resources.cues, contentStance: resources.contentStance, tagger: resources.attributionTagger, sides: resources.actors ? new Map([...resources.actors.countries, ...resources.actors.demonyms]) : undefined })] : []),
    // Quantities after times, whose spans it leaves alone ("6 December 2024"
    // is a date, not six of something).
    createQuantitiesStage(),
    // Claims after attribution (each content is read as propositions), places
    // (arguments by gazetteer id), actors (forces by side) and quantities
    // (counts); before events, which may point to the claims that report them.
    // Left out when no predicate vocabulary was loaded.
    ...(resources.claims ? [createClaimsStage(resources.claims)] : []),
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
