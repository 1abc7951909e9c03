import { DemandClassifier, loadExamples } from "../src/modules/demands/classify/classifier.js";
import { CATEGORY_KEYWORDS, TYPE_KEYWORDS } from "../src/modules/demands/classify/lexicon.js";
import { normalizeText } from "../src/modules/demands/classify/tokenizer.js";
import { urgentCue } from "../src/modules/demands/classify/urgency.js";
import { DEMAND_TYPES, type DemandType } from "../src/modules/demands/demand-types.js";
import type { RoutePrediction } from "../src/modules/routing/model/metrics.js";

/** Ranks distinct top-level codes in the order their leaves are ranked. */
export function topsOf(leaves: readonly string[]): string[] {
  return [...new Set(leaves.map((code) => code.slice(0, 2)))];
}

const keywordLists = Object.entries(CATEGORY_KEYWORDS).map(
  ([code, line]) => [code, line.split(/\s+/).filter(Boolean)] as const,
);
const typeLists = DEMAND_TYPES.map((type) => [type, TYPE_KEYWORDS[type].split(/\s+/)] as const);

/** Characters of the keywords found in the text: longer matches weigh more. */
function matched(text: string, keywords: readonly string[]): number {
  let score = 0;
  for (const keyword of keywords) if (text.includes(keyword)) score += keyword.length;
  return score;
}

/** Baseline "lexicon only": the leaf whose hand-written keywords cover most of the text; the old urgency cues. */
export function lexiconRouter(text: string): RoutePrediction {
  const normalized = normalizeText(text);
  const leaves = keywordLists
    .map(([code, keywords]) => ({ code, score: matched(normalized, keywords) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .map((entry) => entry.code);
  const type = typeLists
    .map(([name, keywords]) => ({ name, score: matched(normalized, keywords) }))
    .sort((a, b) => b.score - a.score)[0];
  return {
    leaves,
    tops: topsOf(leaves),
    type: type.score > 0 ? type.name : "complaint",
    urgent: urgentCue(text) !== null,
  };
}

/** A router of the previous complement naive Bayes classifier. */
function naiveBayesRouter(classifier: DemandClassifier): (text: string) => RoutePrediction {
  return (text) => {
    const result = classifier.classify(text, 40);
    const leaves = result.candidates.map((candidate) => candidate.code);
    return { leaves, tops: topsOf(leaves), type: result.type as DemandType, urgent: result.urgent };
  };
}

/** Baseline "examples only": the previous naive Bayes on all 2,032 shipped examples, no lexicon. */
export function examplesOnlyRouter(): (text: string) => RoutePrediction {
  return naiveBayesRouter(DemandClassifier.fromExamples(loadExamples(), { useLexicon: false }));
}

/** Baseline "previous model": the naive Bayes /api/classify served before (examples + lexicon). */
export function previousRouter(): (text: string) => RoutePrediction {
  return naiveBayesRouter(DemandClassifier.fromExamples(loadExamples()));
}
