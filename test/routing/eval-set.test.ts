import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findCategory, TOP_LEVEL_CODES } from "../../src/modules/categories/tree.js";
import { DEMAND_TYPES } from "../../src/modules/demands/demand-types.js";
import {
  comparableText,
  loadSecondReading,
  WRITING_STYLES,
} from "../../src/modules/routing/model/eval-set.js";

/**
 * The routing evaluation sets (data/routing-eval, data/routing-eval-2) are written apart from all
 * training material and from each other, and are never used to train or tune anything: these
 * checks keep their shape, their labels and their separation honest.
 */
const ROOT = join(import.meta.dirname, "../..");
const EVAL_SETS = [
  { dir: "data/routing-eval", idPrefix: "ev", minDemands: 640 },
  { dir: "data/routing-eval-2", idPrefix: "ev2", minDemands: 600 },
] as const;
const EVAL_DIRS = EVAL_SETS.map((set) => join(ROOT, set.dir));
const FIELDS = ["category", "id", "source", "style", "text", "top", "type", "urgent"];

interface EvalDemand {
  id: string;
  text: string;
  category: string;
  top: string;
  type: string;
  urgent: boolean;
  style: string;
  source: string;
}

function readSet(dir: string): EvalDemand[] {
  const lines = readFileSync(join(ROOT, dir, "eval-set.jsonl"), "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => JSON.parse(line) as EvalDemand);
}

const countBy = (demands: EvalDemand[], key: (demand: EvalDemand) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const demand of demands) counts.set(key(demand), (counts.get(key(demand)) ?? 0) + 1);
  return counts;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(EVAL_SETS)("routing evaluation set $dir", ({ dir, idPrefix, minDemands }) => {
  const demands = readSet(dir);

  it("has one well-formed demand per line", () => {
    for (const demand of demands) {
      expect(Object.keys(demand).sort()).toEqual(FIELDS);
      expect(demand.id).toMatch(new RegExp(`^${idPrefix}-\\d{4}$`));
      expect(demand.text.trim().length).toBeGreaterThan(4);
      expect(typeof demand.urgent).toBe("boolean");
      expect(WRITING_STYLES).toContain(demand.style);
      expect(demand.source).toMatch(/^written:evalset2?-\d{4}-\d{2}-\d{2}$/);
    }
    expect(new Set(demands.map((demand) => demand.id)).size).toBe(demands.length);
  });

  it("labels every demand with a leaf category, its top level and a demand type of the catalogue", () => {
    for (const demand of demands) {
      const leaf = findCategory(demand.category);
      expect(leaf?.level, `${demand.id} ${demand.category}`).toBe(3);
      expect(demand.top).toBe(demand.category.slice(0, 2));
      expect(TOP_LEVEL_CODES).toContain(demand.top);
      expect(DEMAND_TYPES).toContain(demand.type);
    }
  });

  it("is large enough to measure every top-level category, type, style and urgency", () => {
    expect(demands.length).toBeGreaterThanOrEqual(minDemands);
    const byTop = countBy(demands, (demand) => demand.top);
    for (const top of TOP_LEVEL_CODES) expect(byTop.get(top) ?? 0, top).toBeGreaterThanOrEqual(40);
    const byType = countBy(demands, (demand) => demand.type);
    for (const type of DEMAND_TYPES) expect(byType.get(type) ?? 0, type).toBeGreaterThanOrEqual(10);
    const byStyle = countBy(demands, (demand) => demand.style);
    for (const style of WRITING_STYLES) expect(byStyle.get(style) ?? 0, style).toBeGreaterThanOrEqual(15);
    const urgentShare = demands.filter((demand) => demand.urgent).length / demands.length;
    expect(urgentShare).toBeGreaterThanOrEqual(0.12);
    expect(urgentShare).toBeLessThanOrEqual(0.15);
    const urgentTops = new Set(demands.filter((demand) => demand.urgent).map((demand) => demand.top));
    expect(urgentTops.size, "urgent demands outside the obvious safety categories").toBe(
      TOP_LEVEL_CODES.length,
    );
  });

  it("has a second reading of every demand's type, by two readers blind to its labels", () => {
    const reading = loadSecondReading(join(ROOT, dir, "second-reading.tsv"));
    expect([...(reading?.keys() ?? [])]).toEqual(demands.map((demand) => demand.id));
    for (const types of reading?.values() ?? []) expect(types).toHaveLength(2);
  });

  it("has no repeated text", () => {
    expect(new Set(demands.map((demand) => comparableText(demand.text))).size).toBe(demands.length);
  });

  it("never leaks into the repository's source or other data (training material, lexicons)", () => {
    const texts = demands.map((demand) => comparableText(demand.text)).filter((text) => text.length >= 12);
    const scanned = ["src", "data", "bench", "scripts"]
      .flatMap((dir) => filesUnder(join(ROOT, dir)))
      .filter(
        (path) =>
          !EVAL_DIRS.some((evalDir) => path.startsWith(`${evalDir}/`)) &&
          /\.(json|jsonl|ts|txt|csv|tsv)$/.test(path),
      );
    for (const path of scanned) {
      const content = comparableText(readFileSync(path, "utf8"));
      const leaked = texts.filter((text) => content.includes(text));
      expect(leaked, relative(ROOT, path)).toEqual([]);
    }
  });
});

describe("a second reading of an evaluation set", () => {
  it("refuses a line with an unknown type, a missing reader or a repeated id", () => {
    const file = join(mkdtempSync(join(tmpdir(), "second-reading-")), "second-reading.tsv");
    const header = "id\treader-a\treader-b\n";
    for (const body of [
      "ev-0001\thelp\trant\n",
      "ev-0001\thelp\n",
      "ev-0001\thelp\thelp\nev-0001\thelp\thelp\n",
    ]) {
      writeFileSync(file, header + body);
      expect(() => loadSecondReading(file), body).toThrow(/not a second reading/);
    }
    writeFileSync(file, `${header}ev-0001\thelp\tcomplaint\n`);
    expect(loadSecondReading(file)?.get("ev-0001")).toEqual(["help", "complaint"]);
  });
});

describe("routing evaluation sets apart", () => {
  it("share no text (each set is written independently of the other)", () => {
    const [first, second] = EVAL_SETS.map((set) => readSet(set.dir));
    const firstTexts = new Set(first.map((demand) => comparableText(demand.text)));
    const shared = second
      .filter((demand) => firstTexts.has(comparableText(demand.text)))
      .map((demand) => demand.id);
    expect(shared).toEqual([]);
  });
});
