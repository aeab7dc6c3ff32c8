import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createStanceOf, cueLexicon, parseCsvRecords, prepareBody, STANCE_LABELS, trainStanceModel,
  type CueLexicon, type StanceLabel, type StancePair,
} from '../ledger/stance/index.js';
import { prf, type DatasetScores, type Scorer } from './scorer.js';
import { seededRandom } from './seeded-random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CUES_PATH = path.join(ROOT, 'data', 'stance', 'cues.json');
export const FOLDS = 5;
export const SEED = 20170601;

/** Pairs of one FNC-1 split: `PREFIX_stances.csv` (Headline, Body ID, Stance) joined with `PREFIX_bodies.csv` (Body ID, articleBody). */
export async function readFncPairs(dir: string, prefix: string): Promise<StancePair[]> {
  const [stances, bodies] = await Promise.all([
    readFile(path.join(dir, `${prefix}_stances.csv`), 'utf8'),
    readFile(path.join(dir, `${prefix}_bodies.csv`), 'utf8'),
  ]);
  const bodyById = new Map(parseCsvRecords(bodies).map((r) => [r['Body ID']!, r.articleBody!]));
  return parseCsvRecords(stances).map((r, i) => {
    const body = bodyById.get(r['Body ID']!);
    const label = r.Stance as StanceLabel;
    if (body === undefined) throw new Error(`${prefix}_stances.csv row ${i + 2}: Body ID ${r['Body ID']} is not in ${prefix}_bodies.csv`);
    if (!STANCE_LABELS.includes(label)) throw new Error(`${prefix}_stances.csv row ${i + 2}: unknown stance "${r.Stance}"`);
    return { headline: r.Headline!, body, bodyId: r['Body ID']!, label };
  });
}

export async function loadCues(): Promise<CueLexicon> {
  return cueLexicon(JSON.parse(await readFile(CUES_PATH, 'utf8')));
}


/** Fold (0..k-1) of each body id: bodies shuffled with a fixed seed, then dealt round-robin. */
export function foldsByBody(bodyIds: readonly string[], k: number, seed: number): Map<string, number> {
  const ids = [...new Set(bodyIds)].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const rand = seededRandom(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return new Map(ids.map((id, i) => [id, i % k]));
}

/**
 * The official FNC-1 score (scorer.py of FakeNewsChallenge/fnc-1): +0.25 when
 * related/unrelated is right, +0.75 more when a related pair gets its exact
 * label; relative = score / the score of a perfect prediction.
 */
export function fncScore(gold: readonly StanceLabel[], predicted: readonly StanceLabel[]): { score: number; max: number; relative: number } {
  let score = 0;
  let max = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    max += g === 'unrelated' ? 0.25 : 1;
    if ((g === 'unrelated') === (p === 'unrelated')) score += 0.25;
    if (g === p && g !== 'unrelated') score += 0.75;
  });
  return { score, max, relative: max === 0 ? 0 : score / max };
}

/**
 * FNC-1 stance of headline-body pairs, scored by k-fold cross-validation split
 * by body id: each fold's pairs are labelled by a model trained on the other
 * folds only (idf included), so no scored body was seen in training. Only the
 * dev half is here; the shipped model (models/stance) is trained on all of it.
 */
export const fnc1Scorer: Scorer = {
  dataset: 'fnc-1',
  async score(dir, { misses, log }) {
    const cues = await loadCues();
    const prefixes = (await readdir(dir)).filter((f) => f.endsWith('_stances.csv')).map((f) => f.slice(0, -'_stances.csv'.length)).sort();
    const out: DatasetScores = {};
    for (const prefix of prefixes) {
      const pairs = await readFncPairs(dir, prefix);
      const fold = foldsByBody(pairs.map((p) => p.bodyId), FOLDS, SEED);
      // Bodies are tokenised once: what is learnt per fold (idf, weights) is applied to these.
      const prepared = new Map(pairs.map((p) => [p.bodyId, p.body]));
      const bodies = new Map([...prepared].map(([id, body]) => [id, prepareBody(body, cues)]));
      const predicted: StanceLabel[] = new Array(pairs.length);
      const started = performance.now();
      let classified = 0;
      let classifyMs = 0;
      for (let k = 0; k < FOLDS; k++) {
        const train = pairs.filter((p) => fold.get(p.bodyId) !== k);
        const stanceOf = createStanceOf(trainStanceModel(train, cues, `${prefix} folds other than ${k}`, bodies), cues);
        const t0 = performance.now();
        pairs.forEach((p, i) => {
          if (fold.get(p.bodyId) !== k) return;
          predicted[i] = stanceOf(p.headline, bodies.get(p.bodyId)!).label;
          classified++;
        });
        classifyMs += performance.now() - t0;
      }
      const gold = pairs.map((p) => p.label);
      const metrics: Record<string, number> = { pairs: pairs.length, folds: FOLDS, fnc_score: fncScore(gold, predicted).relative };
      for (const label of STANCE_LABELS) {
        const tp = gold.filter((g, i) => g === label && predicted[i] === label).length;
        metrics[`f1_${label}`] = prf(tp, predicted.filter((p) => p === label).length, gold.filter((g) => g === label).length).f1;
      }
      const f1s = STANCE_LABELS.map((l) => metrics[`f1_${l}`]!);
      metrics.f1_macro = f1s.reduce((a, b) => a + b, 0) / f1s.length;
      metrics.relatedness_accuracy = gold.filter((g, i) => (g === 'unrelated') === (predicted[i] === 'unrelated')).length / gold.length;
      for (const g of STANCE_LABELS) {
        for (const p of STANCE_LABELS) metrics[`confusion_${g}_${p}`] = gold.filter((x, i) => x === g && predicted[i] === p).length;
      }
      metrics.pairs_per_second = Math.round(classified / (classifyMs / 1000));
      log(`fnc-1 ${prefix}: ${FOLDS}-fold CV by body id in ${((performance.now() - started) / 1000).toFixed(1)} s; confusion (rows gold, columns predicted ${STANCE_LABELS.join('/')}):`);
      for (const g of STANCE_LABELS) log(`  ${g.padEnd(9)} ${STANCE_LABELS.map((p) => String(metrics[`confusion_${g}_${p}`]).padStart(6)).join('')}`);
      if (misses) {
        pairs.forEach((p, i) => {
          if (predicted[i] !== p.label && p.label !== 'unrelated') log(`miss ${p.label} -> ${predicted[i]}: body ${p.bodyId}: ${p.headline}`);
        });
      }
      out[prefix] = metrics;
    }
    return out;
  },
};
