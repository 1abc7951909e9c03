import { findCategory } from "../../categories/tree.js";
import { DEMAND_TYPES, type DemandType } from "../../demands/demand-types.js";
import { type Danger, dangersIn } from "../safety.js";
import type { RoutingArtefact } from "./artefact.js";
import { featureText, featureVector, isTypeCue, withoutTypeCues } from "./features.js";
import { probabilities, type SparseVector } from "./linear.js";
import type { RoutePrediction } from "./metrics.js";

/** A suggested category with its calibrated probability and the words that led to it. */
export interface RouteCandidate {
  code: string;
  name: string;
  score: number;
  words: string[];
}

/** What the model says about a demand. */
export interface RouteSuggestion {
  candidates: RouteCandidate[];
  /** Top-level codes with their summed probability, most probable first. */
  tops: { code: string; score: number }[];
  type: DemandType;
  typeScore: number;
  urgent: boolean;
  /** The dangers the safety layer read in the text (urgent whenever any). */
  dangers: Danger[];
  /** The urgency model's own probability (urgent above the artefact's threshold, danger or not). */
  urgentScore: number;
  /** The top candidate is not trustworthy alone: a person should choose. */
  unsure: boolean;
  modelVersion: string;
}

/*
 * "Unsure" when the calibrated top score is below UNSURE_BELOW or the second is within UNSURE_MARGIN
 * of it: on out-of-fold predictions (training/cross-validate.ts) the top candidate is right far less
 * often in those cases than otherwise.
 */
const UNSURE_BELOW = 0.5;
const UNSURE_MARGIN = 0.15;
const WORDS_PER_CANDIDATE = 4;

/** Routes demand texts with one trained artefact. */
export class RoutingModel {
  private readonly index: Map<string, number>;
  private readonly typeCue: boolean[];

  constructor(readonly artefact: RoutingArtefact) {
    this.index = new Map(artefact.features.map((feature, id) => [feature, id]));
    this.typeCue = artefact.features.map(isTypeCue);
  }

  get version(): string {
    return this.artefact.version;
  }

  /** Never throws: empty or meaningless text gets low, spread-out scores and "unsure". */
  suggest(text: string, topK = 5): RouteSuggestion {
    const input = typeof text === "string" ? text : "";
    const doc = featureVector(input, this.index);
    const { category, type, urgency, temperature } = this.artefact;
    const topical = withoutTypeCues(doc, this.typeCue);
    const categoryScores = probabilities(category, topical, temperature.category);
    const ranked = [...categoryScores.keys()].sort((a, b) => categoryScores[b] - categoryScores[a]);
    const candidates = ranked.slice(0, Math.max(0, topK)).map((c) => {
      const code = category.classes[c];
      return {
        code,
        name: findCategory(code)?.name ?? code,
        score: categoryScores[c],
        words: this.evidence(topical, c),
      };
    });
    const topScores = new Map<string, number>();
    categoryScores.forEach((score, c) => {
      const top = category.classes[c].slice(0, 2);
      topScores.set(top, (topScores.get(top) ?? 0) + score);
    });
    const tops = [...topScores].map(([code, score]) => ({ code, score })).sort((a, b) => b.score - a.score);
    const typeScores = probabilities(type, doc, temperature.type);
    let bestType = 0;
    typeScores.forEach((score, t) => {
      if (score > typeScores[bestType]) bestType = t;
    });
    const demandType = type.classes[bestType] as DemandType;
    const dangers = dangersIn(input);
    const urgentScore = probabilities(urgency, doc)[1];
    const first = candidates[0]?.score ?? 0;
    const second = candidates[1]?.score ?? 0;
    return {
      candidates,
      tops,
      type: DEMAND_TYPES.includes(demandType) ? demandType : "complaint",
      typeScore: typeScores[bestType],
      urgent: dangers.length > 0 || (demandType !== "praise" && urgentScore >= this.artefact.urgentThreshold),
      dangers,
      urgentScore,
      unsure: first < UNSURE_BELOW || first - second < UNSURE_MARGIN,
      modelVersion: this.artefact.version,
    };
  }

  /** The same suggestion in the shape the metrics compare. */
  route(text: string): RoutePrediction {
    const suggestion = this.suggest(text, 10);
    return {
      leaves: suggestion.candidates.map((candidate) => candidate.code),
      tops: suggestion.tops.map((top) => top.code),
      type: suggestion.type,
      urgent: suggestion.urgent,
    };
  }

  /**
   * The words that weigh most for class c in this text: positive contributions, a word's n-grams
   * folded into the word (a bigram inside a listed word adds nothing new for the reader).
   */
  private evidence(doc: SparseVector, c: number): string[] {
    const contributions: { text: string; weight: number }[] = [];
    for (let k = 0; k < doc.ids.length; k++) {
      const row = this.artefact.category.rows.get(doc.ids[k]);
      if (!row) continue;
      const j = row.classes.indexOf(c);
      if (j < 0 || row.weights[j] <= 0) continue;
      contributions.push({
        text: featureText(this.artefact.features[doc.ids[k]]),
        weight: row.weights[j] * doc.values[k],
      });
    }
    contributions.sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
    const words: string[] = [];
    for (const { text } of contributions) {
      if (words.some((word) => word.includes(text))) continue;
      const merged = words.findIndex((word) => text.includes(word));
      if (merged >= 0) words[merged] = text;
      else words.push(text);
      if (words.length >= WORDS_PER_CANDIDATE) break;
    }
    return words;
  }
}
