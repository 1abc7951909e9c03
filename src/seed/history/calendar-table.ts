import { CHINA_UTC_OFFSET_MS, parseClockTime } from "../../platform/calendar/china-time.js";
import { type CalendarDay, fromEpochDay, MS_PER_DAY, toEpochDay } from "../../platform/calendar/days.js";
import { DEFAULT_WORKING_HOURS, WorkingCalendar } from "../../platform/calendar/working-calendar.js";

/**
 * The configured working calendar, tabulated over the history's days: which days work (asked of the
 * calendar once per day) and how much working time lies before each, so that the hundreds of
 * thousands of "n working minutes later" and "working minutes between" of a demo year are a lookup
 * instead of a walk over the days. Same answers as the calendar (a test holds them side by side);
 * outside the table it asks the calendar itself. Office hours are the default ones, as the time
 * limits use them.
 */
export class CalendarTable extends WorkingCalendar {
  private readonly firstDay: number;
  private readonly working: boolean[] = [];
  /** Working milliseconds before each day of the table, and one past its end. */
  private readonly before: number[] = [0];
  private readonly hours: { start: number; end: number }[];
  private readonly dayMs: number;

  constructor(
    private readonly base: WorkingCalendar,
    from: CalendarDay,
    to: CalendarDay,
  ) {
    super({ holidays: [], makeUpWorkdays: [] });
    this.hours = DEFAULT_WORKING_HOURS.map(([start, end]) => ({
      start: parseClockTime(start) * 60_000,
      end: parseClockTime(end) * 60_000,
    }));
    this.dayMs = this.hours.reduce((s, p) => s + p.end - p.start, 0);
    this.firstDay = toEpochDay(from);
    for (let day = this.firstDay; day <= toEpochDay(to); day++) {
      const working = base.isWorkingDay(fromEpochDay(day));
      this.working.push(working);
      this.before.push(this.before[this.before.length - 1] + (working ? this.dayMs : 0));
    }
  }

  override isWorkingDay(day: CalendarDay): boolean {
    const i = toEpochDay(day) - this.firstDay;
    return i >= 0 && i < this.working.length ? this.working[i] : this.base.isWorkingDay(day);
  }

  override nextWorkingDay(day: CalendarDay): CalendarDay {
    return this.addWorkingDays(day, 1);
  }

  override addWorkingDays(day: CalendarDay, n: number): CalendarDay {
    let i = toEpochDay(day) - this.firstDay;
    if (!Number.isInteger(n) || n < 0 || i < 0) return this.base.addWorkingDays(day, n);
    for (let counted = 0; counted < n; ) {
      i += 1;
      if (i >= this.working.length) return this.base.addWorkingDays(day, n);
      if (this.working[i]) counted += 1;
    }
    return fromEpochDay(this.firstDay + i);
  }

  override workingMinutesBetween(a: Date, b: Date): number {
    const [pa, pb] = [this.position(a), this.position(b)];
    if (pa === null || pb === null) return this.base.workingMinutesBetween(a, b);
    return (pb - pa) / 60_000;
  }

  override addWorkingMinutes(instant: Date, minutes: number): Date {
    const start = this.position(instant);
    if (minutes === 0 || start === null || !(minutes > 0))
      return this.base.addWorkingMinutes(instant, minutes);
    const target = start + minutes * 60_000;
    // The first day whose working time reaches the target: landing on a period's end stays there.
    let lo = 0;
    let hi = this.working.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= this.working.length) return this.base.addWorkingMinutes(instant, minutes);
    let remaining = target - this.before[lo];
    const dayStart = (this.firstDay + lo) * MS_PER_DAY - CHINA_UTC_OFFSET_MS;
    for (const period of this.hours) {
      if (remaining <= period.end - period.start) return new Date(dayStart + period.start + remaining);
      remaining -= period.end - period.start;
    }
    throw new Error("unreachable: the target lies within the day found");
  }

  /** Working milliseconds from the table's start to an instant, or null outside the table. */
  private position(instant: Date): number | null {
    const shifted = instant.getTime() + CHINA_UTC_OFFSET_MS;
    const i = Math.floor(shifted / MS_PER_DAY) - this.firstDay;
    if (i < 0 || i >= this.working.length) return null;
    if (!this.working[i]) return this.before[i];
    const offset = shifted - Math.floor(shifted / MS_PER_DAY) * MS_PER_DAY;
    let within = 0;
    for (const p of this.hours) within += Math.max(0, Math.min(offset, p.end) - p.start);
    return this.before[i] + within;
  }
}
