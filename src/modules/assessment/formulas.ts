/**
 * 督查考核 formulas as one pure module: counts (taken from the database by `repository.ts`) plus
 * weights in, rates, composite score and ranks out. Rates and the score are percentages (0–100);
 * a rate whose denominator is zero is null ("—"), never 0 or 100, and a subject with too few due
 * orders or return visits gets no score and no rank (数据不足).
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

/**
 * Weights of the composite score (四率, summing to 100), of partial answers in the rates, the 督办
 * deduction and the minimum sample a row needs to be scored.
 */
export interface AssessmentWeights {
  /** 响应率 weight */
  response: number;
  /** 按期办结率 weight (限时解决) */
  onTime: number;
  /** 解决率 weight */
  resolution: number;
  /** 满意率 weight */
  satisfaction: number;
  /** How much a 部分解决 counts in 解决率 (0–1). */
  partialWeight: number;
  /** How much a 基本满意 counts in 满意率 (0–1). */
  basicWeight: number;
  /** Points taken off the score per 督办 in the period. */
  supervisionPenalty: number;
  /** At most this many points are taken off for 督办. */
  supervisionCap: number;
  /** A row is scored only with at least this many 到期工单 and this many 回访 (else 数据不足). */
  minSample: number;
}

/**
 * The supervisor's defaults: the 三率 of Beijing's 接诉即办 plus 限时解决 (按期办结率), which the
 * district's 督办考核 assesses too; each 督办 costs a point, at most 10.
 */
export const DEFAULT_WEIGHTS: AssessmentWeights = {
  response: 10,
  onTime: 20,
  resolution: 35,
  satisfaction: 35,
  partialWeight: 0.5,
  basicWeight: 0.8,
  supervisionPenalty: 1,
  supervisionCap: 10,
  minSample: 3,
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
  /** Points taken off for 督办 (0 when there is no score). */
  supervisionDeduction: number;
  /** 综合得分 (0–100); null with 数据不足. */
  score: number | null;
  /** 数据不足: too few 到期工单 or 回访 for a fair score; the row gets no score and no rank. */
  insufficient: boolean;
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

/** The four scored rates of a subject, in percent, null where nothing was measured. */
export interface ScoredRates {
  response: number | null;
  onTime: number | null;
  resolution: number | null;
  satisfaction: number | null;
}

/**
 * The weighted mean of the four rates. 按期办结率, 解决率 and 满意率 are required (a caller checks
 * the sample first); 响应率 alone may be missing (every order dispatched the month before): its weight
 * is then spread over the others (缺项按权重折算). Null when a required rate is missing or every
 * weight is zero: a missing rate is never read as 0 or 100.
 */
export function weightedRates(rates: ScoredRates, weights: AssessmentWeights): number | null {
  if (rates.onTime === null || rates.resolution === null || rates.satisfaction === null) return null;
  const candidates: [number | null, number][] = [
    [rates.response, weights.response],
    [rates.onTime, weights.onTime],
    [rates.resolution, weights.resolution],
    [rates.satisfaction, weights.satisfaction],
  ];
  const parts = candidates.filter((part): part is [number, number] => part[0] !== null && part[1] > 0);
  const weightSum = parts.reduce((sum, [, weight]) => sum + weight, 0);
  if (weightSum === 0) return null;
  return parts.reduce((sum, [rate, weight]) => sum + rate * weight, 0) / weightSum;
}

/** 督办扣分: supervisionPenalty points per 督办, at most supervisionCap. */
export function supervisionDeduction(supervisions: number, weights: AssessmentWeights): number {
  return Math.min(supervisions * weights.supervisionPenalty, weights.supervisionCap);
}

/** Whether a subject has too few 到期工单 or 回访 in the period to be scored (数据不足). */
export function insufficientData(counts: KpiCounts, weights: AssessmentWeights): boolean {
  const least = Math.max(1, weights.minSample);
  return counts.due < least || counts.rated < least;
}

/**
 * The composite score: the weighted rates minus the 督办 deduction, never below 0; null with 数据不足.
 */
export function compositeScore(counts: KpiCounts, weights: AssessmentWeights): number | null {
  if (insufficientData(counts, weights)) return null;
  const mean = weightedRates(scoredRates(counts, weights), weights);
  if (mean === null) return null;
  return Math.max(0, mean - supervisionDeduction(counts.supervisions, weights));
}

function scoredRates(counts: KpiCounts, weights: AssessmentWeights): ScoredRates {
  return {
    response: percent(counts.responded, counts.dispatched),
    onTime: percent(counts.onTime, counts.due),
    resolution: percent(counts.solved + counts.partly * weights.partialWeight, counts.rated),
    satisfaction: percent(counts.satisfied + counts.basically * weights.basicWeight, counts.rated),
  };
}

/** Every rate and the score of one subject, rounded for display (2 decimals). */
export function computeRates(counts: KpiCounts, weights: AssessmentWeights): KpiRates {
  const rates = scoredRates(counts, weights);
  const score = compositeScore(counts, weights);
  return {
    responseRate: round2(rates.response),
    onTimeRate: round2(rates.onTime),
    closeRate: round2(percent(counts.closed, counts.due)),
    resolutionRate: round2(rates.resolution),
    satisfactionRate: round2(rates.satisfaction),
    reopenRate: round2(percent(counts.reopens, counts.rated)),
    returnRate: round2(percent(counts.returns, counts.dispatches)),
    avgHandlingHours: round2(counts.replied > 0 ? counts.handlingSeconds / counts.replied / 3600 : null),
    supervisionDeduction: score === null ? 0 : supervisionDeduction(counts.supervisions, weights),
    score: round2(score),
    insufficient: score === null,
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
 * Checks admin-edited weights: the four rate weights are non-negative and sum to 100, the partial
 * weights lie in 0–1, the 督办 deduction is non-negative and the minimum sample a whole number ≥ 1.
 * Returns the problem in words, or null when the weights are valid.
 */
export function weightsProblem(weights: AssessmentWeights): string | null {
  const rateWeights = [weights.response, weights.onTime, weights.resolution, weights.satisfaction];
  if (rateWeights.some((w) => !Number.isFinite(w) || w < 0))
    return "rate weights must be non-negative numbers";
  const sum = rateWeights.reduce((a, b) => a + b, 0);
  // Tolerate float noise from decimal weights such as 33.3 + 33.3 + 33.4.
  if (Math.abs(sum - 100) > 1e-9)
    return `response + onTime + resolution + satisfaction must be 100 (got ${round2(sum)})`;
  for (const [name, value] of [
    ["partialWeight", weights.partialWeight],
    ["basicWeight", weights.basicWeight],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 1) return `${name} must lie between 0 and 1`;
  }
  for (const [name, value] of [
    ["supervisionPenalty", weights.supervisionPenalty],
    ["supervisionCap", weights.supervisionCap],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 100) return `${name} must lie between 0 and 100`;
  }
  if (!Number.isInteger(weights.minSample) || weights.minSample < 1)
    return "minSample must be a whole number of at least 1";
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
