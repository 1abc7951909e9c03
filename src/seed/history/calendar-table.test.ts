import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../modules/regions/geometry/prng.js";
import { computeDeadlines } from "../../modules/time-limits/deadlines.js";
import { DEFAULT_TIME_LIMIT_RULES } from "../../modules/time-limits/rules.js";
import { chinaDateTime } from "../../platform/calendar/china-time.js";
import { createOfficialCalendar } from "../../platform/calendar/official-calendar.js";
import { CalendarTable } from "./calendar-table.js";

const calendar = createOfficialCalendar([]);
const table = new CalendarTable(calendar, "2025-01-01", "2026-12-31");
const random = mulberry32(7);
const FROM = chinaDateTime("2025-01-02", "00:00").getTime();
const SPAN = chinaDateTime("2026-10-31", "00:00").getTime() - FROM;
/** Instants all over 2025–2026, some on exact period boundaries (08:30, 12:00, 14:00, 18:00). */
const instants = Array.from({ length: 2000 }, (_, i) => {
  const at = new Date(FROM + Math.floor(random() * SPAN));
  if (i % 5 !== 0) return at;
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return chinaDateTime(day, ["08:30", "12:00", "14:00", "18:00"][i % 4]);
});

describe("the tabulated calendar gives the calendar's answers", () => {
  it("for working days, including holidays and make-up days of 2025–2026", () => {
    for (
      let day = new Date("2025-01-01T12:00:00Z");
      day < new Date("2026-12-31T00:00:00Z");
      day = new Date(day.getTime() + 86_400_000)
    ) {
      const d = day.toISOString().slice(0, 10);
      expect(table.isWorkingDay(d), d).toBe(calendar.isWorkingDay(d));
    }
  });

  it("for the n-th working day after a day", () => {
    for (const [i, at] of instants.entries()) {
      const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(table.addWorkingDays(day, i % 16), day).toBe(calendar.addWorkingDays(day, i % 16));
    }
  });

  it("for n working minutes later, whole and fractional, landing on period ends", () => {
    for (const [i, at] of instants.entries()) {
      const minutes = i % 3 === 0 ? [30, 120, 210, 450, 900][i % 5] : random() * 5000;
      expect(table.addWorkingMinutes(at, minutes).getTime(), `${at.toISOString()} + ${minutes}`).toBe(
        calendar.addWorkingMinutes(at, minutes).getTime(),
      );
    }
  });

  it("for working minutes between two instants up to 40 days apart, either way round", () => {
    for (const [i, a] of instants.entries()) {
      const b = new Date(a.getTime() + (random() - 0.5) * 80 * 86_400_000);
      expect(table.workingMinutesBetween(a, b), `${i}`).toBeCloseTo(calendar.workingMinutesBetween(a, b), 6);
    }
  });

  it("for the deadlines of every default rule", () => {
    for (const at of instants.slice(0, 300)) {
      for (const rule of DEFAULT_TIME_LIMIT_RULES)
        expect(computeDeadlines(table, rule, at)).toEqual(computeDeadlines(calendar, rule, at));
    }
  });
});
