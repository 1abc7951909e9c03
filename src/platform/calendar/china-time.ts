/**
 * China Standard Time (北京时间, Asia/Shanghai) helpers.
 *
 * Every calendar notion in Minhu — "today", working days, day-based order numbers, monthly and quarterly
 * reports — is meant in China time, whatever time zone the server runs in. China has kept a fixed UTC+8
 * without daylight saving since 1992 (its 1986–1991 summer time predates any data here), so plain
 * arithmetic on the UTC instant is exact and needs no Intl.
 */
import { addDays, type CalendarDay, MS_PER_DAY, toEpochDay, utcMidnightMs } from "./days.js";

/** Offset of China Standard Time from UTC. */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

/** Milliseconds in one minute. */
export const MS_PER_MINUTE = 60_000;

const CLOCK_TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** The instant shifted so that its UTC fields read as China wall-clock time. */
function shiftedToChina(instant: Date): Date {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return new Date(ms + CHINA_UTC_OFFSET_MS);
}

/** The China-time date of an instant, "YYYY-MM-DD". */
export function chinaDate(instant: Date): CalendarDay {
  return shiftedToChina(instant).toISOString().slice(0, 10);
}

/** The China-time month of an instant, "YYYY-MM". */
export function chinaMonth(instant: Date): string {
  return chinaDate(instant).slice(0, 7);
}

/** The China-time date as "YYYYMMDD", the day part of order numbers (工单编号). */
export function compactChinaDate(instant: Date): string {
  return chinaDate(instant).replaceAll("-", "");
}

/** An instant as China wall-clock time "YYYY-MM-DD HH:MM:SS", the way Chinese platforms write it. */
export function formatChinaDateTime(instant: Date): string {
  return shiftedToChina(instant).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * Reads a China wall-clock time as written in exports ("2026-11-26 09:05:00", "2026/11/26 9:05",
 * "2026-11-26"); null when it is not one.
 */
export function parseChinaDateTime(text: string): Date | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    text.trim(),
  );
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = match;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - CHINA_UTC_OFFSET_MS;
  const check = new Date(ms + CHINA_UTC_OFFSET_MS);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59)
    return null;
  return new Date(ms);
}

/** Milliseconds elapsed since 00:00 China time on the instant's China date. */
export function chinaMsOfDay(instant: Date): number {
  const ms = shiftedToChina(instant).getTime() % MS_PER_DAY;
  // % keeps the dividend's sign; instants before 1970 would otherwise give a negative offset.
  return ms < 0 ? ms + MS_PER_DAY : ms;
}

/** The instant 00:00:00.000 China time begins on `day`. */
export function startOfChinaDay(day: CalendarDay): Date {
  return new Date(toEpochDay(day) * MS_PER_DAY - CHINA_UTC_OFFSET_MS);
}

/** The last millisecond of `day` in China time (23:59:59.999), the inclusive end of a day-based limit. */
export function endOfChinaDay(day: CalendarDay): Date {
  return new Date(startOfChinaDay(addDays(day, 1)).getTime() - 1);
}

/** Minutes after midnight for a wall-clock time "HH:MM" (00:00–24:00; "24:00" is the end of the day). */
export function parseClockTime(time: string): number {
  const match = CLOCK_TIME_PATTERN.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`Invalid clock time "${time}", expected HH:MM between 00:00 and 24:00`);
  }
  return minutes;
}

/** The instant at wall-clock `time` ("HH:MM") China time on `day`. */
export function chinaDateTime(day: CalendarDay, time: string): Date {
  return new Date(startOfChinaDay(day).getTime() + parseClockTime(time) * MS_PER_MINUTE);
}

/** Granularity of a reporting period. */
export type PeriodKind = "day" | "month" | "quarter" | "year";

/** A reporting period as instants: `start` inclusive, `end` exclusive. */
export interface PeriodRange {
  start: Date;
  end: Date;
  kind: PeriodKind;
}

/** The instant a China-time month begins; `monthIndex` is 0-based and may overflow into the next year. */
function startOfChinaMonth(year: number, monthIndex: number): Date {
  return new Date(utcMidnightMs(year, monthIndex, 1) - CHINA_UTC_OFFSET_MS);
}

function monthsRange(year: number, firstMonthIndex: number, months: number, kind: PeriodKind): PeriodRange {
  return {
    start: startOfChinaMonth(year, firstMonthIndex),
    end: startOfChinaMonth(year, firstMonthIndex + months),
    kind,
  };
}

/**
 * The China-time bounds of a reporting period written as a day "2026-11-26", month "2026-11",
 * quarter "2026-Q4" or year "2026". Throws RangeError for anything else.
 */
export function periodRange(period: string): PeriodRange {
  const year = Number(period.slice(0, 4));
  if (/^\d{4}$/.test(period)) return monthsRange(year, 0, 12, "year");
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  if (quarter) return monthsRange(year, (Number(quarter[1]) - 1) * 3, 3, "quarter");
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return monthsRange(year, Number(month[1]) - 1, 1, "month");
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) {
    return { start: startOfChinaDay(period), end: startOfChinaDay(addDays(period, 1)), kind: "day" };
  }
  throw new RangeError(`Invalid period "${period}", expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD`);
}
