import { describe, expect, it } from "vitest";
import { placementProblem } from "./rules.js";

const community = { code: "610103001001", level: "community" as const, parentCode: "610103001" };
const grid = { code: "610103001001001", level: "grid" as const, parentCode: "610103001001" };
const otherGrid = { code: "610103001002001", level: "grid" as const, parentCode: "610103001002" };

describe("party organisation placement 四级组织体系", () => {
  it("places a community 党委 without a parent and a grid branch under its community's", () => {
    expect(placementProblem({ kind: "committee", region: community, parent: null })).toBeNull();
    expect(
      placementProblem({
        kind: "grid_branch",
        region: grid,
        parent: { kind: "committee", regionCode: community.code },
      }),
    ).toBeNull();
    expect(
      placementProblem({
        kind: "building_group",
        region: grid,
        parent: { kind: "grid_branch", regionCode: grid.code },
      }),
    ).toBeNull();
  });

  it("refuses the wrong level, a missing or wrong parent, and a parent elsewhere", () => {
    expect(placementProblem({ kind: "committee", region: grid, parent: null })).toMatch(/community/);
    expect(placementProblem({ kind: "grid_branch", region: grid, parent: null })).toMatch(/parent/);
    expect(
      placementProblem({
        kind: "household",
        region: grid,
        parent: { kind: "committee", regionCode: community.code },
      }),
    ).toMatch(/cannot hang/);
    expect(
      placementProblem({
        kind: "grid_branch",
        region: otherGrid,
        parent: { kind: "committee", regionCode: community.code },
      }),
    ).toMatch(/not where/);
    expect(
      placementProblem({
        kind: "branch",
        region: community,
        parent: { kind: "committee", regionCode: community.code },
      }),
    ).toMatch(/no parent/);
  });
});
