export { createAttributionStage, type AttributionOptions } from './attribution-stage.js';
export { compileCueLexicon, type CueLexicon } from './cue-lexicon.js';
export { compileSpanTagger, type SpanTagger } from './span-tagger.js';
export { compileContentStance, refineStanceFromContent, type ContentStanceLexicon } from './refine-stance-from-content.js';
