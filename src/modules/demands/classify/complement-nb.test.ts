import { describe, expect, it } from "vitest";
import { ComplementNB } from "./complement-nb.js";

describe("ComplementNB", () => {
  const model = ComplementNB.train(
    [
      ["gas", "leak"],
      ["gas", "meter"],
      ["wage", "boss"],
      ["wage", "overtime"],
      ["wage", "contract"],
    ],
    ["gas", "gas", "labour", "labour", "labour"],
    { temperature: 5 },
  );

  it("ranks the class whose complement least explains the features", () => {
    const [first, second] = model.predict(["gas", "leak"]);
    expect(first.label).toBe("gas");
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.score + second.score).toBeCloseTo(1, 10);
  });

  it("falls back to the priors when nothing is known", () => {
    const scores = model.predict(["unknown"]);
    expect(scores.map((entry) => entry.label)).toEqual(["labour", "gas"]);
    expect(scores[0].score).toBeCloseTo(0.6, 10);
  });

  it("counts weighted documents several times", () => {
    const weighted = ComplementNB.train([["a"], ["a"], ["b"]], ["x", "y", "y"], { weights: [5, 1, 1] });
    expect(weighted.predict(["a"])[0].label).toBe("x");
  });
});
