import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findCategory, flattenCategories } from "../../categories/tree.js";
import { loadExamples } from "./classifier.js";
import { generateExamples } from "./generate-examples.js";
import { CATEGORY_KEYWORDS } from "./lexicon.js";
import { splitExamples } from "./split.js";
import { DEMAND_TYPES } from "./types.js";

describe("labelled examples", () => {
  const examples = loadExamples();

  it("are many, unique and labelled with codes of the tree", () => {
    expect(examples.length).toBeGreaterThanOrEqual(1200);
    expect(new Set(examples.map((example) => example.text)).size).toBe(examples.length);
    for (const example of examples) {
      const category = findCategory(example.category);
      expect(category, example.category).toBeDefined();
      expect(category?.level).toBeGreaterThanOrEqual(2);
      expect(DEMAND_TYPES).toContain(example.type);
      expect(example.text.length).toBeGreaterThan(4);
    }
  });

  it("cover every level-2 category and every type, with 5-10% urgent", () => {
    const covered = new Set(examples.map((example) => example.category.slice(0, 4)));
    for (const row of flattenCategories().filter((category) => category.level === 2)) {
      expect(covered.has(row.code), row.code).toBe(true);
    }
    for (const type of DEMAND_TYPES) {
      expect(examples.filter((example) => example.type === type).length, type).toBeGreaterThanOrEqual(60);
    }
    const urgentShare = examples.filter((example) => example.urgent).length / examples.length;
    expect(urgentShare).toBeGreaterThanOrEqual(0.05);
    expect(urgentShare).toBeLessThanOrEqual(0.1);
  });

  it("split about 80/20 without a template group on both sides", () => {
    const { train, test } = splitExamples(examples);
    expect(test.length / examples.length).toBeGreaterThan(0.15);
    expect(test.length / examples.length).toBeLessThan(0.25);
    const trainGroups = new Set(train.map((example) => example.group));
    for (const example of test) expect(trainGroups.has(example.group), example.group).toBe(false);
  });

  it("are what the deterministic generator writes", () => {
    const file = readFileSync(new URL("./examples.json", import.meta.url), "utf8");
    expect(JSON.parse(file)).toEqual(generateExamples());
  });

  it("has a lexicon line for every level-3 category", () => {
    for (const row of flattenCategories().filter((category) => category.level === 3)) {
      expect(CATEGORY_KEYWORDS[row.code], row.code).toBeTruthy();
    }
    for (const code of Object.keys(CATEGORY_KEYWORDS)) expect(findCategory(code)?.level, code).toBe(3);
  });
});
