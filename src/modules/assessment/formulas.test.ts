import { describe, expect, it } from "vitest";
import {
  type AssessmentWeights,
  compositeScore,
  computeRates,
  DEFAULT_WEIGHTS,
  kpiCounts,
  rank,
  weightedRates,
  weightsProblem,
} from "./formulas.js";

describe("rates from counts", () => {
  it.each([
    ["响应率 7 dispatched, 6 on time", { dispatched: 7, responded: 6 }, "responseRate", 85.71],
    [
      "响应率 nothing dispatched is null, not 0 or 100",
      { dispatched: 0, responded: 0 },
      "responseRate",
      null,
    ],
    ["按期办结率 8 due, 6 replied in time", { due: 8, onTime: 6 }, "onTimeRate", 75],
    ["办结率 8 due, 4 closed", { due: 8, closed: 4 }, "closeRate", 50],
    ["办结率 nothing due is null", { due: 0, closed: 3 }, "closeRate", null],
    [
      "解决率 3 solved + 1 partly of 5 → (3 + 0.5) / 5",
      { rated: 5, solved: 3, partly: 1 },
      "resolutionRate",
      70,
    ],
    [
      "满意率 3 satisfied + 1 basically of 5 → (3 + 0.8) / 5",
      { rated: 5, satisfied: 3, basically: 1 },
      "satisfactionRate",
      76,
    ],
    ["满意率 no visit is null", { rated: 0 }, "satisfactionRate", null],
    ["重办率 1 reopen per 5 visits", { rated: 5, reopens: 1 }, "reopenRate", 20],
    ["退单率 1 return per 7 dispatches", { dispatches: 7, returns: 1 }, "returnRate", 14.29],
    ["退单率 no dispatch is null", { dispatches: 0, returns: 0 }, "returnRate", null],
    [
      "平均办理时长 2 replies, 96 h and 144 h",
      { replied: 2, handlingSeconds: 240 * 3600 },
      "avgHandlingHours",
      120,
    ],
    ["平均办理时长 no reply is null", { replied: 0 }, "avgHandlingHours", null],
  ] as const)("%s", (_name, counts, rate, expected) => {
    expect(computeRates(kpiCounts(counts), DEFAULT_WEIGHTS)[rate]).toBe(expected);
  });

  it("uses the configured partial and basic weights", () => {
    const weights: AssessmentWeights = { ...DEFAULT_WEIGHTS, partialWeight: 0, basicWeight: 1 };
    const rates = computeRates(
      kpiCounts({ rated: 4, solved: 2, partly: 2, satisfied: 1, basically: 3 }),
      weights,
    );
    expect(rates.resolutionRate).toBe(50);
    expect(rates.satisfactionRate).toBe(100);
  });
});

describe("composite score (四率 − 督办)", () => {
  const full = { dispatched: 10, responded: 10, due: 10, onTime: 10, rated: 10, solved: 10, satisfied: 10 };

  it.each([
    ["all perfect, no 督办, is 100", full, 100],
    // 10 × 100 + 20 × 50 + 35 × 100 + 35 × 100 = 90, minus 2 督办 × 1
    ["50% 按期办结率 and 2 督办 no longer score 100", { ...full, onTime: 5, supervisions: 2 }, 88],
    ["督办 costs at most 10 points", { ...full, supervisions: 40 }, 90],
    [
      "the worked example: 85.714 × 10% + 75 × 20% + 70 × 35% + 76 × 35% − 3 督办",
      {
        dispatched: 7,
        responded: 6,
        due: 8,
        onTime: 6,
        rated: 5,
        solved: 3,
        partly: 1,
        satisfied: 3,
        basically: 1,
        supervisions: 3,
      },
      71.67,
    ],
    [
      "only 响应率 missing (everything dispatched last month): the other three rescaled to 100",
      { due: 4, onTime: 2, rated: 4, solved: 4, satisfied: 4 },
      (20 * 50 + 35 * 100 + 35 * 100) / 90,
    ],
    ["no return visits yet: 数据不足, not 100", { dispatched: 9, responded: 9, due: 9, onTime: 0 }, null],
    ["fewer due orders than the sample: 数据不足", { ...full, due: 2, onTime: 2 }, null],
    ["fewer visits than the sample: 数据不足", { ...full, rated: 2, solved: 2, satisfied: 2 }, null],
    ["nothing at all: 数据不足", {}, null],
    ["never below 0", { ...full, onTime: 0, solved: 0, satisfied: 0, responded: 0, supervisions: 5 }, 0],
  ] as const)("%s", (_name, counts, expected) => {
    const score = compositeScore(kpiCounts(counts), DEFAULT_WEIGHTS);
    if (expected === null) expect(score).toBeNull();
    else expect(score).toBeCloseTo(expected, 2);
  });

  it("honours the configured sample, penalty and cap", () => {
    const weights: AssessmentWeights = {
      ...DEFAULT_WEIGHTS,
      minSample: 1,
      supervisionPenalty: 3,
      supervisionCap: 5,
    };
    const counts = kpiCounts({ due: 1, onTime: 1, rated: 1, solved: 1, satisfied: 1, supervisions: 1 });
    expect(compositeScore(counts, weights)).toBe(97);
    expect(compositeScore({ ...counts, supervisions: 4 }, weights)).toBe(95);
  });

  it("weights the rates, a zero-weighted rate dropping out", () => {
    const rates = { response: 0, onTime: 50, resolution: 100, satisfaction: 100 };
    expect(
      weightedRates(rates, { ...DEFAULT_WEIGHTS, response: 0, onTime: 50, resolution: 25, satisfaction: 25 }),
    ).toBe(75);
    expect(weightedRates({ ...rates, resolution: null }, DEFAULT_WEIGHTS)).toBeNull();
  });

  it("is part of the computed rates, rounded to 2 decimals, with the deduction and the 数据不足 flag", () => {
    const counts = kpiCounts({ ...full, onTime: 5, supervisions: 2 });
    expect(computeRates(counts, DEFAULT_WEIGHTS)).toMatchObject({
      score: 88,
      supervisionDeduction: 2,
      insufficient: false,
    });
    expect(
      computeRates(kpiCounts({ dispatched: 3, responded: 3, supervisions: 4 }), DEFAULT_WEIGHTS),
    ).toMatchObject({
      responseRate: 100,
      score: null,
      supervisionDeduction: 0,
      insufficient: true,
    });
  });
});

describe("ranking", () => {
  it("orders by score, breaks ties by volume, shares a rank on a full tie, leaves unscored rows unranked and last", () => {
    const rows = [
      { key: "a", score: 80, volume: 10 },
      { key: "none", score: null, volume: 0 },
      { key: "b", score: 95.5, volume: 2 },
      { key: "c", score: 80, volume: 30 },
      { key: "d", score: 80, volume: 10 },
      { key: "e", score: 60, volume: 99 },
    ];
    expect(rank(rows).map((r) => [r.key, r.rank])).toEqual([
      ["b", 1],
      ["c", 2],
      ["a", 3],
      ["d", 3],
      ["e", 5],
      ["none", null],
    ]);
  });
});

describe("weights an admin may save", () => {
  it.each([
    ["the defaults", DEFAULT_WEIGHTS, null],
    [
      "decimal weights summing to 100",
      { ...DEFAULT_WEIGHTS, response: 10, onTime: 23.3, resolution: 33.3, satisfaction: 33.4 },
      null,
    ],
    [
      "a sum of 90",
      { ...DEFAULT_WEIGHTS, response: 0 },
      "response + onTime + resolution + satisfaction must be 100 (got 90)",
    ],
    [
      "the old three rates summing to 100 without 按期办结率",
      { ...DEFAULT_WEIGHTS, response: 10, resolution: 45, satisfaction: 45 },
      "response + onTime + resolution + satisfaction must be 100 (got 120)",
    ],
    [
      "a negative weight",
      { ...DEFAULT_WEIGHTS, response: -10, onTime: 30, resolution: 40, satisfaction: 40 },
      "rate weights must be non-negative numbers",
    ],
    [
      "a partial weight above 1",
      { ...DEFAULT_WEIGHTS, partialWeight: 1.5 },
      "partialWeight must lie between 0 and 1",
    ],
    [
      "a negative basic weight",
      { ...DEFAULT_WEIGHTS, basicWeight: -0.1 },
      "basicWeight must lie between 0 and 1",
    ],
    [
      "a negative 督办 penalty",
      { ...DEFAULT_WEIGHTS, supervisionPenalty: -1 },
      "supervisionPenalty must lie between 0 and 100",
    ],
    ["a sample of 0", { ...DEFAULT_WEIGHTS, minSample: 0 }, "minSample must be a whole number of at least 1"],
    [
      "a fractional sample",
      { ...DEFAULT_WEIGHTS, minSample: 2.5 },
      "minSample must be a whole number of at least 1",
    ],
  ] as const)("%s", (_name, weights, problem) => {
    expect(weightsProblem(weights)).toBe(problem);
  });
});
