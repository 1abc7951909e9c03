import { describe, expect, it } from "vitest";
import {
  baselineOf,
  detectSpikes,
  findSpikes,
  mostSpecific,
  poissonTailThreshold,
  type SpikeCell,
  seriesOf,
  spikeThreshold,
} from "./spike.js";

const names = { region: (code: string) => `区域${code}`, category: (code: string) => `类别${code}` };
const GRID = "610103001001001";
const COMMUNITY = "610103001001";

/** One grid's weekly counts of one level-3 category: `weekly[0]` is the last 7 days. */
function cells(weekly: number[], categoryCode = "020201", gridCode = GRID): SpikeCell[] {
  return weekly.map((count, week) => ({
    gridCode,
    communityCode: gridCode.slice(0, 12),
    categoryCode,
    week,
    count,
    orderIds: week === 0 ? Array.from({ length: count }, (_, i) => `${categoryCode}-${i}`) : [],
  }));
}

describe("the spike threshold (Poisson-style)", () => {
  it("takes mean and population standard deviation of the baseline weeks", () => {
    const b = baselineOf([1, 2, 3]);
    expect(b.mean).toBe(2);
    expect(b.stddev).toBeCloseTo(Math.sqrt(2 / 3));
  });

  it("never fires below 3 demands, even on a silent baseline", () => {
    expect(spikeThreshold({ mean: 0, stddev: 0 })).toBe(3);
  });

  it("finds the Poisson tail: the smallest count reached less than once in a thousand weeks", () => {
    expect([0.1, 0.3, 1, 2.1, 4].map((rate) => poissonTailThreshold(rate, 0.001))).toEqual([3, 4, 6, 9, 12]);
  });

  it("takes the Poisson tail for small means, where mean + 3·max(σ, √mean) is too easy to reach", () => {
    // mean + 3·√mean: 2.1 → 7, 0.3 → 2; the tail: 9 and 4.
    expect(spikeThreshold({ mean: 2.1, stddev: 1 })).toBe(9);
    expect(spikeThreshold({ mean: 0.3, stddev: 0.5 })).toBe(4);
  });

  it("takes mean + 3σ when the baseline swings more than Poisson: mean 4, σ 3 → 13", () => {
    expect(spikeThreshold({ mean: 4, stddev: 3 })).toBe(13);
  });
});

describe("category spikes", () => {
  it("fires when the week reaches the threshold and not one below it", () => {
    // Baseline 1 a week: the Poisson tail of rate 1 sets the threshold at 6.
    const baseline = [1, 1, 1, 1, 1, 1, 1, 1];
    expect(findSpikes(seriesOf(cells([6, ...baseline]))).length).toBeGreaterThan(0);
    expect(findSpikes(seriesOf(cells([5, ...baseline])))).toEqual([]);
  });

  it("sums level-3 cells into grid and community series of the top-level and level-2 category", () => {
    const series = seriesOf(cells([2, 1, 0, 0, 0, 0, 0, 0, 0]));
    expect(series.map((s) => `${s.scope}:${s.categoryCode}`).sort()).toEqual([
      "community:02",
      "community:0202",
      "grid:02",
      "grid:0202",
    ]);
    expect(series.every((s) => s.current === 2 && s.baseline[0] === 1)).toBe(true);
  });

  it("reports only the narrowest spike that explains the others: the grid's level-2 category", () => {
    const spikes = mostSpecific(findSpikes(seriesOf(cells([9, 0, 1, 0, 1, 0, 0, 1, 0]))));
    expect(spikes.map((s) => `${s.regionCode}:${s.categoryCode}`)).toEqual([`${GRID}:0202`]);
  });

  it("keeps the community's spike when it is spread over grids none of which explains half of it", () => {
    const grids = ["610103001001001", "610103001001002", "610103001001003", "610103001001004"];
    const all = grids.flatMap((grid) => cells([2, 0, 0, 0, 0, 0, 0, 0, 0], "020201", grid));
    const spikes = mostSpecific(findSpikes(seriesOf(all)));
    expect(spikes.map((s) => `${s.regionCode}:${s.categoryCode}`)).toEqual([`${COMMUNITY}:0202`]);
  });

  it("says why in the title and detail, keyed by scope and week, with this week's orders only", () => {
    const [warning] = detectSpikes(cells([9, 2, 3, 1, 2, 3, 2, 2, 2]), "2026-11-23", names);
    expect(warning.dedupeKey).toBe(`category_spike:${GRID}:0202:2026-11-23`);
    expect(warning.detail).toMatchObject({
      count: 9,
      mean: 2.1,
      threshold: 9,
      baselineWeeks: [2, 3, 1, 2, 3, 2, 2, 2],
    });
    expect(warning.detail.reason).toBe("count 9 vs expected 2.1 (8-week mean), threshold 9");
    expect(warning.title).toContain("近7天 9 件");
    expect(warning.orderIds).toHaveLength(9);
  });
});
