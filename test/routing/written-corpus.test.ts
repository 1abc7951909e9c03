import { describe, expect, it } from "vitest";
import { flattenCategories } from "../../src/modules/categories/tree.js";
import { DEMAND_TYPES } from "../../src/modules/demands/demand-types.js";
import { BENCH_EVAL_SETS, comparableText, loadEvalSet } from "../../src/modules/routing/model/eval-set.js";
import { generateTrainingExamples } from "../../src/modules/routing/training/generate.js";
import {
  loadWrittenDemands,
  writtenDemandProblem,
  writtenExamples,
} from "../../src/modules/routing/training/written.js";

/**
 * The written demands (training/written/*.jsonl) are training material in residents' own words,
 * labelled whole. These checks keep them well-formed, spread over every leaf and type, and apart
 * from both evaluation sets — not one text in common, however short.
 */
const demands = loadWrittenDemands();

describe("the written demands", () => {
  it("are well-formed lines with unique ids", () => {
    for (const demand of demands) expect(writtenDemandProblem(demand), demand.id).toBeNull();
    expect(new Set(demands.map((demand) => demand.id)).size).toBe(demands.length);
    expect(new Set(demands.map((demand) => comparableText(demand.text))).size).toBe(demands.length);
  });

  it("cover every leaf of the catalogue and every demand type, urgent and calm", () => {
    const perLeaf = new Map<string, number>();
    for (const demand of demands) perLeaf.set(demand.category, (perLeaf.get(demand.category) ?? 0) + 1);
    const leaves = flattenCategories().filter((category) => category.level === 3);
    for (const leaf of leaves) expect(perLeaf.get(leaf.code) ?? 0, leaf.code).toBeGreaterThanOrEqual(8);
    for (const type of DEMAND_TYPES)
      expect(demands.filter((demand) => demand.type === type).length, type).toBeGreaterThanOrEqual(30);
    const urgent = demands.filter((demand) => demand.urgent).length;
    expect(urgent / demands.length).toBeGreaterThan(0.05);
  });

  it("share no text with either evaluation set", () => {
    const written = new Set(demands.map((demand) => comparableText(demand.text)));
    for (const set of BENCH_EVAL_SETS) {
      const shared = (loadEvalSet(set.path) ?? []).filter((demand) =>
        written.has(comparableText(demand.text)),
      );
      expect(
        shared.map((demand) => demand.id),
        set.name,
      ).toEqual([]);
    }
  });

  it("train as written, as phoned in and hurried, one group per demand", () => {
    const [demand] = demands;
    const examples = writtenExamples([demand], 3);
    expect(examples.map((example) => example.group)).toEqual(Array(3).fill(`written:${demand.id}`));
    expect(examples[0]).toMatchObject({ text: demand.text, asWritten: true, type: demand.type });
    expect(examples.slice(1).every((example) => example.asWritten === false)).toBe(true);
    const trained = generateTrainingExamples().filter((example) => example.source === "written");
    expect(trained.length).toBeGreaterThan(2 * demands.length);
  });

  it("refuse a malformed line with its reason", () => {
    const good = { ...demands[0] };
    expect(writtenDemandProblem({ ...good, category: "0101" })).toMatch(/not a leaf/);
    expect(writtenDemandProblem({ ...good, type: "rant" })).toMatch(/type/);
    expect(writtenDemandProblem({ ...good, urgent: "yes" })).toMatch(/urgent/);
    expect(writtenDemandProblem({ ...good, extra: 1 })).toMatch(/unknown fields/);
  });
});
