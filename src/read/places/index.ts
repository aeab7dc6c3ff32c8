export { createPlacesStage, findPlaceProposals, type PlacesOptions } from './places-stage.js';
export { parseContextCues, type ContextCues } from './context-cues.js';
export { resolvePlaces, distanceKm, type Resolution } from './resolve-places.js';
export type { PlaceProposal } from './proposal.js';
