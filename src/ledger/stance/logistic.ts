/**
 * Multinomial logistic regression over named features: standardised inputs,
 * L2 penalty, full-batch gradient descent with Adam (deterministic: no
 * sampling, weights start at zero). Small enough to ship as JSON.
 */
export interface LinearModel {
  readonly features: readonly string[];
  readonly classes: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  /** weights[class][feature] */
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
}

export interface TrainOptions {
  readonly l2?: number;
  readonly iterations?: number;
  readonly learningRate?: number;
  /** Per-class weight of an example's loss (e.g. to counter class imbalance). */
  readonly classWeight?: Readonly<Record<string, number>>;
}

export function vectorOf(features: readonly string[], values: Readonly<Record<string, number>>): number[] {
  return features.map((f) => values[f] ?? 0);
}

export function trainLogistic(
  rows: ReadonlyArray<Readonly<Record<string, number>>>,
  labels: readonly string[],
  classes: readonly string[],
  features: readonly string[],
  options: TrainOptions = {},
): LinearModel {
  const { l2 = 1e-3, iterations = 300, learningRate = 0.05 } = options;
  const n = rows.length;
  const d = features.length;
  const k = classes.length;
  const x = rows.map((r) => vectorOf(features, r));
  const mean = features.map((_, j) => x.reduce((s, v) => s + v[j]!, 0) / Math.max(1, n));
  const scale = features.map((_, j) => {
    const variance = x.reduce((s, v) => s + (v[j]! - mean[j]!) ** 2, 0) / Math.max(1, n);
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const z = x.map((v) => v.map((val, j) => (val - mean[j]!) / scale[j]!));
  const y = labels.map((l) => {
    const i = classes.indexOf(l);
    if (i < 0) throw new Error(`trainLogistic: label "${l}" is not one of ${classes.join(', ')}`);
    return i;
  });
  const sampleWeight = labels.map((l) => options.classWeight?.[l] ?? 1);
  const totalWeight = sampleWeight.reduce((a, b) => a + b, 0);
  const w = Array.from({ length: k }, () => new Float64Array(d));
  const b = new Float64Array(k);
  const mw = Array.from({ length: k }, () => new Float64Array(d));
  const vw = Array.from({ length: k }, () => new Float64Array(d));
  const mb = new Float64Array(k);
  const vb = new Float64Array(k);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const p = new Float64Array(k);
  for (let it = 1; it <= iterations; it++) {
    const gw = Array.from({ length: k }, () => new Float64Array(d));
    const gb = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      softmaxInto(p, w, b, zi);
      const sw = sampleWeight[i]! / totalWeight;
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (y[i] === c ? 1 : 0)) * sw;
        gb[c]! += g;
        const gwc = gw[c]!;
        for (let j = 0; j < d; j++) gwc[j]! += g * zi[j]!;
      }
    }
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const g = gw[c]![j]! + l2 * w[c]![j]!;
        mw[c]![j] = beta1 * mw[c]![j]! + (1 - beta1) * g;
        vw[c]![j] = beta2 * vw[c]![j]! + (1 - beta2) * g * g;
        const mh = mw[c]![j]! / (1 - beta1 ** it);
        const vh = vw[c]![j]! / (1 - beta2 ** it);
        w[c]![j]! -= (learningRate * mh) / (Math.sqrt(vh) + 1e-8);
      }
      mb[c] = beta1 * mb[c]! + (1 - beta1) * gb[c]!;
      vb[c] = beta2 * vb[c]! + (1 - beta2) * gb[c]! * gb[c]!;
      b[c]! -= (learningRate * (mb[c]! / (1 - beta1 ** it))) / (Math.sqrt(vb[c]! / (1 - beta2 ** it)) + 1e-8);
    }
  }
  const round = (v: number): number => Math.round(v * 1e5) / 1e5;
  return {
    features: [...features],
    classes: [...classes],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: w.map((row) => [...row].map(round)),
    bias: [...b].map(round),
  };
}

function softmaxInto(out: Float64Array, w: ReadonlyArray<ArrayLike<number>>, b: ArrayLike<number>, z: ArrayLike<number>): void {
  let max = -Infinity;
  for (let c = 0; c < out.length; c++) {
    let s = b[c]!;
    const wc = w[c]!;
    for (let j = 0; j < z.length; j++) s += wc[j]! * z[j]!;
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < out.length; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
}

/** Class probabilities of one example, in `model.classes` order. */
export function predictLogistic(model: LinearModel, values: Readonly<Record<string, number>>): number[] {
  const z = model.features.map((f, j) => ((values[f] ?? 0) - model.mean[j]!) / model.scale[j]!);
  const out = new Float64Array(model.classes.length);
  softmaxInto(out, model.weights, model.bias, z);
  return [...out];
}
