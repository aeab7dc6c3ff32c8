/** Scores of one dataset: corpus (first-level folder or file under the dataset) → metric → number. */
export type DatasetScores = Record<string, Record<string, number>>;

export interface ScoreOptions {
  /** Print each miss (false positive, false negative, wrong value) through `log`. */
  readonly misses: boolean;
  readonly log: (line: string) => void;
  /** Where the re-collected warnews texts are (`--warnews DIR`); the scorer has a default. */
  readonly warnewsTexts?: string;
}

/** One scorer per dataset folder under ../shared/data (docs/eval.md lists the metrics). */
export interface Scorer {
  /** The folder under the data directory, e.g. `tempeval3`. */
  readonly dataset: string;
  readonly score: (datasetDir: string, options: ScoreOptions) => Promise<DatasetScores>;
}

/** Precision, recall and F1 from counts; 0 where undefined. */
export function prf(truePositives: number, predicted: number, gold: number): { p: number; r: number; f1: number } {
  const p = predicted === 0 ? 0 : truePositives / predicted;
  const r = gold === 0 ? 0 : truePositives / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}
