/**
 * 督查考核 formulas as one pure module: counts (taken from the database by `repository.ts`) plus
 * weights in, rates, composite score and ranks out. Rates and the score are percentages (0–100);
 * a rate whose denominator is zero is null ("—"), never 0 or 100.
 */

/** What the repository counts for one assessed subject (unit, community, street or district) and period. */
export interface KpiCounts {
  /** 派单数: orders first dispatched in the period (on-the-spot solving counts as a dispatch). */
  dispatched: number;
  /** 及时签收: of those, signed within the response limit or solved on the spot. */
  responded: number;
  /** 到期数: orders whose handling deadline falls in the period. */
  due: number;
  /** 按期办结: of those, replied within the limit or solved on the spot. */
  onTime: number;
  /** 已办结: of those, closed or solved on the spot. */
  closed: number;
  /** 回访数: return visits done in the period. */
  rated: number;
  /** 解决 */
  solved: number;
  /** 部分解决 */
  partly: number;
  /** 满意 */
  satisfied: number;
  /** 基本满意 */
  basically: number;
  /** 重办 events in the period. */
  reopens: number;
  /** 派单 events in the period (every dispatch, redispatches included). */
  dispatches: number;
  /** 退单 events in the period. */
  returns: number;
  /** 督办 count: urge + automatic supervise events in the period. */
  supervisions: number;
  /** Orders replied in the period (with a dispatch time) and their summed dispatch→reply time. */
  replied: number;
  handlingSeconds: number;
}

/** Weights of the composite score (三率, summing to 100) and of partial answers in the rates. */
export interface AssessmentWeights {
  /** 响应率 weight */
  response: number;
  /** 解决率 weight */
  resolution: number;
  /** 满意率 weight */
  satisfaction: number;
  /** How much a 部分解决 counts in 解决率 (0–1). */
  partialWeight: number;
  /** How much a 基本满意 counts in 满意率 (0–1). */
  basicWeight: number;
}

/** Beijing's 三率 weighting: response 10, resolution 45, satisfaction 45. */
export const DEFAULT_WEIGHTS: AssessmentWeights = {
  response: 10,
  resolution: 45,
  satisfaction: 45,
  partialWeight: 0.5,
  basicWeight: 0.8,
};

/** The rates of one subject, in percent (null when the denominator is zero). */
export interface KpiRates {
  /** 响应率 = responded / dispatched */
  responseRate: number | null;
  /** 按期办结率 = onTime / due */
  onTimeRate: number | null;
  /** 办结率 = closed / due */
  closeRate: number | null;
  /** 解决率 = (solved + partly × partialWeight) / rated */
  resolutionRate: number | null;
  /** 满意率 = (satisfied + basically × basicWeight) / rated */
  satisfactionRate: number | null;
  /** 重办率 = reopens / rated */
  reopenRate: number | null;
  /** 退单率 = returns / dispatches */
  returnRate: number | null;
  /** 平均办理时长 in hours, dispatch → reply, over orders replied in the period. */
  avgHandlingHours: number | null;
  /** 综合得分 (0–100) */
  score: number | null;
}

const EMPTY: KpiCounts = {
  dispatched: 0,
  responded: 0,
  due: 0,
  onTime: 0,
  closed: 0,
  rated: 0,
  solved: 0,
  partly: 0,
  satisfied: 0,
  basically: 0,
  reopens: 0,
  dispatches: 0,
  returns: 0,
  supervisions: 0,
  replied: 0,
  handlingSeconds: 0,
};

/** All counts zero, with some given: a subject without data in the period. */
export function kpiCounts(partial: Partial<KpiCounts> = {}): KpiCounts {
  return { ...EMPTY, ...partial };
}

/** numerator / denominator in percent, unrounded; null when nothing was there to measure. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator / denominator) * 100 : null;
}

/**
 * The composite score: the weighted mean of the three rates. A rate without data drops out and the
 * others' weights are scaled up to 100 (缺项按权重折算), so a unit that had no return visits this month
 * is judged on what it did have instead of getting 0 for it; with no rate at all the score is null.
 */
export function compositeScore(
  rates: { response: number | null; resolution: number | null; satisfaction: number | null },
  weights: AssessmentWeights,
): number | null {
  const candidates: [number | null, number][] = [
    [rates.response, weights.response],
    [rates.resolution, weights.resolution],
    [rates.satisfaction, weights.satisfaction],
  ];
  const parts = candidates.filter((part): part is [number, number] => part[0] !== null && part[1] > 0);
  const weightSum = parts.reduce((sum, [, weight]) => sum + weight, 0);
  if (weightSum === 0) return null;
  return parts.reduce((sum, [rate, weight]) => sum + rate * weight, 0) / weightSum;
}

/** Every rate and the score of one subject, rounded for display (2 decimals). */
export function computeRates(counts: KpiCounts, weights: AssessmentWeights): KpiRates {
  const responseRate = percent(counts.responded, counts.dispatched);
  const resolutionRate = percent(counts.solved + counts.partly * weights.partialWeight, counts.rated);
  const satisfactionRate = percent(counts.satisfied + counts.basically * weights.basicWeight, counts.rated);
  const score = compositeScore(
    { response: responseRate, resolution: resolutionRate, satisfaction: satisfactionRate },
    weights,
  );
  return {
    responseRate: round2(responseRate),
    onTimeRate: round2(percent(counts.onTime, counts.due)),
    closeRate: round2(percent(counts.closed, counts.due)),
    resolutionRate: round2(resolutionRate),
    satisfactionRate: round2(satisfactionRate),
    reopenRate: round2(percent(counts.reopens, counts.rated)),
    returnRate: round2(percent(counts.returns, counts.dispatches)),
    avgHandlingHours: round2(counts.replied > 0 ? counts.handlingSeconds / counts.replied / 3600 : null),
    score: round2(score),
  };
}

/** Rounds to 2 decimals, keeping null. */
export function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** What ranking needs of a row. */
export interface Rankable {
  score: number | null;
  /** 工单量: the tie-breaker, more orders first. */
  volume: number;
}

/**
 * Competition ranks (1, 2, 2, 4) by score, ties broken by order volume; rows without a score are
 * not ranked (null) and come last. Returns the rows sorted, each with its rank.
 */
export function rank<T extends Rankable>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort(compareRankable);
  return sorted.map((row) => {
    if (row.score === null) return { ...row, rank: null };
    // A full tie shares the first tied row's rank: the first row whose score and volume are equal.
    const first = sorted.findIndex((other) => other.score === row.score && other.volume === row.volume);
    return { ...row, rank: first + 1 };
  });
}

function compareRankable(a: Rankable, b: Rankable): number {
  if (a.score === null || b.score === null) return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0);
  return b.score - a.score || b.volume - a.volume;
}

/**
 * Checks admin-edited weights: the three rate weights are non-negative and sum to 100, the partial
 * weights lie in 0–1. Returns the problem in words, or null when the weights are valid.
 */
export function weightsProblem(weights: AssessmentWeights): string | null {
  const rateWeights = [weights.response, weights.resolution, weights.satisfaction];
  if (rateWeights.some((w) => !Number.isFinite(w) || w < 0))
    return "rate weights must be non-negative numbers";
  const sum = rateWeights.reduce((a, b) => a + b, 0);
  // Tolerate float noise from decimal weights such as 33.3 + 33.3 + 33.4.
  if (Math.abs(sum - 100) > 1e-9)
    return `response + resolution + satisfaction must be 100 (got ${round2(sum)})`;
  for (const [name, value] of [
    ["partialWeight", weights.partialWeight],
    ["basicWeight", weights.basicWeight],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 1) return `${name} must lie between 0 and 1`;
  }
  return null;
}

/** The counts of several subjects added up (a jurisdiction's total). */
export function sumCounts(all: Iterable<KpiCounts>): KpiCounts {
  const total = kpiCounts();
  for (const counts of all) {
    for (const field of Object.keys(total) as (keyof KpiCounts)[]) total[field] += counts[field];
  }
  return total;
}
