import { compareItems } from '../../model/index.js';
import type { Stage } from '../stage.js';
import { compileClaimLexicon, type ClaimLexicon } from './claim-lexicon.js';
import { claimSegments } from './claim-segments.js';
import { findForces } from './find-forces.js';
import { findSites } from './find-sites.js';
import { readClaims } from './read-claims.js';
import { refineAdmissions } from './refine-admissions.js';
import { refineAccusations } from './refine-accusations.js';
import { refineDenials } from './refine-denials.js';

export interface ClaimsStageOptions {
  /** Parsed data/claims/predicates.json. */
  readonly predicates: unknown;
  /** Parsed data/claims/context.json. */
  readonly context: unknown;
  /** Parsed data/claims/sites.json: the sites of events (English). */
  readonly sites?: unknown;
  /** The same for other languages, by language code (see languageClaims: data/claims/<language>/claims.json). */
  readonly languages?: Readonly<Record<string, { readonly predicates: unknown; readonly context: unknown }>>;
}

/**
 * The claims stage: every attribution's content, and every stretch of the
 * reporter's own voice, becomes normalised propositions with a polarity
 * (docs/ledger.md). Extractors propose segments, forces and triggers; the
 * reader fills arguments, polarity, modality, times and the evidence grade.
 *
 * @example
 * const stage = createClaimsStage({ predicates, context });
 * stage.run(doc, {}).claims[0].proposition // 'encircled(force:UA,geonames:696643)'
 */
export function createClaimsStage(options: ClaimsStageOptions): Stage {
  const english: ClaimLexicon = compileClaimLexicon(options.predicates, options.context, options.sites);
  const byLanguage = new Map(Object.entries(options.languages ?? {}).map(([language, data]) => [language, compileClaimLexicon(data.predicates, data.context)]));
  return {
    name: 'claims',
    run(doc) {
      // The document's language picks the triggers and context words; the reading is the same.
      const lexicon = byLanguage.get(doc.meta.language ?? 'en') ?? english;
      const forces = findForces(doc, lexicon);
      const sites = lexicon.sites ? findSites(doc, lexicon.sites) : [];
      const read = readClaims({ doc, lexicon, segments: claimSegments(doc, lexicon, forces), forces, sites }).sort(compareItems);
      // after every claim is graded: statements that only concede are admissions
      const admitted = refineAdmissions(doc.attributions, read);
      // a party's statements that the other side's strike harmed someone blame it
      const blamed = refineAccusations(admitted.attributions, admitted.claims);
      // and statements that say the other side did not take a place reject its claim
      const { attributions, claims } = refineDenials(blamed.attributions, blamed.claims, lexicon.context.opponents);
      return { ...doc, attributions, claims };
    },
  };
}
