import { stableHash } from "../../demands/classify/split.js";
import { parseArtefact, serializeArtefact } from "../model/artefact.js";
import { type RouteScores, scoreRoutes } from "../model/metrics.js";
import { type RouteSuggestion, RoutingModel } from "../model/router.js";
import { type HyperParameters, trainArtefact } from "../model/train.js";
import type { TrainingExample } from "./training-example.js";

/** Out-of-fold numbers of one setting: how a model trained without a template group does on it. */
export interface CrossValidation {
  scores: RouteScores;
  /** Mean calibrated top score, to compare with leafTop1 (calibration). */
  meanTopScore: number;
  /** Leaf top-1 among predictions marked unsure, and among the others. */
  unsureShare: number;
  unsureTop1: number;
  sureTop1: number;
  /** The category temperature that would make mean top score equal leaf top-1. */
  fittedTemperature: number;
  /** Urgency on the held-out urgency corpus: the safety layer, the urgency model, and both as served. */
  urgency: { name: string; recall: number; falseAlarmRate: number }[];
  /**
   * Urgency as served (safety cues, or the urgency model at the threshold) on every held-out example,
   * routed and urgency corpus alike, at each candidate threshold: how urgentThreshold is chosen.
   */
  urgencyThresholds: { threshold: number; recall: number; falseAlarmRate: number }[];
}

export interface CrossValidationOptions {
  folds?: number;
  holdFramesOut?: boolean;
  scored?: (example: TrainingExample) => boolean;
  neverTrained?: (example: TrainingExample) => boolean;
}

/**
 * k-fold cross-validation over template groups (every instance of a snippet on one side) of the
 * training examples only. Used to choose HYPER_PARAMETERS and the unsure thresholds.
 *
 * With `holdFramesOut` the frames are split into folds as well: a fold's model never sees its frames,
 * and it is scored only on its snippets told in them — new words in a new phrasing, as residents'
 * own demands are. The type model learns much of its type from the frames, so only this variant
 * says how far it carries to a phrasing it was not taught.
 *
 * `scored` narrows what is scored (every fold still trains on the rest): the written demands alone
 * say how the model does on demands as residents write them, the nearest the training material comes
 * to them. `neverTrained` keeps examples out of every fold's training, to score a model without them.
 */
export function crossValidate(
  examples: readonly TrainingExample[],
  hyper: HyperParameters,
  options: CrossValidationOptions = {},
): CrossValidation {
  const { folds = 5, holdFramesOut = false, scored = () => true, neverTrained = () => false } = options;
  const gold: TrainingExample[] = [];
  const suggestions: ReturnType<RoutingModel["suggest"]>[] = [];
  const rawTopLogits: Float64Array[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const frameHeld = (example: TrainingExample) =>
      holdFramesOut && example.frame !== undefined && stableHash(example.frame) % folds === fold;
    const groupHeld = (example: TrainingExample) => stableHash(example.group) % folds === fold;
    const unseen = (example: TrainingExample) =>
      neverTrained(example) || groupHeld(example) || frameHeld(example);
    const held = (example: TrainingExample) =>
      scored(example) &&
      groupHeld(example) &&
      (!holdFramesOut || example.frame === undefined || frameHeld(example));
    const model = new RoutingModel(
      parseArtefact(
        serializeArtefact(
          trainArtefact(
            examples.filter((example) => !unseen(example)),
            hyper,
          ),
          "cv",
        ),
      ),
    );
    const untempered = new RoutingModel({ ...model.artefact, temperature: { category: 1, type: 1 } });
    for (const example of examples.filter(held)) {
      gold.push(example);
      suggestions.push(model.suggest(example.text, 10));
      rawTopLogits.push(
        Float64Array.from(untempered.suggest(example.text, 300).candidates.map((c) => c.score)),
      );
    }
  }
  const urgency = urgencyScores(
    gold.filter((example) => example.urgencyOnly),
    suggestions.filter((_, i) => gold[i].urgencyOnly),
    hyper.urgentThreshold,
  );
  const routed = gold.flatMap((example, i) => (example.urgencyOnly ? [] : [i]));
  return {
    ...routeScores(
      routed.map((i) => gold[i]),
      routed.map((i) => suggestions[i]),
      routed.map((i) => rawTopLogits[i]),
    ),
    urgency,
    urgencyThresholds: thresholdSweep(gold, suggestions),
  };
}

const CANDIDATE_THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

function thresholdSweep(
  gold: readonly TrainingExample[],
  suggestions: readonly RouteSuggestion[],
): CrossValidation["urgencyThresholds"] {
  const urgent = gold.filter((example) => example.urgent).length;
  return CANDIDATE_THRESHOLDS.map((threshold) => {
    let caught = 0;
    let falseAlarms = 0;
    suggestions.forEach((suggestion, i) => {
      const flagged =
        suggestion.dangers.length > 0 ||
        (suggestion.type !== "praise" && suggestion.urgentScore >= threshold);
      if (flagged && gold[i].urgent) caught++;
      if (flagged && !gold[i].urgent) falseAlarms++;
    });
    return {
      threshold,
      recall: caught / Math.max(1, urgent),
      falseAlarmRate: falseAlarms / Math.max(1, gold.length - urgent),
    };
  });
}

function urgencyScores(
  gold: readonly TrainingExample[],
  suggestions: readonly RouteSuggestion[],
  threshold: number,
): CrossValidation["urgency"] {
  const rate = (flags: boolean[], urgent: boolean) => {
    const chosen = flags.filter((_, i) => gold[i].urgent === urgent);
    return chosen.filter(Boolean).length / Math.max(1, chosen.length);
  };
  const row = (name: string, flags: boolean[]) => ({
    name,
    recall: rate(flags, true),
    falseAlarmRate: rate(flags, false),
  });
  return [
    row(
      "safety layer",
      suggestions.map((s) => s.dangers.length > 0),
    ),
    row(
      "urgency model",
      suggestions.map((s) => s.urgentScore >= threshold),
    ),
    row(
      "served",
      suggestions.map((s) => s.urgent),
    ),
  ];
}

function routeScores(
  gold: readonly TrainingExample[],
  suggestions: readonly RouteSuggestion[],
  rawTopLogits: readonly Float64Array[],
): Omit<CrossValidation, "urgency" | "urgencyThresholds"> {
  const predictions = suggestions.map((suggestion) => ({
    leaves: suggestion.candidates.map((candidate) => candidate.code),
    tops: suggestion.tops.map((top) => top.code),
    type: suggestion.type,
    urgent: suggestion.urgent,
  }));
  const scores = scoreRoutes(
    gold.map((example) => ({ ...example, top: example.category.slice(0, 2) })),
    predictions,
  );
  const right = suggestions.map((suggestion, i) => suggestion.candidates[0]?.code === gold[i].category);
  const unsure = suggestions.map((suggestion) => suggestion.unsure);
  const share = (flags: boolean[]) => flags.filter(Boolean).length / Math.max(1, flags.length);
  return {
    scores,
    meanTopScore:
      suggestions.reduce((sum, suggestion) => sum + (suggestion.candidates[0]?.score ?? 0), 0) /
      suggestions.length,
    unsureShare: share(unsure),
    unsureTop1: share(right.filter((_, i) => unsure[i])),
    sureTop1: share(right.filter((_, i) => !unsure[i])),
    fittedTemperature: fitTemperature(rawTopLogits, scores.leafTop1),
  };
}

/** Temperature T with mean top probability of softmax(log p / T) closest to the accuracy. */
function fitTemperature(probabilities: readonly Float64Array[], accuracy: number): number {
  let best = 1;
  let bestGap = Number.POSITIVE_INFINITY;
  for (let t = 0.1; t <= 3.0001; t += 0.02) {
    let sum = 0;
    for (const p of probabilities) {
      let total = 0;
      let top = 0;
      for (const value of p) {
        const scaled = value ** (1 / t);
        total += scaled;
        if (scaled > top) top = scaled;
      }
      sum += top / total;
    }
    const gap = Math.abs(sum / probabilities.length - accuracy);
    if (gap < bestGap) {
      bestGap = gap;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
