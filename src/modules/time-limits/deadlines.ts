/**
 * THE one place that turns a time-limit rule into deadlines (接诉即办 时限), moves them on extension,
 * and grades how close an order is to them. Everything else stores and compares the resulting instants.
 *
 * Conventions:
 * - Working-day limits are counted from the day after dispatch (次日起算) and end at 23:59:59.999 China
 *   time of the last working day, not at 18:00: the limit is stated in days, so the whole last day is
 *   the handler's, and a case closed in the evening of the due day counts as on time, as in
 *   day-based assessment reports.
 * - The response clock runs in working minutes for ordinary orders and in calendar minutes for urgent
 *   ones: "sign within 30 minutes" for a burst water main at 20:00 means 30 real minutes.
 * - A due instant is inclusive: an order is overdue only strictly after it.
 * - Clocks never pause, not even while an extension (延期) request is pending; only an approved
 *   extension moves the handling deadline, via `extendDeadline`.
 */
import {
  chinaDate,
  chinaMsOfDay,
  endOfChinaDay,
  MS_PER_MINUTE,
  startOfChinaDay,
} from "../../platform/calendar/china-time.js";
import { addDays } from "../../platform/calendar/days.js";
import type { WorkingCalendar } from "../../platform/calendar/working-calendar.js";
import { ruleProblem, type TimeLimitRule } from "./rules.js";

/** Share of the limit elapsed at which an order turns yellow (黄牌预警). */
export const YELLOW_WARNING_RATIO = 0.75;

/** Warning light (预警等级): none, yellow (75 % of the limit used), red (overdue 超期). */
export type WarningLevel = "none" | "yellow" | "red";

/**
 * How a clock measures elapsed time:
 * - "working_days": working time from the start of the day after `startAt` (day-based limits);
 * - "working_minutes": working time from `startAt` itself (ordinary response limits);
 * - "calendar_time": plain elapsed time (urgent limits).
 */
export type ClockBasis = "working_days" | "working_minutes" | "calendar_time";

/** The two clocks of an order. */
export interface Deadlines {
  /** Sign-for deadline (签收时限). */
  responseDueAt: Date;
  /** Handling deadline (办结时限). */
  handlingDueAt: Date;
}

const MS_PER_HOUR = 3_600_000;

/** The basis of a rule's response clock. */
export function responseClockBasis(rule: TimeLimitRule): ClockBasis {
  return rule.urgent ? "calendar_time" : "working_minutes";
}

/** The basis of a rule's handling clock. */
export function handlingClockBasis(rule: TimeLimitRule): ClockBasis {
  return rule.handling.unit === "working_days" ? "working_days" : "calendar_time";
}

function responseDueAt(calendar: WorkingCalendar, rule: TimeLimitRule, dispatchedAt: Date): Date {
  if (rule.urgent) return new Date(dispatchedAt.getTime() + rule.responseMinutes * MS_PER_MINUTE);
  return calendar.addWorkingMinutes(dispatchedAt, rule.responseMinutes);
}

function handlingDueAt(calendar: WorkingCalendar, rule: TimeLimitRule, dispatchedAt: Date): Date {
  const { unit, amount } = rule.handling;
  if (unit === "calendar_hours") return new Date(dispatchedAt.getTime() + amount * MS_PER_HOUR);
  const lastDay = calendar.addWorkingDays(chinaDate(dispatchedAt), amount);
  return endOfChinaDay(lastDay);
}

/**
 * The end of a limit of `workingDays` working days counted from the day after `startAt` (次日起算),
 * under the same conventions as an order's handling limit: for limits that are not orders' own,
 * such as an online service application's (智慧云社区 办理时限).
 */
export function dueAfterWorkingDays(calendar: WorkingCalendar, startAt: Date, workingDays: number): Date {
  return endOfChinaDay(calendar.addWorkingDays(chinaDate(startAt), workingDays));
}

/** Both deadlines of an order dispatched (派单) at `dispatchedAt` under `rule`. Throws on an invalid rule. */
export function computeDeadlines(
  calendar: WorkingCalendar,
  rule: TimeLimitRule,
  dispatchedAt: Date,
): Deadlines {
  const problem = ruleProblem(rule);
  if (problem !== null) throw new RangeError(`Invalid time-limit rule: ${problem}`);
  return {
    responseDueAt: responseDueAt(calendar, rule, dispatchedAt),
    handlingDueAt: handlingDueAt(calendar, rule, dispatchedAt),
  };
}

/**
 * The deadline after an approved extension (延期) of `workingDays`: the same China wall-clock time on
 * the n-th working day after the current due day — for day-based limits, the end of that day.
 * Throws RangeError unless `workingDays` is a non-negative integer.
 */
export function extendDeadline(calendar: WorkingCalendar, dueAt: Date, workingDays: number): Date {
  const newDay = calendar.addWorkingDays(chinaDate(dueAt), workingDays);
  return new Date(startOfChinaDay(newDay).getTime() + chinaMsOfDay(dueAt));
}

/** When a clock of the given basis starts counting for an order started at `startAt`. */
function clockStart(basis: ClockBasis, startAt: Date): Date {
  return basis === "working_days" ? startOfChinaDay(addDays(chinaDate(startAt), 1)) : startAt;
}

/** Time on the clock between two instants: working minutes, or calendar minutes for "calendar_time". */
function clockMinutes(calendar: WorkingCalendar, basis: ClockBasis, from: Date, to: Date): number {
  if (basis === "calendar_time") return (to.getTime() - from.getTime()) / MS_PER_MINUTE;
  return calendar.workingMinutesBetween(from, to);
}

/**
 * The warning light of a clock at `now` (pass the completion instant for finished orders): red once past
 * `dueAt`, yellow once YELLOW_WARNING_RATIO of the time from start to due has elapsed on the clock.
 */
export function warningLevel(
  calendar: WorkingCalendar,
  basis: ClockBasis,
  startAt: Date,
  dueAt: Date,
  now: Date,
): WarningLevel {
  if (now.getTime() > dueAt.getTime()) return "red";
  const start = clockStart(basis, startAt);
  const total = clockMinutes(calendar, basis, start, dueAt);
  // A limit with no time on it (e.g. 0 working minutes) is used up from the start.
  if (total <= 0) return "yellow";
  const elapsed = Math.max(0, clockMinutes(calendar, basis, start, now));
  return elapsed / total >= YELLOW_WARNING_RATIO ? "yellow" : "none";
}

/** Whether a deadline was (or, if not done yet, is now) missed: completion or `now` strictly after `dueAt`. */
export function isOverdue(dueAt: Date, doneAt: Date | null, now: Date): boolean {
  return (doneAt ?? now).getTime() > dueAt.getTime();
}
