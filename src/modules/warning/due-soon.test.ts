import { describe, expect, it } from "vitest";
import { chinaDateTime, endOfChinaDay } from "../../platform/calendar/china-time.js";
import { WorkingCalendar } from "../../platform/calendar/working-calendar.js";
import { type DueSoonRow, detectDueSoon, dueSoonCutoff } from "./due-soon.js";

// 2026-10-01…08 National Day holidays, 2026-10-10 (Saturday) a make-up working day.
const calendar = new WorkingCalendar({
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08"],
  makeUpWorkdays: ["2026-10-10"],
});
const names = { region: (code: string) => `区域${code}`, category: (code: string) => code };

const row = (id: string, dueAt: Date): DueSoonRow => ({
  id,
  orderNo: `BL20261120000${id}`,
  regionCode: "610103001001001",
  categoryCode: "020201",
  state: "handling",
  dueAt,
  unitName: "碑林区水务局",
});

describe("due soon (即将超期)", () => {
  it("looks until the end of the next working day: Friday → Monday, across a weekend", () => {
    expect(dueSoonCutoff(calendar, chinaDateTime("2026-11-20", "10:00"))).toEqual(
      endOfChinaDay("2026-11-23"),
    );
  });

  it("skips holidays and counts a make-up Saturday as a working day", () => {
    expect(dueSoonCutoff(calendar, chinaDateTime("2026-09-30", "10:00"))).toEqual(
      endOfChinaDay("2026-10-09"),
    );
    expect(dueSoonCutoff(calendar, chinaDateTime("2026-10-09", "10:00"))).toEqual(
      endOfChinaDay("2026-10-10"),
    );
  });

  it("warns about orders due after now and by the cutoff, not later ones nor overdue ones", () => {
    const now = chinaDateTime("2026-11-20", "10:00");
    const cutoff = dueSoonCutoff(calendar, now);
    const rows = [
      row("1", endOfChinaDay("2026-11-23")),
      row("2", endOfChinaDay("2026-11-24")),
      row("3", chinaDateTime("2026-11-20", "09:00")),
    ];
    const found = detectDueSoon(rows, now, cutoff, names);
    expect(found.map((f) => f.orderIds[0])).toEqual(["1"]);
    expect(found[0].title).toContain("11-23 23:59");
    expect(found[0].title).toContain("碑林区水务局");
    expect(found[0].detail).toMatchObject({ hoursLeft: 86 });
  });

  it("keys the warning by the deadline, so an extended deadline is judged afresh", () => {
    const now = chinaDateTime("2026-11-20", "10:00");
    const [a] = detectDueSoon(
      [row("1", endOfChinaDay("2026-11-20"))],
      now,
      dueSoonCutoff(calendar, now),
      names,
    );
    const [b] = detectDueSoon(
      [row("1", endOfChinaDay("2026-11-23"))],
      now,
      dueSoonCutoff(calendar, now),
      names,
    );
    expect(a.scope).toBe(b.scope);
    expect(a.dedupeKey).not.toBe(b.dedupeKey);
  });
});
