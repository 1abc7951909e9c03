/**
 * Multinomial logistic regression (softmax) over sparse features, trained by seeded SGD so the same
 * examples give the same weights bit for bit.
 */

/** A document: sorted feature ids and their (normalised) values. */
export interface SparseVector {
  ids: number[];
  values: number[];
}

export interface TrainOptions {
  /** L2 penalty per example step. */
  l2: number;
  epochs: number;
  learningRate: number;
  seed: number;
}

/** Weights of a trained model: one row of per-class weights for each feature, kept sparse. */
export interface LinearWeights {
  classes: string[];
  bias: number[];
  /** rows[featureId] = [classIndex, weight] pairs; features without weight have no row. */
  rows: Map<number, { classes: Int32Array; weights: Float64Array }>;
}

/** mulberry32: tiny seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmaxInPlace(scores: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores) if (score > max) max = score;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp(scores[c] - max);
    sum += scores[c];
  }
  for (let c = 0; c < scores.length; c++) scores[c] /= sum;
}

/**
 * Trains on documents with class indexes in 0..classes.length-1. Dense weights during training
 * (features × classes), pruned to |w| ≥ prune when returned. A class weight scales the loss of its
 * documents (1 when none is given).
 */
export function trainSoftmax(
  docs: readonly SparseVector[],
  labels: readonly number[],
  classes: readonly string[],
  featureCount: number,
  options: TrainOptions,
  prune = 0,
  classWeights?: readonly number[],
): LinearWeights {
  const width = classes.length;
  const weights = new Float64Array(featureCount * width);
  const bias = new Float64Array(width);
  const scores = new Float64Array(width);
  const random = seededRandom(options.seed);
  const order = docs.map((_, index) => index);
  let step = 0;
  const totalSteps = options.epochs * docs.length;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const doc = docs[index];
      // Linear decay to a tenth: large steps first, fine ones at the end.
      const rate = options.learningRate * (1 - (0.9 * step++) / totalSteps);
      scores.set(bias);
      for (let k = 0; k < doc.ids.length; k++) {
        const base = doc.ids[k] * width;
        const value = doc.values[k];
        for (let c = 0; c < width; c++) scores[c] += weights[base + c] * value;
      }
      softmaxInPlace(scores);
      scores[labels[index]] -= 1;
      const weight = classWeights?.[labels[index]] ?? 1;
      if (weight !== 1) for (let c = 0; c < width; c++) scores[c] *= weight;
      const shrink = 1 - rate * options.l2;
      for (let k = 0; k < doc.ids.length; k++) {
        const base = doc.ids[k] * width;
        const value = doc.values[k];
        for (let c = 0; c < width; c++)
          weights[base + c] = weights[base + c] * shrink - rate * scores[c] * value;
      }
      for (let c = 0; c < width; c++) bias[c] -= rate * scores[c];
    }
  }
  const rows: LinearWeights["rows"] = new Map();
  for (let feature = 0; feature < featureCount; feature++) {
    const kept: [number, number][] = [];
    for (let c = 0; c < width; c++) {
      const weight = weights[feature * width + c];
      if (Math.abs(weight) >= prune && weight !== 0) kept.push([c, weight]);
    }
    if (kept.length > 0)
      rows.set(feature, {
        classes: Int32Array.from(kept.map(([c]) => c)),
        weights: Float64Array.from(kept.map(([, weight]) => weight)),
      });
  }
  return { classes: [...classes], bias: [...bias], rows };
}

/** Raw class scores (logits) of a document. */
export function logits(model: LinearWeights, doc: SparseVector): Float64Array {
  const scores = Float64Array.from(model.bias);
  for (let k = 0; k < doc.ids.length; k++) {
    const row = model.rows.get(doc.ids[k]);
    if (!row) continue;
    for (let j = 0; j < row.classes.length; j++) scores[row.classes[j]] += row.weights[j] * doc.values[k];
  }
  return scores;
}

/** Class probabilities at a temperature (calibration: T > 1 softens overconfident scores). */
export function probabilities(model: LinearWeights, doc: SparseVector, temperature = 1): Float64Array {
  const scores = logits(model, doc);
  for (let c = 0; c < scores.length; c++) scores[c] /= temperature;
  softmaxInPlace(scores);
  return scores;
}
