import { describe, expect, it } from "vitest";
import { chinaDateTime } from "./china-time.js";
import { WorkingCalendar, type WorkingCalendarData } from "./working-calendar.js";

// A small hand-made calendar, independent of the official data, around a made-up week in November 2026:
//   Mon 11-23 work · Tue 11-24 HOLIDAY · Wed 11-25 … Fri 11-27 work · Sat 11-28 MAKE-UP WORKDAY · Sun 11-29 off
const calendar = new WorkingCalendar({
  holidays: ["2026-11-24"],
  makeUpWorkdays: ["2026-11-28"],
});

/** A China wall-clock instant, "YYYY-MM-DD HH:MM". */
const at = (text: string) => chinaDateTime(text.slice(0, 10), text.slice(11));

describe("working days", () => {
  it.each([
    ["2026-11-23", true, "ordinary Monday"],
    ["2026-11-24", false, "holiday on a Tuesday"],
    ["2026-11-28", true, "调休 make-up Saturday"],
    ["2026-11-29", false, "ordinary Sunday"],
    ["2026-12-05", false, "ordinary Saturday"],
  ])("%s working? %s (%s)", (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });

  it("finds the next working day strictly after a day", () => {
    expect(calendar.nextWorkingDay("2026-11-23")).toBe("2026-11-25");
    expect(calendar.nextWorkingDay("2026-11-27")).toBe("2026-11-28");
    expect(calendar.nextWorkingDay("2026-11-28")).toBe("2026-11-30");
  });

  it.each([
    ["2026-11-23", 0, "2026-11-23"],
    ["2026-11-23", 1, "2026-11-25"], // the holiday does not count
    ["2026-11-23", 5, "2026-11-30"], // 25, 26, 27, 28 (make-up Saturday), 30
    ["2026-11-29", 1, "2026-11-30"], // from a day off, day 1 is the next working day
  ])("%s + %i working days = %s", (day, n, expected) => {
    expect(calendar.addWorkingDays(day, n)).toBe(expected);
    expect(calendar.workingDaysBetween(day, expected)).toBe(n);
  });

  it("counts working days in (a, b], negative backwards", () => {
    expect(calendar.workingDaysBetween("2026-11-23", "2026-11-24")).toBe(0);
    expect(calendar.workingDaysBetween("2026-11-30", "2026-11-23")).toBe(-5);
  });

  it.each([-1, 1.5, Number.NaN])("rejects %d working days", (n) => {
    expect(() => calendar.addWorkingDays("2026-11-23", n)).toThrow(RangeError);
  });
});

describe("working minutes (08:30–12:00, 14:00–18:00)", () => {
  it.each([
    ["2026-11-23 09:00", 60, "2026-11-23 10:00", "within the morning"],
    ["2026-11-23 10:00", 120, "2026-11-23 12:00", "ends exactly at noon, not 14:00"],
    ["2026-11-23 11:30", 120, "2026-11-23 15:30", "30 before lunch + 90 after"],
    ["2026-11-23 12:30", 30, "2026-11-23 14:30", "starts in the lunch break"],
    ["2026-11-23 06:00", 30, "2026-11-23 09:00", "starts before office hours"],
    ["2026-11-23 17:50", 120, "2026-11-25 10:20", "10 today, skips the holiday, 110 on Wednesday"],
    ["2026-11-27 17:50", 120, "2026-11-28 10:20", "continues on the make-up Saturday"],
    ["2026-11-28 20:00", 450, "2026-11-30 18:00", "a whole 7.5-hour working day"],
    ["2026-11-23 09:00", 0, "2026-11-23 09:00", "zero minutes"],
  ])("%s + %i working minutes = %s (%s)", (start, minutes, expected) => {
    expect(calendar.addWorkingMinutes(at(start), minutes)).toEqual(at(expected));
    expect(calendar.workingMinutesBetween(at(start), at(expected))).toBe(minutes);
  });

  it("keeps seconds and fractions of minutes", () => {
    const start = new Date(at("2026-11-23 11:59").getTime() + 30_000);
    expect(calendar.addWorkingMinutes(start, 1)).toEqual(new Date(at("2026-11-23 14:00").getTime() + 30_000));
    expect(
      calendar.workingMinutesBetween(
        at("2026-11-23 09:00"),
        new Date(at("2026-11-23 09:00").getTime() + 90_000),
      ),
    ).toBe(1.5);
  });

  it("counts nothing outside working time and is negative backwards", () => {
    expect(calendar.workingMinutesBetween(at("2026-11-24 09:00"), at("2026-11-24 17:00"))).toBe(0);
    expect(calendar.workingMinutesBetween(at("2026-11-23 12:00"), at("2026-11-23 14:00"))).toBe(0);
    expect(calendar.workingMinutesBetween(at("2026-11-23 15:30"), at("2026-11-23 11:30"))).toBe(-120);
  });

  it("rejects negative minutes", () => {
    expect(() => calendar.addWorkingMinutes(at("2026-11-23 09:00"), -1)).toThrow(RangeError);
  });

  it("honours configured working hours", () => {
    const shifts = new WorkingCalendar({
      holidays: [],
      makeUpWorkdays: [],
      workingHours: [["09:00", "17:00"]],
    });
    expect(shifts.addWorkingMinutes(at("2026-11-23 16:00"), 120)).toEqual(at("2026-11-24 10:00"));
  });
});

describe("calendar data validation", () => {
  it.each<[WorkingCalendarData, string]>([
    [{ holidays: ["2026-02-30"], makeUpWorkdays: [] }, "an impossible day"],
    [
      { holidays: ["2026-10-10"], makeUpWorkdays: ["2026-10-10"] },
      "a day that is both holiday and make-up day",
    ],
    [{ holidays: [], makeUpWorkdays: [], workingHours: [] }, "no working hours"],
    [{ holidays: [], makeUpWorkdays: [], workingHours: [["12:00", "08:30"]] }, "a backwards period"],
    [
      {
        holidays: [],
        makeUpWorkdays: [],
        workingHours: [
          ["08:00", "12:00"],
          ["11:00", "18:00"],
        ],
      },
      "overlapping periods",
    ],
  ])("rejects %j (%s)", (data) => {
    expect(() => new WorkingCalendar(data)).toThrow(RangeError);
  });
});
