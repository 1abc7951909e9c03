import { describe, expect, it } from "vitest";
import { chinaDateTime } from "../../platform/calendar/china-time.js";
import { mondayOf, noticeRegions, withoutReported } from "./run.js";
import { candidate } from "./types.js";

const finding = (window: string, orderIds: string[]) =>
  candidate({
    rule: "repeat_caller",
    scope: "repeat_caller:caller:h1",
    window,
    regionCode: "610103",
    categoryCode: null,
    title: "t",
    detail: {},
    orderIds,
  });

describe("re-runs", () => {
  it("drop a finding an earlier window already reported with all its orders", () => {
    const known = [{ dedupe_key: "repeat_caller:caller:h1:2026-10", order_ids: ["1", "2", "3"] }];
    expect(withoutReported([finding("2026-11", ["1", "2", "3"])], known)).toEqual([]);
  });

  it("keep it when it has an order the earlier warning did not, or when it is the same window's", () => {
    const known = [{ dedupe_key: "repeat_caller:caller:h1:2026-10", order_ids: ["1", "2", "3"] }];
    expect(withoutReported([finding("2026-11", ["2", "3", "4"])], known)).toHaveLength(1);
    expect(withoutReported([finding("2026-10", ["1", "2", "3"])], known)).toHaveLength(1);
  });

  it("window weekly findings by the China-time Monday", () => {
    expect(mondayOf(chinaDateTime("2026-11-29", "23:30"))).toBe("2026-11-23");
    expect(mondayOf(chinaDateTime("2026-11-30", "00:10"))).toBe("2026-11-30");
  });
});

describe("the live notice after a run", () => {
  it("names each region once", () => {
    expect(noticeRegions(["610103001", "610103001002", "610103001"])).toEqual(["610103001", "610103001002"]);
  });

  it("names the smallest region holding them all when there are very many", () => {
    const grids = Array.from(
      { length: 150 },
      (_, i) => `610103${String(1 + (i % 8)).padStart(3, "0")}001${String(i).padStart(3, "0")}`,
    );
    expect(noticeRegions(grids)).toEqual(["610103"]);
    expect(noticeRegions(grids.filter((code) => code.startsWith("610103002")))).toHaveLength(19);
  });
});
