import { describe, expect, it } from "vitest";
import {
  chinaDate,
  chinaDateTime,
  chinaMonth,
  chinaMsOfDay,
  compactChinaDate,
  endOfChinaDay,
  parseClockTime,
  periodRange,
  startOfChinaDay,
} from "./china-time.js";
import { addDays, dayOfWeek, isWeekend, toEpochDay } from "./days.js";

// These tests must pass whatever TZ the process runs in; run them with TZ=UTC and TZ=America/New_York.

describe("calendar days", () => {
  it.each([
    ["1970-01-01", 4],
    ["2026-10-01", 4],
    ["2026-10-10", 6],
    ["2026-09-20", 0],
    ["1969-12-31", 3],
  ])("%s is weekday %i (0 = Sunday)", (day, weekday) => {
    expect(dayOfWeek(day)).toBe(weekday);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("knows weekends", () => {
    expect(isWeekend("2026-11-28")).toBe(true);
    expect(isWeekend("2026-11-27")).toBe(false);
  });

  it.each(["2026-02-30", "2026-13-01", "2026-1-5", "20261126", ""])("rejects the day %j", (day) => {
    expect(() => toEpochDay(day)).toThrow(RangeError);
  });
});

describe("China-time views of an instant", () => {
  it.each([
    // [instant (UTC), China date, China month, compact]
    ["2026-11-25T16:00:00.000Z", "2026-11-26", "2026-11", "20261126"], // 00:00 in Beijing
    ["2026-11-25T15:59:59.999Z", "2026-11-25", "2026-11", "20261125"], // 23:59:59.999 in Beijing
    ["2026-12-31T16:30:00.000Z", "2027-01-01", "2027-01", "20270101"], // New Year already in Beijing
  ])("%s is %s in China", (iso, day, month, compact) => {
    const instant = new Date(iso);
    expect(chinaDate(instant)).toBe(day);
    expect(chinaMonth(instant)).toBe(month);
    expect(compactChinaDate(instant)).toBe(compact);
  });

  it("measures the time of day in China", () => {
    expect(chinaMsOfDay(new Date("2026-11-26T02:30:00Z"))).toBe((10 * 60 + 30) * 60_000);
  });

  it("rejects invalid dates", () => {
    expect(() => chinaDate(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("China-time instants of a day", () => {
  it("starts a day at 00:00 and ends it at 23:59:59.999 Beijing time", () => {
    expect(startOfChinaDay("2026-11-26").toISOString()).toBe("2026-11-25T16:00:00.000Z");
    expect(endOfChinaDay("2026-11-26").toISOString()).toBe("2026-11-26T15:59:59.999Z");
  });

  it("places a wall-clock time on a day", () => {
    expect(chinaDateTime("2026-11-26", "08:30").toISOString()).toBe("2026-11-26T00:30:00.000Z");
    expect(chinaDateTime("2026-11-26", "24:00")).toEqual(startOfChinaDay("2026-11-27"));
  });

  it.each(["8:30", "08:60", "24:01", "25:00", "0830"])("rejects the clock time %j", (time) => {
    expect(() => parseClockTime(time)).toThrow(RangeError);
  });
});

describe("reporting periods (end exclusive)", () => {
  it.each([
    ["2026-11-26", "day", "2026-11-25T16:00:00.000Z", "2026-11-26T16:00:00.000Z"],
    ["2026-11", "month", "2026-10-31T16:00:00.000Z", "2026-11-30T16:00:00.000Z"],
    ["2026-12", "month", "2026-11-30T16:00:00.000Z", "2026-12-31T16:00:00.000Z"],
    ["2026-Q1", "quarter", "2025-12-31T16:00:00.000Z", "2026-03-31T16:00:00.000Z"],
    ["2026-Q4", "quarter", "2026-09-30T16:00:00.000Z", "2026-12-31T16:00:00.000Z"],
    ["2026", "year", "2025-12-31T16:00:00.000Z", "2026-12-31T16:00:00.000Z"],
  ])("%s is a %s from %s to %s", (period, kind, start, end) => {
    expect(periodRange(period)).toEqual({ kind, start: new Date(start), end: new Date(end) });
  });

  it.each(["2026-Q5", "2026-13", "2026-02-30", "26", "2026-11-26T00:00"])("rejects %j", (period) => {
    expect(() => periodRange(period)).toThrow(RangeError);
  });
});
