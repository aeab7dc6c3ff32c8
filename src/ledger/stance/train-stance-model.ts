import type { CueLexicon } from './cue-lexicon.js';
import { trainLogistic } from './logistic.js';
import { BOW_PREFIX, RELATEDNESS_FEATURES, learnIdf, prepareBody, stanceFeatures, type PreparedBody } from './stance-features.js';
import { RELATED_LABELS, type StanceLabel, type StanceModel } from './stance-model.js';

const MIN_BOW_DF = 20;
const MAX_BOW = 400;

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
  // Dense features, plus the relevant-sentence words found in at least
  // MIN_BOW_DF related training pairs (the most frequent MAX_BOW of them).
  const dense = Object.keys(rows[0] ?? {}).filter((k) => !k.startsWith(BOW_PREFIX));
  const df = new Map<string, number>();
  for (const r of relatedRows) for (const k of Object.keys(r)) if (k.startsWith(BOW_PREFIX)) df.set(k, (df.get(k) ?? 0) + 1);
  const bow = [...df].filter(([, d]) => d >= MIN_BOW_DF).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_BOW).map(([k]) => k);
  const features = [...dense, ...bow].sort();
  const stance = trainLogistic(relatedRows, relatedLabels, RELATED_LABELS, features, { l2: 3e-2, iterations: 800, learningRate: 0.03 });
  return { version: 1, trainedOn, idf, unseenIdf: unseen, relatedness, stance };
}
