import type { DemandType } from "../../demands/demand-types.js";

/** One labelled demand to score against: the fields of data/routing-eval/eval-set.jsonl a model is judged on. */
export interface GoldDemand {
  text: string;
  /** Leaf (level-3) category code, or a level-2 code when no leaf fits. */
  category: string;
  /** Top-level (level-1) code. */
  top: string;
  type: DemandType;
  urgent: boolean;
}

/** What any router (the model or a baseline) says about a text, best first. */
export interface RoutePrediction {
  /** Category codes (leaf, or the finest the router knows), most probable first. */
  leaves: string[];
  /** Top-level codes, most probable first. */
  tops: string[];
  type: DemandType | null;
  urgent: boolean;
}

/** Rates in 0..1 on one labelled set. */
export interface RouteScores {
  count: number;
  topTop1: number;
  topTop3: number;
  leafTop1: number;
  leafTop3: number;
  typeAccuracy: number;
  /** Urgent demands flagged urgent. */
  urgentRecall: number;
  /** Non-urgent demands flagged urgent. */
  falseAlarmRate: number;
  urgentCount: number;
}

/** Rows: true top-level code; columns: predicted top-level code; cells: counts. */
export type Confusion = Record<string, Record<string, number>>;

const rate = (hits: number, of: number) => (of === 0 ? 0 : hits / of);

/** Scores predictions made on `gold` (same order). */
export function scoreRoutes(
  gold: readonly GoldDemand[],
  predictions: readonly RoutePrediction[],
): RouteScores {
  let topTop1 = 0;
  let topTop3 = 0;
  let leafTop1 = 0;
  let leafTop3 = 0;
  let type = 0;
  let urgent = 0;
  let caught = 0;
  let falseAlarms = 0;
  gold.forEach((want, index) => {
    const got = predictions[index];
    if (got.tops[0] === want.top) topTop1++;
    if (got.tops.slice(0, 3).includes(want.top)) topTop3++;
    if (got.leaves[0] === want.category) leafTop1++;
    if (got.leaves.slice(0, 3).includes(want.category)) leafTop3++;
    if (got.type === want.type) type++;
    if (want.urgent) {
      urgent++;
      if (got.urgent) caught++;
    } else if (got.urgent) falseAlarms++;
  });
  const count = gold.length;
  return {
    count,
    topTop1: rate(topTop1, count),
    topTop3: rate(topTop3, count),
    leafTop1: rate(leafTop1, count),
    leafTop3: rate(leafTop3, count),
    typeAccuracy: rate(type, count),
    urgentRecall: rate(caught, urgent),
    falseAlarmRate: rate(falseAlarms, count - urgent),
    urgentCount: urgent,
  };
}

/** Top-level confusion counts of predictions made on `gold`. */
export function confusion(gold: readonly GoldDemand[], predictions: readonly RoutePrediction[]): Confusion {
  const table: Confusion = {};
  gold.forEach((want, index) => {
    const got = predictions[index].tops[0] ?? "-";
    table[want.top] ??= {};
    table[want.top][got] = (table[want.top][got] ?? 0) + 1;
  });
  return table;
}

/** Demand-type confusion counts of predictions made on `gold` (rows: true type, columns: predicted). */
export function typeConfusion(
  gold: readonly GoldDemand[],
  predictions: readonly RoutePrediction[],
): Confusion {
  const table: Confusion = {};
  gold.forEach((want, index) => {
    const got = predictions[index].type ?? "-";
    table[want.type] ??= {};
    table[want.type][got] = (table[want.type][got] ?? 0) + 1;
  });
  return table;
}

/**
 * One number to compare two models on the fixed evaluation set (the promotion rule): the mean of the
 * done-when rates, with false alarms counted as their complement.
 */
export function overallScore(scores: RouteScores): number {
  return (
    (scores.topTop1 +
      scores.topTop3 +
      scores.leafTop1 +
      scores.typeAccuracy +
      scores.urgentRecall +
      (1 - scores.falseAlarmRate)) /
    6
  );
}
