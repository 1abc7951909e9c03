import { level2Code } from "../../categories/tree.js";
import type { DemandClassifier } from "./classifier.js";
import type { LabelledExample } from "./types.js";

/** Accuracy of a classifier on labelled examples; rates are in 0..1. */
export interface EvaluationReport {
  count: number;
  /** Top candidate in the right level-2 category. */
  top1: number;
  /** One of the top three candidates in the right level-2 category. */
  top3: number;
  /** Top candidate is exactly the labelled code. */
  exactTop1: number;
  typeAccuracy: number;
  urgentPrecision: number;
  urgentRecall: number;
  /** Mean score of the top candidate: compare with top1 to judge calibration. */
  meanTopScore: number;
}

/** Scores a classifier against examples it was not trained on (e.g. the held-out split). */
export function evaluate(
  classifier: DemandClassifier,
  examples: readonly LabelledExample[],
): EvaluationReport {
  let top1 = 0;
  let top3 = 0;
  let exact = 0;
  let type = 0;
  let topScore = 0;
  let truePositives = 0;
  let flagged = 0;
  let urgent = 0;
  for (const example of examples) {
    const result = classifier.classify(example.text, 5);
    const want = level2Code(example.category);
    const level2s = result.candidates.map((candidate) => level2Code(candidate.code));
    if (level2s[0] === want) top1++;
    if (level2s.slice(0, 3).includes(want)) top3++;
    if (result.candidates[0]?.code === example.category) exact++;
    if (result.type === example.type) type++;
    topScore += result.candidates[0]?.score ?? 0;
    if (result.urgent) flagged++;
    if (example.urgent) urgent++;
    if (result.urgent && example.urgent) truePositives++;
  }
  const rate = (hits: number, of: number) => (of === 0 ? 0 : hits / of);
  return {
    count: examples.length,
    top1: rate(top1, examples.length),
    top3: rate(top3, examples.length),
    exactTop1: rate(exact, examples.length),
    typeAccuracy: rate(type, examples.length),
    urgentPrecision: rate(truePositives, flagged),
    urgentRecall: rate(truePositives, urgent),
    meanTopScore: rate(topScore, examples.length),
  };
}
