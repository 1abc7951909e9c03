/**
 * Rule (a), 类别激增: one category in one grid or community far above its own baseline this week.
 *
 * The week is the last 7 days; the baseline the 8 weeks before it, so a grid is compared with itself
 * (a busy market street is not a spike because it is busy). Both top-level and level-2 categories
 * are watched, in grids and in communities; when a narrower finding explains a wider one (a grid
 * inside the community, a level-2 category inside its top-level one) only the narrower is reported.
 */
import { candidate, type Names, type WarningCandidate } from "./types.js";

/** Weeks of history the baseline is built from. */
export const BASELINE_WEEKS = 8;
/** Fewer demands than this in a week are never a spike, however quiet the baseline. */
export const MIN_SPIKE_COUNT = 3;
/** How far above the baseline mean, in standard deviations, a week must be. */
export const SPIKE_SIGMAS = 3;

/** Orders of one grid and (level-3 or coarser) category in one week: 0 = the last 7 days, 1…8 before. */
export interface SpikeCell {
  gridCode: string | null;
  communityCode: string | null;
  categoryCode: string;
  week: number;
  count: number;
  /** The orders of week 0 (the others are only counted). */
  orderIds: string[];
}

/** A weekly series of one scope (grid or community) and one category. */
export interface SpikeSeries {
  scope: "grid" | "community";
  regionCode: string;
  categoryCode: string;
  /** This week's count. */
  current: number;
  /** Counts of the BASELINE_WEEKS weeks before, most recent first. */
  baseline: number[];
  orderIds: string[];
}

export interface Baseline {
  mean: number;
  stddev: number;
}

/** Mean and (population) standard deviation of the weekly counts. */
export function baselineOf(weekly: readonly number[]): Baseline {
  if (weekly.length === 0) return { mean: 0, stddev: 0 };
  const mean = weekly.reduce((s, n) => s + n, 0) / weekly.length;
  const variance = weekly.reduce((s, n) => s + (n - mean) ** 2, 0) / weekly.length;
  return { mean, stddev: Math.sqrt(variance) };
}

/** A week that a Poisson count with the baseline's mean reaches less often than this is a spike. */
export const SPIKE_TAIL = 0.001;
/** The rate assumed for a series never seen in the baseline: half a demand in its 8 weeks. */
const SILENT_RATE = 0.5 / BASELINE_WEEKS;

/**
 * The count at which a week is a spike: at least MIN_SPIKE_COUNT, at least mean + 3σ (σ never taken
 * below √mean: weekly counts of rare events are Poisson-like, variance ≈ mean), and rare enough
 * under a Poisson law with the baseline's mean (tail below SPIKE_TAIL). The σ term guards baselines
 * that swing more than Poisson; the tail guards small means, where mean + 3σ would let the district's
 * tens of thousands of grid × category series raise dozens of chance spikes a week.
 */
export function spikeThreshold({ mean, stddev }: Baseline): number {
  const sigmaRule = Math.ceil(mean + SPIKE_SIGMAS * Math.max(stddev, Math.sqrt(mean)));
  return Math.max(MIN_SPIKE_COUNT, sigmaRule, poissonTailThreshold(Math.max(mean, SILENT_RATE), SPIKE_TAIL));
}

/** The smallest k with P(X ≥ k) < tail for X ~ Poisson(rate). */
export function poissonTailThreshold(rate: number, tail: number): number {
  let k = 0;
  let pmf = Math.exp(-rate);
  let atLeast = 1;
  while (atLeast >= tail) {
    atLeast -= pmf;
    k += 1;
    pmf *= rate / k;
  }
  return k;
}

/** Sums the cells into the four series each belongs to: grid or community × top-level or level-2 category. */
export function seriesOf(cells: readonly SpikeCell[]): SpikeSeries[] {
  const series = new Map<string, SpikeSeries>();
  for (const cell of cells) {
    const categories = [
      cell.categoryCode.slice(0, 2),
      ...(cell.categoryCode.length >= 4 ? [cell.categoryCode.slice(0, 4)] : []),
    ];
    const scopes: ["grid" | "community", string | null][] = [
      ["grid", cell.gridCode],
      ["community", cell.communityCode],
    ];
    for (const [scope, regionCode] of scopes) {
      if (!regionCode) continue;
      for (const categoryCode of categories) {
        const key = `${regionCode}:${categoryCode}`;
        let entry = series.get(key);
        if (!entry) {
          entry = {
            scope,
            regionCode,
            categoryCode,
            current: 0,
            baseline: new Array(BASELINE_WEEKS).fill(0),
            orderIds: [],
          };
          series.set(key, entry);
        }
        if (cell.week === 0) {
          entry.current += cell.count;
          entry.orderIds.push(...cell.orderIds);
        } else if (cell.week <= BASELINE_WEEKS) {
          entry.baseline[cell.week - 1] += cell.count;
        }
      }
    }
  }
  return [...series.values()];
}

/** A series whose week reached its threshold. */
export interface Spike extends SpikeSeries, Baseline {
  threshold: number;
}

/** The series whose current week reaches its threshold. */
export function findSpikes(series: readonly SpikeSeries[]): Spike[] {
  const spikes: Spike[] = [];
  for (const s of series) {
    const baseline = baselineOf(s.baseline);
    const threshold = spikeThreshold(baseline);
    if (s.current >= threshold) spikes.push({ ...s, ...baseline, threshold });
  }
  return spikes;
}

/**
 * Drops a spike that a narrower one explains: one inside it (its grid, or its level-2 category)
 * accounting for at least half of its excess over the baseline. A burst of water complaints in one
 * grid then reads as that, not as four warnings about the grid, the community and both categories.
 */
export function mostSpecific(spikes: readonly Spike[]): Spike[] {
  const excess = (s: Spike) => s.current - s.mean;
  return spikes.filter(
    (wide) =>
      !spikes.some(
        (narrow) =>
          narrow !== wide &&
          narrow.regionCode.startsWith(wide.regionCode) &&
          narrow.categoryCode.startsWith(wide.categoryCode) &&
          excess(narrow) >= excess(wide) / 2,
      ),
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The warnings for this week's spikes. `weekOf` is the Monday (China time) of the current week: the
 * window of the dedupe key, so re-runs during the week update one warning per spike.
 */
export function detectSpikes(cells: readonly SpikeCell[], weekOf: string, names: Names): WarningCandidate[] {
  return mostSpecific(findSpikes(seriesOf(cells))).map((s) => {
    const region = names.region(s.regionCode);
    const category = names.category(s.categoryCode);
    const mean = round1(s.mean);
    return candidate({
      rule: "category_spike",
      scope: `category_spike:${s.regionCode}:${s.categoryCode}`,
      window: weekOf,
      regionCode: s.regionCode,
      categoryCode: s.categoryCode,
      title: `${region}「${category}」类诉求激增：近7天 ${s.current} 件（前${BASELINE_WEEKS}周周均 ${mean}，阈值 ${s.threshold}）`,
      detail: {
        scope: s.scope,
        count: s.current,
        mean,
        stddev: round1(s.stddev),
        threshold: s.threshold,
        baselineWeeks: s.baseline,
        reason: `count ${s.current} vs expected ${mean} (${BASELINE_WEEKS}-week mean), threshold ${s.threshold}`,
      },
      orderIds: s.orderIds,
    });
  });
}
