import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import type { CalendarDay } from "../../platform/calendar/days.js";

/** One day of the holiday calendar (节假日) as admins see it, and where it comes from. */
export interface CalendarDayEntry {
  day: CalendarDay;
  /** "holiday": a day off (放假); "workday": a make-up working day (调休补班) or a cancelled holiday. */
  kind: "holiday" | "workday";
  name: string;
  /** "official": the State Council arrangement shipped with `chinese-days`; "admin": entered here. */
  source: "official" | "admin";
}

/** The package stores "English,中文,n"; the Chinese name is what users know. */
function chineseName(label: string): string {
  return label.split(",")[1] ?? label;
}

function officialOfKind(
  table: Record<string, string>,
  kind: CalendarDayEntry["kind"],
  year: number,
): CalendarDayEntry[] {
  return Object.entries(table)
    .filter(([day]) => day.startsWith(`${year}-`))
    .map(([day, label]) => ({ day, kind, name: chineseName(label), source: "official" }));
}

/** The official days off and make-up working days of a year (empty for years the package lacks). */
export function officialDaysOf(year: number): CalendarDayEntry[] {
  const { holidays, workdays } = chineseDaysData as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  return [...officialOfKind(holidays, "holiday", year), ...officialOfKind(workdays, "workday", year)];
}

/** Official and admin days in day order; an admin row replaces the official entry of its day, as in the calendar. */
export function mergeCalendarDays(
  official: readonly CalendarDayEntry[],
  admin: readonly CalendarDayEntry[],
): CalendarDayEntry[] {
  const byDay = new Map<CalendarDay, CalendarDayEntry>();
  for (const entry of [...official, ...admin]) byDay.set(entry.day, entry);
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
