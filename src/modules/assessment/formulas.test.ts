import { describe, expect, it } from "vitest";
import {
  type AssessmentWeights,
  compositeScore,
  computeRates,
  DEFAULT_WEIGHTS,
  kpiCounts,
  rank,
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

describe("composite score (三率)", () => {
  it.each([
    [
      "10/45/45 of 85.714/70/76",
      { response: (6 / 7) * 100, resolution: 70, satisfaction: 76 },
      DEFAULT_WEIGHTS,
      74.2714,
    ],
    ["all perfect is 100", { response: 100, resolution: 100, satisfaction: 100 }, DEFAULT_WEIGHTS, 100],
    [
      "20/40/40 weights",
      { response: 50, resolution: 100, satisfaction: 0 },
      { ...DEFAULT_WEIGHTS, response: 20, resolution: 40, satisfaction: 40 },
      50,
    ],
    [
      "no visits: judged on response alone",
      { response: 80, resolution: null, satisfaction: null },
      DEFAULT_WEIGHTS,
      80,
    ],
    [
      "no response data: resolution and satisfaction rescaled to 100",
      { response: null, resolution: 60, satisfaction: 80 },
      DEFAULT_WEIGHTS,
      70,
    ],
    [
      "nothing measured is null",
      { response: null, resolution: null, satisfaction: null },
      DEFAULT_WEIGHTS,
      null,
    ],
    [
      "a zero-weighted rate alone scores nothing",
      { response: 90, resolution: null, satisfaction: null },
      { ...DEFAULT_WEIGHTS, response: 0, resolution: 50, satisfaction: 50 },
      null,
    ],
  ] as const)("%s", (_name, rates, weights, expected) => {
    const score = compositeScore(rates, weights);
    if (expected === null) expect(score).toBeNull();
    else expect(score).toBeCloseTo(expected, 4);
  });

  it("is part of the computed rates, rounded to 2 decimals", () => {
    const counts = kpiCounts({
      dispatched: 7,
      responded: 6,
      rated: 5,
      solved: 3,
      partly: 1,
      satisfied: 3,
      basically: 1,
    });
    expect(computeRates(counts, DEFAULT_WEIGHTS).score).toBe(74.27);
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
      { ...DEFAULT_WEIGHTS, response: 33.3, resolution: 33.3, satisfaction: 33.4 },
      null,
    ],
    [
      "a sum of 90",
      { ...DEFAULT_WEIGHTS, response: 0 },
      "response + resolution + satisfaction must be 100 (got 90)",
    ],
    [
      "a negative weight",
      { ...DEFAULT_WEIGHTS, response: -10, resolution: 55, satisfaction: 55 },
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
  ] as const)("%s", (_name, weights, problem) => {
    expect(weightsProblem(weights)).toBe(problem);
  });
});
