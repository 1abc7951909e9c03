import { sql } from "kysely";
import { maskPhone } from "../../src/platform/privacy/phone.js";
import type { TestApp } from "../helpers/app.js";

export const DAY = 86_400_000;

/** Forgets every order and warning, so each test states the world it judges. */
export async function wipe(t: TestApp): Promise<void> {
  for (const table of [
    "warnings",
    "visits",
    "extension_requests",
    "order_assignments",
    "idempotency_keys",
    "attachments",
    "order_events",
    "notifications",
    "orders",
  ]) {
    await sql`DELETE FROM ${sql.table(table)}`.execute(t.ctx.db);
  }
}

/** One grid from each of the first `n` communities (of a street, if given). */
export async function grids(t: TestApp, n: number, options: { street?: string } = {}): Promise<string[]> {
  const rows = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "grid")
    .where("code", "like", `${options.street ?? "610103"}%`)
    .orderBy("code")
    .execute();
  const byCommunity = new Map<string, string>();
  for (const { code } of rows)
    if (!byCommunity.has(code.slice(0, 12))) byCommunity.set(code.slice(0, 12), code);
  return [...byCommunity.values()].slice(0, n);
}

/** A level-3 category under a level-2 one. */
export async function leafOf(t: TestApp, level2: string): Promise<string> {
  const row = await t.ctx.db
    .selectFrom("categories")
    .select("code")
    .where("parent_code", "=", level2)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  return row.code;
}

let serial = 0;

/**
 * A demand stored as history (no lifecycle beyond its state): for the weeks before "now" that a
 * test needs as a baseline, where going through the API would mean moving the clock per order.
 */
export async function pastDemand(
  t: TestApp,
  fields: { grid: string; category: string; at: Date; phone?: string; address?: string; state?: string },
): Promise<string> {
  serial += 1;
  const row = await t.ctx.db
    .insertInto("orders")
    .values({
      order_no: `HIST${String(serial).padStart(6, "0")}`,
      channel: "12345",
      channel_fields: "{}",
      demand_type: "complaint",
      category_code: fields.category,
      urgent: false,
      title: "历史诉求",
      content: "历史诉求内容",
      address: fields.address ?? null,
      region_code: fields.grid,
      grid_code: fields.grid,
      community_code: fields.grid.slice(0, 12),
      street_code: fields.grid.slice(0, 9),
      caller_phone_hash: fields.phone ? t.ctx.vault.lookupHash(fields.phone) : null,
      caller_phone_masked: fields.phone ? maskPhone(fields.phone) : null,
      confidential: false,
      state: fields.state ?? "closed",
      handling_level: "district",
      holder_region_code: fields.grid.slice(0, 6),
      created_at: fields.at,
      updated_at: fields.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The warnings stored, oldest first. */
export async function warnings(t: TestApp, rule?: string) {
  let query = t.ctx.db.selectFrom("warnings").selectAll().orderBy("id");
  if (rule) query = query.where("rule", "=", rule as "due_soon");
  return query.execute();
}
