import { describe, expect, it } from "vitest";
import { chinaDateTimeText, contentDisposition } from "./excel.js";

describe("download file names (RFC 6266 + RFC 5987)", () => {
  it.each([
    [
      "碑林区一般问题台账（2026-11）.xlsx",
      "ledger.xlsx",
      `attachment; filename="ledger.xlsx"; filename*=UTF-8''%E7%A2%91%E6%9E%97%E5%8C%BA%E4%B8%80%E8%88%AC%E9%97%AE%E9%A2%98%E5%8F%B0%E8%B4%A6%EF%BC%882026-11%EF%BC%89.xlsx`,
    ],
    [
      "report (v2)*.xlsx",
      "report.xlsx",
      `attachment; filename="report.xlsx"; filename*=UTF-8''report%20%28v2%29%2A.xlsx`,
    ],
    ["x.xlsx", 'a"b\\c.xlsx', `attachment; filename="a_b_c.xlsx"; filename*=UTF-8''x.xlsx`],
  ])("%s", (fileName, fallback, expected) => {
    expect(contentDisposition(fileName, fallback)).toBe(expected);
  });
});

describe("China-time cells", () => {
  it.each([
    ["2026-11-30T16:00:00Z", "2026-12-01 00:00"],
    ["2026-11-30T15:59:59Z", "2026-11-30 23:59"],
    ["2026-02-28T18:05:00Z", "2026-03-01 02:05"],
  ])("%s reads %s", (instant, text) => {
    expect(chinaDateTimeText(new Date(instant))).toBe(text);
  });

  it("keeps a missing instant missing", () => {
    expect(chinaDateTimeText(null)).toBeNull();
  });
});
