export { createClaimsStage, type ClaimsStageOptions } from './claims-stage.js';
export { compileClaimLexicon, type ClaimLexicon } from './claim-lexicon.js';
export { timexWindow, windowsOverlap, addDays, isoDay } from './time-window.js';
export { propositionKey } from './read-claims.js';
export { placeKey } from '../../model/place-key.js';
