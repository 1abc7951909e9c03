import { describe, expect, it } from "vitest";
import { type CommonRow, detectCommonProblems, MAX_COMMON_PROPOSALS } from "./common-problem.js";

const names = {
  region: (code: string) => `社区${code.slice(-3)}`,
  category: (code: string) => `类别${code}`,
};
let serial = 0;
const rows = (categoryCode: string, communities: string[]): CommonRow[] =>
  communities.map((communityCode) => ({ id: String(++serial), categoryCode, communityCode }));

describe("common problems (共性问题)", () => {
  it("proposes a level-3 problem raised in 3 communities, for the ledger and as a 每月一题 candidate", () => {
    const found = detectCommonProblems(
      rows("010101", ["610103001001", "610103001002", "610103002001", "610103002001"]),
      "2026-11",
      names,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      dedupeKey: "common_problem:010101:2026-11",
      regionCode: "610103",
      categoryCode: "010101",
    });
    expect(found[0].detail).toMatchObject({
      count: 4,
      proposedLedger: "common",
      monthlyTopicCandidate: true,
    });
    expect(found[0].orderIds).toHaveLength(4);
    expect(found[0].title).toContain("每月一题");
  });

  it("does not propose a problem raised in only 2 communities, however often", () => {
    expect(
      detectCommonProblems(
        rows("010101", ["610103001001", "610103001002", "610103001002", "610103001002"]),
        "2026-11",
        names,
      ),
    ).toEqual([]);
  });

  it("proposes the broadest problems first and at most MAX_COMMON_PROPOSALS of them", () => {
    const many = Array.from({ length: MAX_COMMON_PROPOSALS + 2 }, (_, i) => {
      const communities = Array.from({ length: 3 + i }, (_, c) => `6101030010${String(c).padStart(2, "0")}`);
      return rows(`0101${String(i).padStart(2, "0")}`, communities);
    }).flat();
    const found = detectCommonProblems(many, "2026-11", names);
    expect(found).toHaveLength(MAX_COMMON_PROPOSALS);
    expect(found[0].categoryCode).toBe(`0101${String(MAX_COMMON_PROPOSALS + 1).padStart(2, "0")}`);
    expect(found.map((f) => f.detail.rank)).toEqual(
      Array.from({ length: MAX_COMMON_PROPOSALS }, (_, i) => i + 1),
    );
  });
});
