import type { CalendarDay } from "../../platform/calendar/days.js";
import { officialDaysOf } from "../../platform/calendar/official-calendar.js";

/** One day of the holiday calendar (节假日) as admins see it, and where it comes from. */
export interface CalendarDayEntry {
  day: CalendarDay;
  /** "holiday": a day off (放假); "workday": a make-up working day (调休补班) or a cancelled holiday. */
  kind: "holiday" | "workday";
  name: string;
  /** "official": the State Council arrangement shipped with `chinese-days`; "admin": entered here. */
  source: "official" | "admin";
}

/** The official days of a year, marked as such for the admin's list. */
export function officialEntriesOf(year: number): CalendarDayEntry[] {
  return officialDaysOf(year).map((day) => ({ ...day, source: "official" }));
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
