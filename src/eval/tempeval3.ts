import type { Scorer } from './scorer.js';
import { scoreFolder } from './timex-corpus.js';

/**
 * TempEval-3 time expressions (docs/eval.md, "Time expressions"): every
 * `*.tml` under `tempeval3/`, corpus = first-level folder (`TBAQ-cleaned`),
 * the DCT from `<DCT><TIMEX3 functionInDocument="CREATION_TIME">` as the
 * publication date (not scored). Metrics as TE3-evaluation.py defines them:
 * strict/relaxed extent, type and value P/R/F1.
 */
export const tempeval3Scorer: Scorer = {
  dataset: 'tempeval3',
  score: async (dir, options) => scoreFolder(dir, ['.tml'], 'TIMEX3', { ...options, dataset: 'tempeval3' }),
};
