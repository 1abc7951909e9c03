import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { CalendarDayEntry } from "./holidays.js";
import type { DemandType, TimeLimitRule } from "./rules.js";

type Executor = Kysely<DB> | Transaction<DB>;

/** The stored rules in table order (ties in `pickRule` go to the earlier rule). */
export async function listRules(db: Executor): Promise<TimeLimitRule[]> {
  const rows = await db.selectFrom("time_limit_rules").selectAll().orderBy("id").execute();
  return rows.map((r) => ({
    categoryPrefix: r.category_prefix,
    type: r.demand_type as DemandType | null,
    urgent: r.urgent,
    responseMinutes: r.response_minutes,
    handling: { unit: r.handling_unit, amount: r.handling_amount },
  }));
}

/** Replaces the whole rule table; ids grow in list order, which keeps the order ties are broken in. */
export async function replaceRules(trx: Transaction<DB>, rules: readonly TimeLimitRule[]): Promise<void> {
  await trx.deleteFrom("time_limit_rules").execute();
  await trx
    .insertInto("time_limit_rules")
    .values(
      rules.map((rule) => ({
        category_prefix: rule.categoryPrefix,
        demand_type: rule.type,
        urgent: rule.urgent,
        response_minutes: rule.responseMinutes,
        handling_unit: rule.handling.unit,
        handling_amount: rule.handling.amount,
      })),
    )
    .execute();
}

/** Codes of every category, active or not (a rule may outlive a retired category). */
export async function categoryCodes(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom("categories").select("code").execute();
  return new Set(rows.map((r) => r.code));
}

/** The admin's calendar rows of a year. */
export async function listAdminDays(db: Executor, year: number): Promise<CalendarDayEntry[]> {
  const rows = await db
    .selectFrom("holidays")
    .selectAll()
    .where("day", ">=", `${year}-01-01`)
    .where("day", "<=", `${year}-12-31`)
    .orderBy("day")
    .execute();
  return rows.map((r) => ({ day: r.day, kind: r.kind, name: r.name, source: "admin" }));
}

/** Adds or replaces the admin row of a day. */
export async function upsertAdminDay(
  trx: Executor,
  entry: Pick<CalendarDayEntry, "day" | "kind" | "name">,
): Promise<void> {
  await trx
    .insertInto("holidays")
    .values({ day: entry.day, kind: entry.kind, name: entry.name })
    .onConflict((oc) => oc.column("day").doUpdateSet({ kind: entry.kind, name: entry.name }))
    .execute();
}

/** Removes the admin row of a day; false when there was none. */
export async function deleteAdminDay(trx: Executor, day: string): Promise<boolean> {
  const result = await trx.deleteFrom("holidays").where("day", "=", day).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
