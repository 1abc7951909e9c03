/**
 * Pure arithmetic on calendar days written "YYYY-MM-DD".
 *
 * Days are mapped to epoch-day numbers (days since 1970-01-01) and back through UTC-only Date methods,
 * so adding days or finding a weekday never depends on the server's time zone.
 */

/** A calendar day (日期) "YYYY-MM-DD"; for instants it is always the China-time date. */
export type CalendarDay = string;

/** Milliseconds in one calendar day. */
export const MS_PER_DAY = 86_400_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds of 00:00 UTC on the given date. Month is 0-based and may overflow (month 12 is January
 * of the next year). Uses setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999.
 */
export function utcMidnightMs(year: number, monthIndex: number, date: number): number {
  const value = new Date(0);
  value.setUTCFullYear(year, monthIndex, date);
  return value.getTime();
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" day; throws RangeError on malformed or impossible dates. */
export function toEpochDay(day: CalendarDay): number {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const epochDay = utcMidnightMs(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
    // Date arithmetic silently rolls "2026-02-30" into March; the round trip rejects such days.
    if (fromEpochDay(epochDay) === day) return epochDay;
  }
  throw new RangeError(`Invalid day "${day}", expected an existing date as YYYY-MM-DD`);
}

/** The "YYYY-MM-DD" day for a number of days since 1970-01-01. */
export function fromEpochDay(epochDay: number): CalendarDay {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export function addDays(day: CalendarDay, n: number): CalendarDay {
  return fromEpochDay(toEpochDay(day) + n);
}

/** Day of week, 0 = Sunday … 6 = Saturday (as Date#getDay). */
export function dayOfWeek(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 non-negative.
  return (((toEpochDay(day) + 4) % 7) + 7) % 7;
}

/** Whether the day is a Saturday or Sunday (周末). */
export function isWeekend(day: CalendarDay): boolean {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
}
