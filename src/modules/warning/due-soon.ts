/**
 * Rule (d), 即将超期: orders being handled whose handling deadline falls before the end of the next
 * working day — the last chance to urge the unit before the order turns red and goes under 督办.
 * Orders already overdue are the deadline watch's (sweep.ts), not this rule's.
 */
import { CHINA_UTC_OFFSET_MS, chinaDate, endOfChinaDay } from "../../platform/calendar/china-time.js";
import type { WorkingCalendar } from "../../platform/calendar/working-calendar.js";
import { candidate, type Names, type WarningCandidate } from "./types.js";

/** States in which the handling clock runs (as the deadline watch has them). */
export const RUNNING_STATES = ["dispatched", "handling"] as const;

export interface DueSoonRow {
  id: string;
  orderNo: string;
  regionCode: string;
  categoryCode: string | null;
  state: string;
  dueAt: Date;
  unitName: string | null;
}

/** The end (23:59:59.999 China time) of the first working day after `now`'s day. */
export function dueSoonCutoff(calendar: WorkingCalendar, now: Date): Date {
  return endOfChinaDay(calendar.nextWorkingDay(chinaDate(now)));
}

/** "11-27 23:59" in China time. */
function shortChinaTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(5, 16).replace("T", " ");
}

/**
 * One warning per order due after `now` and at or before `cutoff`. The deadline is part of the dedupe
 * key: an approved extension moves it, and the order is judged again against its new deadline.
 */
export function detectDueSoon(
  rows: readonly DueSoonRow[],
  now: Date,
  cutoff: Date,
  names: Names,
): WarningCandidate[] {
  return rows
    .filter((r) => r.dueAt.getTime() > now.getTime() && r.dueAt.getTime() <= cutoff.getTime())
    .map((r) => {
      const hoursLeft = Math.round((r.dueAt.getTime() - now.getTime()) / 360_000) / 10;
      return candidate({
        rule: "due_soon",
        scope: `due_soon:${r.id}`,
        window: r.dueAt.toISOString().replace(/[-:]/g, ""),
        regionCode: r.regionCode,
        categoryCode: r.categoryCode,
        title: `工单 ${r.orderNo} 将于 ${shortChinaTime(r.dueAt)} 到期${r.unitName ? `（主办：${r.unitName}）` : ""}，${names.region(r.regionCode)}`,
        detail: {
          orderNo: r.orderNo,
          dueAt: r.dueAt.toISOString(),
          hoursLeft,
          state: r.state,
          unitName: r.unitName,
        },
        orderIds: [r.id],
      });
    });
}
