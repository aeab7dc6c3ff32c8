export { createSegmentStage, isHardWrapped, type SegmentOptions } from './segment-stage.js';
export { tokenize, normalizeToken } from './tokenize.js';
export { splitSentences } from './split-sentences.js';
export { isCaption } from './is-caption.js';
export { compileAbbreviations, type LanguageAbbreviations } from './abbreviations.js';
