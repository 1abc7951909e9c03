/**
 * When demands arrive: more on Mondays than at weekends, fewer on holidays, more in the months whose
 * categories are in season; 12345 and online around the clock with a morning and evening peak,
 * counters and patrols in office hours. Bursts (a main bursts, a block loses its heating) bring a
 * handful of demands from one place within a day or two.
 */
import { chinaDate, startOfChinaDay } from "../../platform/calendar/china-time.js";
import { addDays, dayOfWeek } from "../../platform/calendar/days.js";
import type { WorkingCalendar } from "../../platform/calendar/working-calendar.js";
import { type Random, Weighted } from "./random.js";

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Sunday first, as dayOfWeek. */
const WEEKDAY_FACTORS = [0.74, 1.12, 1.06, 1.03, 1.02, 1.0, 0.78];
const HOLIDAY_FACTOR = 0.7;

/** Calls per hour of the day (China time) of round-the-clock channels. */
const HOURS_ROUND_THE_CLOCK = new Weighted(
  [
    0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.2, 3.2, 2.8, 2.0, 2.2, 2.8, 3.0, 2.8, 2.4, 2.0, 2.2, 2.0,
    1.6, 1.0, 0.6,
  ].map((w, h) => [h, w] as const),
);
/** Office hours (08:30–12:00, 14:00–18:00) for counters, patrols, visits and meetings. */
const HOURS_OFFICE = new Weighted([8, 9, 10, 11, 14, 15, 16, 17].map((h) => [h, h === 8 ? 0.5 : 1] as const));

export interface HistoryWindow {
  /** The first instant of the history. */
  from: Date;
  /** The end of the history (exclusive): now, or the first demand already stored. */
  to: Date;
}

/** Every China day from the year before `now` up to `now`, with its relative volume. */
export function yearOfDays(
  calendar: WorkingCalendar,
  now: Date,
  monthVolume: readonly number[],
): { day: string; weight: number }[] {
  const mean = monthVolume.reduce((s, v) => s + v, 0) / monthVolume.length;
  const today = chinaDate(now);
  const days: { day: string; weight: number }[] = [];
  for (let day = addDays(today, -364); day <= today; day = addDays(day, 1)) {
    const weekday = WEEKDAY_FACTORS[dayOfWeek(day)];
    // A weekday off is a holiday; a working weekend day (补班) is an ordinary working day.
    const offOnWeekday = !calendar.isWorkingDay(day) && weekday > 0.9;
    const workingWeekend = calendar.isWorkingDay(day) && weekday < 0.9;
    const factor = offOnWeekday ? HOLIDAY_FACTOR : workingWeekend ? 1 : weekday;
    days.push({ day, weight: (factor * monthVolume[Number(day.slice(5, 7)) - 1]) / mean });
  }
  return days;
}

/** The days of the year that fall in the window, and the window's share of the year's demands. */
export function daysInWindow(days: readonly { day: string; weight: number }[], window: HistoryWindow) {
  const inside = days.filter(
    (d) => startOfChinaDay(addDays(d.day, 1)) > window.from && startOfChinaDay(d.day) < window.to,
  );
  const total = days.reduce((s, d) => s + d.weight, 0);
  return { days: inside, share: inside.reduce((s, d) => s + d.weight, 0) / total };
}

/** An instant on `day` inside the window, at an hour typical of the channel. */
export function timeOn(r: Random, day: string, office: boolean, window: HistoryWindow): Date {
  const start = startOfChinaDay(day).getTime();
  for (let attempt = 0; attempt < 20; attempt++) {
    const hour = r.draw(office ? HOURS_OFFICE : HOURS_ROUND_THE_CLOCK);
    const at = new Date(start + hour * MS_PER_HOUR + r.float() * MS_PER_HOUR);
    if (at >= window.from && at < window.to) return at;
  }
  // Today before the office opened, or the window's first hours: any instant of the day inside it.
  const lo = Math.max(start, window.from.getTime());
  const hi = Math.min(start + MS_PER_DAY, window.to.getTime());
  return new Date(lo + r.float() * (hi - lo));
}

/** A burst: several demands about one problem at one compound, spread over a day or two. */
export interface Incident {
  start: Date;
  categoryCode: string;
  size: number;
  /** Hours over which the demands arrive. */
  spreadHours: number;
}

/** Instants of the incident's demands: most in the first hours, a tail into the next day. */
export function incidentTimes(r: Random, incident: Incident, window: HistoryWindow): Date[] {
  return Array.from({ length: incident.size }, () => {
    const hours = -Math.log(1 - r.float()) * (incident.spreadHours / 3);
    return new Date(
      Math.min(
        incident.start.getTime() + Math.min(hours, incident.spreadHours) * MS_PER_HOUR,
        window.to.getTime() - 1,
      ),
    );
  });
}
