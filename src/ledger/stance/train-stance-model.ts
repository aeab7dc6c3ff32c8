import type { CueLexicon } from './cue-lexicon.js';
import { trainLogistic } from './logistic.js';
import { RELATEDNESS_FEATURES, learnIdf, prepareBody, stanceFeatures, type PreparedBody } from './stance-features.js';
import { RELATED_LABELS, type StanceLabel, type StanceModel } from './stance-model.js';

export interface StancePair {
  readonly headline: string;
  readonly body: string;
  readonly bodyId: string;
  readonly label: StanceLabel;
}

/**
 * Trains both models on labelled pairs: idf from the pairs' distinct bodies
 * and headlines, the relatedness model on every pair, the stance model on
 * the related ones. Deterministic: same pairs in the same order → same JSON.
 */
export function trainStanceModel(pairs: readonly StancePair[], cues: CueLexicon, trainedOn: string, prepared?: ReadonlyMap<string, PreparedBody>): StanceModel {
  const bodies = [...new Map(pairs.map((p) => [p.bodyId, p.body])).values()];
  const headlines = [...new Set(pairs.map((p) => p.headline))];
  const { idf, unseen } = learnIdf([...bodies, ...headlines], cues);
  const table = { idf: new Map(Object.entries(idf)), unseen };
  const cache = new Map(prepared);
  const prep = (p: StancePair): PreparedBody => {
    let b = cache.get(p.bodyId);
    if (!b) cache.set(p.bodyId, (b = prepareBody(p.body, cues)));
    return b;
  };
  const rows = pairs.map((p) => stanceFeatures(p.headline, prep(p), table, cues));
  const relatedness = trainLogistic(
    rows,
    pairs.map((p) => (p.label === 'unrelated' ? 'unrelated' : 'related')),
    ['unrelated', 'related'],
    RELATEDNESS_FEATURES,
    { l2: 1e-4, iterations: 400, learningRate: 0.05 },
  );
  const relatedRows = rows.filter((_, i) => pairs[i]!.label !== 'unrelated');
  const relatedLabels = pairs.filter((p) => p.label !== 'unrelated').map((p) => p.label);
  const features = Object.keys(rows[0] ?? {}).sort();
  const stance = trainLogistic(relatedRows, relatedLabels, RELATED_LABELS, features, { l2: 3e-3, iterations: 300, learningRate: 0.03 });
  return { version: 1, trainedOn, idf, unseenIdf: unseen, relatedness, stance };
}
