export { createActorsStage } from './actors-stage.js';
export { compileActorLexicon, type ActorLexicon } from './actor-dictionary.js';
