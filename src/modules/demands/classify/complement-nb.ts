/** One ranked label with its probability. */
export interface LabelScore {
  label: string;
  score: number;
}

export interface ComplementNBOptions {
  /** Additive smoothing of the complement counts (default 1). */
  alpha?: number;
  /** Sharpness of the softmax that turns scores into probabilities (default 1). */
  temperature?: number;
  /** Per-document weight (default 1): how many times each document counts. */
  weights?: readonly number[];
}

interface TfIdfVector {
  /** Known features only, weighted by their IDF (features are binary: present or not). */
  values: Map<string, number>;
  norm: number;
}

function tfidf(idf: ReadonlyMap<string, number>, features: readonly string[]): TfIdfVector {
  const values = new Map<string, number>();
  let squares = 0;
  for (const feature of new Set(features)) {
    const weight = idf.get(feature);
    if (weight === undefined) continue;
    values.set(feature, weight);
    squares += weight * weight;
  }
  return { values, norm: Math.sqrt(squares) || 1 };
}

function inverseDocumentFrequencies(documents: readonly string[][]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const features of documents) {
    for (const feature of new Set(features)) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [feature, count] of frequency)
    idf.set(feature, Math.log((documents.length + 1) / (count + 1)) + 1);
  return idf;
}

/**
 * Complement naive Bayes over TF-IDF weighted, binary features (Rennie et al. 2003, "Tackling the
 * poor assumptions of naive Bayes text classifiers"). Each class is scored by how unlike its
 * complement (all other classes) the text is, which stays sound when classes have few, unequal
 * numbers of examples — the case of a 190-leaf tree seeded with a handful of examples each.
 */
export class ComplementNB {
  private constructor(
    private readonly labels: readonly string[],
    private readonly idf: ReadonlyMap<string, number>,
    /** feature → per-class weight; every class's weights average 1. */
    private readonly weights: ReadonlyMap<string, Float64Array>,
    private readonly logPriors: Float64Array,
    /** Temperature over the median training norm. */
    private readonly scale: number,
  ) {}

  /** Trains on documents given as feature lists, one label each. */
  static train(
    documents: readonly string[][],
    labels: readonly string[],
    { alpha = 1, temperature = 1, weights }: ComplementNBOptions = {},
  ): ComplementNB {
    const labelList = [...new Set(labels)].sort();
    const labelIndex = new Map(labelList.map((label, k) => [label, k]));
    const K = labelList.length;
    const idf = inverseDocumentFrequencies(documents);
    const vectors = documents.map((features) => tfidf(idf, features));

    const priors = new Float64Array(K);
    const perClass = new Map<string, Float64Array>();
    const classTotals = new Float64Array(K);
    vectors.forEach(({ values, norm }, d) => {
      const k = labelIndex.get(labels[d]) as number;
      const weight = weights?.[d] ?? 1;
      priors[k] += weight;
      for (const [feature, value] of values) {
        const row = perClass.get(feature) ?? new Float64Array(K);
        perClass.set(feature, row);
        // Length-normalised, so long texts do not outvote short ones.
        row[k] += (value / norm) * weight;
        classTotals[k] += (value / norm) * weight;
      }
    });

    const grandTotal = classTotals.reduce((sum, total) => sum + total, 0);
    const vocabulary = perClass.size;
    const classWeightTotals = new Float64Array(K);
    const featureWeights = new Map<string, Float64Array>();
    for (const [feature, row] of perClass) {
      const featureTotal = row.reduce((sum, value) => sum + value, 0);
      // −log P(feature | not class k): high when the feature is rare outside class k.
      const weight = row.map(
        (inClass, k) =>
          -Math.log((featureTotal - inClass + alpha) / (grandTotal - classTotals[k] + alpha * vocabulary)),
      );
      featureWeights.set(feature, weight);
      for (let k = 0; k < K; k++) classWeightTotals[k] += weight[k];
    }
    // Rennie's weight normalisation: classes with many examples must not win by sheer mass.
    for (const weight of featureWeights.values()) {
      for (let k = 0; k < K; k++) weight[k] *= vocabulary / classWeightTotals[k];
    }

    const priorTotal = priors.reduce((sum, prior) => sum + prior, 0);
    const logPriors = priors.map((prior) => Math.log(prior / priorTotal));
    const norms = vectors.map((vector) => vector.norm).sort((a, b) => a - b);
    const medianNorm = norms[Math.floor(norms.length / 2)] || 1;
    return new ComplementNB(labelList, idf, featureWeights, logPriors, temperature / medianNorm);
  }

  /**
   * Every label with a probability, most probable first (ties by label). A text with no known
   * feature gets the class priors: low, spread-out scores rather than a confident guess.
   */
  predict(features: readonly string[]): LabelScore[] {
    const K = this.labels.length;
    const { values } = tfidf(this.idf, features);
    const scores = values.size === 0 ? Float64Array.from(this.logPriors) : new Float64Array(K);
    // Scaled by a typical norm instead of the text's own: the ranking is the same, but a text with
    // little known evidence gets flatter, less confident scores than a full description.
    for (const [feature, value] of values) {
      const weight = this.weights.get(feature) as Float64Array;
      for (let k = 0; k < K; k++) scores[k] += weight[k] * value * this.scale;
    }
    const max = Math.max(...scores);
    const exponentials = scores.map((score) => Math.exp(score - max));
    const sum = exponentials.reduce((total, value) => total + value, 0);
    return this.labels
      .map((label, k) => ({ label, score: exponentials[k] / sum }))
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  }
}
