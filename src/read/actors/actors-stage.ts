import type { Diagnostic } from '../../model/index.js';
import type { Stage } from '../stage.js';
import type { ActorLexicon } from './actor-dictionary.js';
import type { ActorCandidate } from './actor-candidate.js';
import { extractDictionaryActors } from './extract-dictionary-actors.js';
import { extractTitledPersons } from './extract-titled-persons.js';
import { extractNationalActors } from './extract-national-actors.js';
import { extractUnnamedActors } from './extract-unnamed-actors.js';
import { extractEvidenceActors } from './extract-evidence-actors.js';
import { dropAppositions, selectActorMentions } from './select-actor-mentions.js';
import { linkActorEntities } from './link-actor-entities.js';
import { inferUnnamedSides } from './infer-unnamed-sides.js';
import { extractAppositivePersons } from './extract-appositive-persons.js';
import { extractBareInstitutions } from './extract-bare-institutions.js';
import { linkBareInstitutions } from './link-bare-institutions.js';
import { conflictsOfDocument, sidesInConflict } from './conflicts-of-document.js';

const STAGE = 'actors';

/**
 * Actor mentions and the entities they name, with sides (issue 4). Extractors
 * propose per sentence; one refiner picks among overlaps, another links
 * entities and adds coreferent mentions ("the ministry", "Syrskyi").
 */
export function createActorsStage(lexicon: ActorLexicon | undefined): Stage {
  if (!lexicon || !(lexicon.aliasesByFirst instanceof Map)) {
    throw new Error('actors: needs the compiled actor lexicon (loadResources() provides resources.actors)');
  }
  return {
    name: STAGE,
    run(doc) {
      const { text, tokens } = doc;
      const candidates: ActorCandidate[] = [];
      for (const sentence of doc.sentences) {
        candidates.push(
          ...extractDictionaryActors(tokens, sentence, lexicon),
          ...extractTitledPersons(text, tokens, sentence, lexicon),
          ...extractAppositivePersons(text, tokens, sentence, lexicon),
          ...extractBareInstitutions(text, tokens, sentence, lexicon),
          ...extractNationalActors(text, tokens, sentence, lexicon),
          ...extractUnnamedActors(text, tokens, sentence, lexicon),
          ...extractEvidenceActors(text, tokens, sentence, lexicon),
        );
      }
      // A dateline ("KYIV, Nov 20 (Reuters) -", found by the places stage) says where the story was
      // filed: the capital there is not its government speaking.
      const datelines = doc.places.filter((p) => p.origin.rule === 'dateline').map((p) => p.span);
      const acting = candidates.filter((c) => !(c.rule === 'dictionary-metonym'
        && datelines.some(([s, e]) => s === tokens[c.from]!.span[0] && e === tokens[c.to - 1]!.span[1])));
      // an institution named without its state is first the one named before in full, else the context's
      const chosen = inferUnnamedSides(tokens, linkBareInstitutions(selectActorMentions(dropAppositions(acting))));
      // The document's wars decide whether a state speaks as a party or as a third party.
      const wars = conflictsOfDocument(tokens, doc.places, chosen, lexicon);
      const { actors, entities } = linkActorEntities(text, tokens, sidesInConflict(chosen, wars), lexicon, STAGE);
      const diagnostics: Diagnostic[] = entities
        .filter((e) => e.side === 'UNKNOWN' && e.kind !== 'evidence' && e.kind !== 'unnamed')
        .map((e) => ({
          code: 'actor.unknown-side', severity: 'info', message: `no side known for ${e.name}`,
          span: actors.find((a) => a.id === e.mentions[0])?.span, stage: STAGE, rule: 'unknown-side',
        }));
      return { ...doc, actors, entities, diagnostics: [...doc.diagnostics, ...diagnostics] };
    },
  };
}
