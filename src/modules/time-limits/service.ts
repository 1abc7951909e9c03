import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { createOfficialCalendar } from "../../platform/calendar/official-calendar.js";
import type { WorkingCalendar } from "../../platform/calendar/working-calendar.js";
import { computeDeadlines, type Deadlines, dueAfterWorkingDays, extendDeadline } from "./deadlines.js";
import { type DemandType, pickRule, type RuleQuery, type TimeLimitRule } from "./rules.js";

/**
 * The configured time limits: the admin's rules and the official calendar extended by the admin's
 * holiday rows, loaded from the database. Orders ask it for their deadlines and nothing else does.
 */
export class TimeLimits {
  private constructor(
    readonly calendar: WorkingCalendar,
    readonly rules: readonly TimeLimitRule[],
  ) {}

  static async load(db: Kysely<DB>): Promise<TimeLimits> {
    const [ruleRows, holidayRows] = await Promise.all([
      db.selectFrom("time_limit_rules").selectAll().orderBy("id").execute(),
      db.selectFrom("holidays").selectAll().orderBy("day").execute(),
    ]);
    const rules = ruleRows.map(
      (r): TimeLimitRule => ({
        categoryPrefix: r.category_prefix,
        type: r.demand_type as DemandType | null,
        urgent: r.urgent,
        responseMinutes: r.response_minutes,
        handling: { unit: r.handling_unit, amount: r.handling_amount },
      }),
    );
    const calendar = createOfficialCalendar(
      holidayRows.map((h) => ({ date: h.day, kind: h.kind, name: h.name })),
    );
    return new TimeLimits(calendar, rules);
  }

  ruleFor(query: RuleQuery): TimeLimitRule {
    return pickRule(this.rules, query);
  }

  /** 签收 and 办结 deadlines for an order dispatched at an instant. */
  deadlinesFor(query: RuleQuery, dispatchedAt: Date): Deadlines {
    return computeDeadlines(this.calendar, this.ruleFor(query), dispatchedAt);
  }

  /** The due instant of a limit in working days started at an instant (a service application's). */
  dueAfter(startAt: Date, workingDays: number): Date {
    return dueAfterWorkingDays(this.calendar, startAt, workingDays);
  }

  /** An approved extension (延期) moves the handling deadline by working days. */
  extend(dueAt: Date, workingDays: number): Date {
    return extendDeadline(this.calendar, dueAt, workingDays);
  }
}
