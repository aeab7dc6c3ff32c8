import path from 'node:path';
import type { DatasetScores, Scorer } from './scorer.js';
import { scoreFolder } from './timex-corpus.js';

/**
 * WikiWars (Mazur & Dale 2010): 22 Wikipedia war narratives.
 *
 * - `WikiWars_20120218_v104/keyinline/*.key.xml`: the original annotation,
 *   TIMEX2 with `val`, scored against our TIMEX3 values (corpus `WikiWars_20120218_v104`).
 * - `trainingset/tml`, `testset/tml`: a TIMEX3 conversion of the same articles
 *   (corpora `trainingset`, `testset`).
 *
 * TIMEX2 → TIMEX3: `val` is compared with `value` as is — both use ISO 8601
 * with the same placeholders (`XXXX`, `PRESENT_REF`, `P3Y`, `1939-W12`);
 * TIMEX2 `mod` and `set` are not scored; event-anchored TIMEX2 ("the same time
 * as the battle") stay in the gold and count as misses. The DCT is the page's
 * retrieval time (DATETIME): the narrative is not anchored to it, so relative
 * expressions are expected to miss in value — a known weakness.
 */
export const wikiwarsScorer: Scorer = {
  dataset: 'wikiwars',
  score: async (dir, options): Promise<DatasetScores> => {
    const opts = { ...options, dataset: 'wikiwars' };
    const keyinline = scoreFolder(path.join(dir), ['.key.xml'], 'TIMEX2', opts, (c) => c.startsWith('WikiWars'));
    const tml = scoreFolder(dir, ['.tml'], 'TIMEX3', opts, (c) => c === 'trainingset' || c === 'testset');
    return { ...keyinline, ...tml };
  },
};
