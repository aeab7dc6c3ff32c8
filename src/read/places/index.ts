export { createPlacesStage, findPlaceProposals, type PlacesOptions, type LanguagePlaces } from './places-stage.js';
export { parseCaseEndings, caseFormCandidates, adjectiveTownCandidates, type CaseEndings } from './case-forms.js';
export { parseContextCues, type ContextCues } from './context-cues.js';
export { resolvePlaces, distanceKm, type Resolution } from './resolve-places.js';
export type { PlaceProposal } from './proposal.js';
