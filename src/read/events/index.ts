export { createEventsStage, type EventsOptions } from './events-stage.js';
export { parseEventLexicon, verbForms, nounForms, type EventLexicon, type TriggerForm } from './event-lexicon.js';
export { findTriggers } from './find-triggers.js';
export { findActorPhrases } from './find-actor-phrases.js';
export { eventModality } from './event-modality.js';
