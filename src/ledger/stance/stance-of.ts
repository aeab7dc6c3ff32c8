import type { CueLexicon } from './cue-lexicon.js';
import { predictLogistic } from './logistic.js';
import { stanceFeatures, type IdfTable, type PreparedBody } from './stance-features.js';
import type { StanceLabel, StanceModel } from './stance-model.js';

export interface StanceResult {
  readonly label: StanceLabel;
  /** Probability of each label (sums to 1). */
  readonly scores: Readonly<Record<StanceLabel, number>>;
}

/** The body may be given prepared (prepareBody) when one body is checked against many headlines. */
export type StanceOf = (headline: string, body: string | PreparedBody) => StanceResult;

/**
 * Builds `stanceOf(headline, body)`: first whether the body is about the
 * headline (relatedness model), then, if it is, whether it agrees, disagrees
 * or discusses (stance model). The label is the one with the highest expected
 * FNC-1 score: a related label earns 0.25 for "related" plus 0.75 if it is the
 * right one, "unrelated" earns 0.25 — so a pair is called related when
 * P(related) · (0.25 + 0.75 · max P(label | related)) > 0.25 · P(unrelated).
 *
 * @example
 * const stanceOf = createStanceOf(model, cues);
 * stanceOf('Ukraine denies Pokrovsk encircled', 'Kyiv denied Russian claims that ...').label // 'disagree'
 */
export function createStanceOf(model: StanceModel, cues: CueLexicon): StanceOf {
  const table: IdfTable = { idf: new Map(Object.entries(model.idf)), unseen: model.unseenIdf };
  const relIndex = model.relatedness.classes.indexOf('related');
  if (relIndex < 0) throw new Error('stance model: the relatedness model has no "related" class; retrain it');
  return (headline, body) => {
    const f = stanceFeatures(headline, body, table, cues);
    const pRelated = predictLogistic(model.relatedness, f)[relIndex]!;
    const pStance = predictLogistic(model.stance, f);
    const scores = { agree: 0, disagree: 0, discuss: 0, unrelated: 1 - pRelated } as Record<StanceLabel, number>;
    let bestLabel: StanceLabel = 'discuss';
    let best = -1;
    model.stance.classes.forEach((c, i) => {
      scores[c as StanceLabel] = pRelated * pStance[i]!;
      if (pStance[i]! > best) {
        best = pStance[i]!;
        bestLabel = c as StanceLabel;
      }
    });
    const related = pRelated * (0.25 + 0.75 * best) > 0.25 * (1 - pRelated);
    return { label: related ? bestLabel : 'unrelated', scores };
  };
}
