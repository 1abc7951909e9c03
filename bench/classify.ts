/**
 * Demand classifier benchmark: held-out accuracy, training time and throughput.
 *
 *   npx tsx bench/classify.ts
 */
import { fileURLToPath } from "node:url";
import { DemandClassifier, loadExamples } from "../src/modules/demands/classify/classifier.js";
import { evaluate } from "../src/modules/demands/classify/evaluate.js";
import { splitExamples } from "../src/modules/demands/classify/split.js";

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** Trains on the train split, scores the held-out split and times both. */
export async function benchClassify(): Promise<Record<string, number | string>> {
  const { train, test } = splitExamples(loadExamples());

  // The first training also loads jieba's dictionary, as the first POST /api/classify would.
  let started = performance.now();
  const classifier = DemandClassifier.fromExamples(train);
  const coldTrainingMs = performance.now() - started;
  started = performance.now();
  DemandClassifier.fromExamples(train);
  const trainingMs = performance.now() - started;

  const report = evaluate(classifier, test);

  const rounds = 3;
  started = performance.now();
  for (let i = 0; i < rounds; i++) for (const example of test) classifier.classify(example.text);
  const classificationsPerSecond = (rounds * test.length) / ((performance.now() - started) / 1000);

  return {
    trainExamples: train.length,
    testExamples: test.length,
    top1Level2: round(report.top1),
    top3Level2: round(report.top3),
    top1Exact: round(report.exactTop1),
    meanTopScore: round(report.meanTopScore),
    typeAccuracy: round(report.typeAccuracy),
    urgentPrecision: round(report.urgentPrecision),
    urgentRecall: round(report.urgentRecall),
    coldTrainingMs: Math.round(coldTrainingMs),
    trainingMs: Math.round(trainingMs),
    classificationsPerSecond: Math.round(classificationsPerSecond),
  };
}

/** Prints the held-out accuracy and the timings, one per line. */
export function reportClassify(results: Record<string, number | string>): void {
  for (const [name, value] of Object.entries(results))
    console.log(`classification: ${name.padEnd(26)} ${value}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  reportClassify(await benchClassify());
}
