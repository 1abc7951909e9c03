import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { addDays } from "./days.js";
import {
  type CalendarOverrideRow,
  createOfficialCalendar,
  officialCalendarYears,
} from "./official-calendar.js";

const official = createOfficialCalendar();

describe("official calendar from chinese-days", () => {
  it("covers 2004–2026", () => {
    expect(officialCalendarYears()).toEqual(Array.from({ length: 23 }, (_, index) => 2004 + index));
  });

  // The State Council's 2026 arrangement (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm).
  it.each([
    ["2026-01-01", false, "元旦 (Thu)"],
    ["2026-01-02", false, "元旦 调休 (Fri)"],
    ["2026-01-04", true, "元旦 make-up Sunday"],
    ["2026-02-14", true, "春节 make-up Saturday"],
    ["2026-02-16", false, "春节 (Mon)"],
    ["2026-02-23", false, "春节 last day (Mon)"],
    ["2026-02-24", true, "first working day after 春节"],
    ["2026-02-28", true, "春节 make-up Saturday"],
    ["2026-04-06", false, "清明 (Mon)"],
    ["2026-05-05", false, "劳动节 调休 (Tue)"],
    ["2026-05-09", true, "劳动节 make-up Saturday"],
    ["2026-06-19", false, "端午 (Fri)"],
    ["2026-09-20", true, "国庆 make-up Sunday"],
    ["2026-09-25", false, "中秋 (Fri)"],
    ["2026-10-07", false, "国庆 调休 (Wed)"],
    ["2026-10-08", true, "first working day after 国庆"],
    ["2026-10-10", true, "国庆 make-up Saturday"],
    ["2026-10-11", false, "ordinary Sunday"],
  ])("%s working? %s — %s", (day, working) => {
    expect(official.isWorkingDay(day)).toBe(working);
  });

  it("agrees with chinese-days' own isWorkday on every day it covers", () => {
    const disagreements: string[] = [];
    const daysOffByChineseDays = new Set(chineseDaysOffInChinaTime());
    for (let day = "2004-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
      if (daysOffByChineseDays.has(day) === official.isWorkingDay(day)) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
  });
});

/**
 * Every non-working day 2004–2026 according to chinese-days' functions, asked in a child process
 * running in China time: in time zones west of UTC those functions build their tables one day off
 * (with TZ=America/New_York they call 2026-09-30 a holiday), which is why production reads its JSON.
 */
function chineseDaysOffInChinaTime(): string[] {
  const script = `
    const { isWorkday } = require(${JSON.stringify(createRequire(import.meta.url).resolve("chinese-days"))});
    const daysOff = [];
    for (const day = new Date(2004, 0, 1, 12); day.getFullYear() <= 2026; day.setDate(day.getDate() + 1)) {
      const pad = (n) => String(n).padStart(2, "0");
      if (!isWorkday(day)) daysOff.push(day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate()));
    }
    process.stdout.write(JSON.stringify(daysOff));`;
  const env = { ...process.env, TZ: "Asia/Shanghai" };
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { env, encoding: "utf8" }));
}

describe("admin-added calendar rows", () => {
  // 2027 is beyond chinese-days 1.5: 2027-01-01 is a Friday, so without rows it counts as a working day.
  it("uses the plain weekend rule for years without data", () => {
    expect(official.isWorkingDay("2027-01-01")).toBe(true);
    expect(official.isWorkingDay("2027-01-02")).toBe(false);
  });

  it("adds holidays and make-up workdays for later years", () => {
    const calendar = createOfficialCalendar([
      { date: "2027-01-01", kind: "holiday", name: "元旦" },
      { date: "2027-01-09", kind: "workday", name: "hypothetical make-up Saturday" },
    ]);
    expect(calendar.isWorkingDay("2027-01-01")).toBe(false);
    expect(calendar.isWorkingDay("2027-01-09")).toBe(true);
  });

  it("overrides the official data, last row winning", () => {
    const calendar = createOfficialCalendar([
      { date: "2026-10-10", kind: "holiday", name: "make-up day cancelled" },
      { date: "2026-10-07", kind: "workday", name: "holiday cancelled" },
      { date: "2026-10-08", kind: "holiday", name: "first thought" },
      { date: "2026-10-08", kind: "workday", name: "second thought" },
    ]);
    expect(calendar.isWorkingDay("2026-10-10")).toBe(false);
    expect(calendar.isWorkingDay("2026-10-07")).toBe(true);
    expect(calendar.isWorkingDay("2026-10-08")).toBe(true);
  });

  it("leaves the shared official data untouched", () => {
    createOfficialCalendar([{ date: "2026-10-10", kind: "holiday", name: "local change" }]);
    expect(createOfficialCalendar().isWorkingDay("2026-10-10")).toBe(true);
  });

  it.each([
    [{ date: "2027-02-30", kind: "holiday", name: "impossible day" }],
    [{ date: "2027-01-01", kind: "vacation", name: "unknown kind" }],
  ])("rejects %j", (row) => {
    expect(() => createOfficialCalendar([row as unknown as CalendarOverrideRow])).toThrow(RangeError);
  });
});
