/**
 * The working calendar (工作日历): which days are working days and which hours of them are working
 * time, in China time. Pure: it is built from plain data and knows nothing about where that data came
 * from (see official-calendar.ts for the State Council arrangement).
 */
import { chinaDate, chinaMsOfDay, MS_PER_MINUTE, parseClockTime, startOfChinaDay } from "./china-time.js";
import { addDays, type CalendarDay, isWeekend, toEpochDay } from "./days.js";

/** Working periods of a working day as China wall-clock "HH:MM" pairs, ascending, non-overlapping. */
export type WorkingHours = ReadonlyArray<readonly [start: string, end: string]>;

/** Office hours 办公时间: 08:30–12:00 and 14:00–18:00 (7.5 working hours a day). */
export const DEFAULT_WORKING_HOURS: WorkingHours = [
  ["08:30", "12:00"],
  ["14:00", "18:00"],
];

/** The data a working calendar is built from. */
export interface WorkingCalendarData {
  /** 法定节假日 days off, including 调休 rest days that fall on Monday–Friday. */
  holidays: Iterable<CalendarDay>;
  /** 调休 make-up working days (补班): Saturdays or Sundays that are working days. */
  makeUpWorkdays: Iterable<CalendarDay>;
  /** Working periods of each working day; defaults to DEFAULT_WORKING_HOURS. */
  workingHours?: WorkingHours;
}

/** A working period as milliseconds after China midnight, `start` inclusive, `end` exclusive. */
interface Period {
  start: number;
  end: number;
}

function toDaySet(days: Iterable<CalendarDay>): Set<CalendarDay> {
  const set = new Set<CalendarDay>();
  for (const day of days) {
    toEpochDay(day); // throws on a malformed day, which would otherwise silently never match
    set.add(day);
  }
  return set;
}

function toPeriods(workingHours: WorkingHours): Period[] {
  if (workingHours.length === 0) throw new RangeError("Working hours must contain at least one period");
  const periods = workingHours.map(([start, end]) => ({
    start: parseClockTime(start) * MS_PER_MINUTE,
    end: parseClockTime(end) * MS_PER_MINUTE,
  }));
  periods.forEach((period, index) => {
    const previousEnd = index === 0 ? 0 : periods[index - 1].end;
    if (period.start >= period.end || period.start < previousEnd) {
      throw new RangeError(`Working hours must be ascending, non-empty, non-overlapping: ${workingHours}`);
    }
  });
  return periods;
}

function overlapMs(fromA: number, toA: number, fromB: number, toB: number): number {
  return Math.max(0, Math.min(toA, toB) - Math.max(fromA, fromB));
}

/** Working days and working time per the Chinese rule: Mon–Fri work unless a holiday, weekends off unless 补班. */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<CalendarDay>;
  private readonly makeUpWorkdays: ReadonlySet<CalendarDay>;
  private readonly periods: readonly Period[];

  /** Throws RangeError on malformed days or hours, or on a day listed both as holiday and make-up day. */
  constructor(data: WorkingCalendarData) {
    this.holidays = toDaySet(data.holidays);
    this.makeUpWorkdays = toDaySet(data.makeUpWorkdays);
    this.periods = toPeriods(data.workingHours ?? DEFAULT_WORKING_HOURS);
    for (const day of this.makeUpWorkdays) {
      if (this.holidays.has(day)) {
        throw new RangeError(`${day} is listed both as holiday and as make-up workday`);
      }
    }
  }

  /** Whether `day` is a working day (工作日). */
  isWorkingDay(day: CalendarDay): boolean {
    if (this.makeUpWorkdays.has(day)) return true;
    return !isWeekend(day) && !this.holidays.has(day);
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: CalendarDay): CalendarDay {
    let candidate = addDays(day, 1);
    while (!this.isWorkingDay(candidate)) candidate = addDays(candidate, 1);
    return candidate;
  }

  /**
   * The n-th working day strictly after `day` ("counted from the next day"): day 1 is the first working
   * day after `day`, whether or not `day` itself is a working day. `n = 0` returns `day` unchanged.
   */
  addWorkingDays(day: CalendarDay, n: number): CalendarDay {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`Working days must be a non-negative integer: ${n}`);
    }
    let result = day;
    for (let counted = 0; counted < n; counted++) result = this.nextWorkingDay(result);
    return result;
  }

  /**
   * Working days in the interval (a, b] — after `a`, up to and including `b` — so that
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when `b` is before `a`.
   */
  workingDaysBetween(a: CalendarDay, b: CalendarDay): number {
    const [from, to] = [toEpochDay(a), toEpochDay(b)];
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = addDays(a, 1); toEpochDay(day) <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /**
   * The instant after `minutes` of working time (工作时间) from `instant`, skipping nights, lunch breaks,
   * weekends and holidays. Landing exactly on the end of a period returns that end (e.g. 12:00), not
   * the start of the next one. Zero minutes returns the instant itself, even outside working time.
   */
  addWorkingMinutes(instant: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`Working minutes must be a non-negative number: ${minutes}`);
    }
    let remaining = minutes * MS_PER_MINUTE;
    if (remaining === 0) return new Date(instant.getTime());
    let day = chinaDate(instant);
    let offset = chinaMsOfDay(instant);
    for (;;) {
      if (this.isWorkingDay(day)) {
        for (const period of this.periods) {
          const from = Math.max(offset, period.start);
          const available = Math.max(0, period.end - from);
          if (remaining <= available) return new Date(startOfChinaDay(day).getTime() + from + remaining);
          remaining -= available;
        }
      }
      day = addDays(day, 1);
      offset = 0;
    }
  }

  /**
   * Working minutes (possibly fractional) between two instants: the working time inside [a, b).
   * Negative when `b` is before `a`.
   */
  workingMinutesBetween(a: Date, b: Date): number {
    const [from, to] = [a.getTime(), b.getTime()];
    if (to < from) return -this.workingMinutesBetween(b, a);
    const lastDay = toEpochDay(chinaDate(b));
    let totalMs = 0;
    for (let day = chinaDate(a); toEpochDay(day) <= lastDay; day = addDays(day, 1)) {
      totalMs += this.workingMsOfDayWithin(day, from, to);
    }
    return totalMs / MS_PER_MINUTE;
  }

  /** Working milliseconds of `day` that fall inside the instants [from, to). */
  private workingMsOfDayWithin(day: CalendarDay, from: number, to: number): number {
    if (!this.isWorkingDay(day)) return 0;
    const dayStart = startOfChinaDay(day).getTime();
    let total = 0;
    for (const period of this.periods) {
      total += overlapMs(dayStart + period.start, dayStart + period.end, from, to);
    }
    return total;
  }
}
