import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion, requireRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { recordAudit } from "../audit/repository.js";
import type { AuditActor } from "../audit/rules.js";
import type { AppContext } from "../context.js";

/** A new 制度清单 entry: a rule or mechanism made from common problems, and the demands it answers. */
export interface NewRule {
  title: string;
  content: string;
  regionCode: string;
  categoryCode?: string;
  adoptedOn: string;
  orderIds: string[];
}

/**
 * Records a rule for a region inside the actor's jurisdiction, linked to orders that lie inside it
 * too (an order one may not see is reported like a missing one). Returns the new rule's id.
 */
export async function createRule(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  rule: NewRule,
): Promise<string> {
  checkRegion(ctx, actor, rule.regionCode);
  return ctx.db.transaction().execute(async (trx) => {
    const orderIds = await checkLinks(trx, rule);
    const inserted = await trx
      .insertInto("institution_rules")
      .values({
        title: rule.title,
        content: rule.content,
        region_code: rule.regionCode,
        category_code: rule.categoryCode ?? null,
        adopted_on: rule.adoptedOn,
        created_by: actor.id,
        created_at: ctx.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (orderIds.length > 0) {
      await trx
        .insertInto("institution_rule_orders")
        .values(orderIds.map((orderId) => ({ rule_id: inserted.id, order_id: orderId })))
        .execute();
    }
    const { title, regionCode, categoryCode, adoptedOn } = rule;
    const after = { title, regionCode, categoryCode: categoryCode ?? null, adoptedOn, orderIds };
    const entry = { action: "config.rule", targetType: "rule", targetId: inserted.id, after } as const;
    await recordAudit(trx, by, entry, ctx.now());
    return inserted.id;
  });
}

/**
 * Rewrites a 制度清单 entry the actor's jurisdiction covers (its old and its new region), replacing
 * its linked demands; one outside it is reported like a missing one. Audited with before and after.
 */
export async function updateRule(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  id: string,
  rule: NewRule,
): Promise<void> {
  checkRegion(ctx, actor, rule.regionCode);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("institution_rules")
      .select(["title", "region_code", "category_code", "adopted_on"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!current || !coversRegion(actor, current.region_code))
      throw fail("NOT_FOUND", { what: `rule ${id}` });
    const orderIds = await checkLinks(trx, rule);
    await trx
      .updateTable("institution_rules")
      .set({
        title: rule.title,
        content: rule.content,
        region_code: rule.regionCode,
        category_code: rule.categoryCode ?? null,
        adopted_on: rule.adoptedOn,
      })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("institution_rule_orders").where("rule_id", "=", id).execute();
    if (orderIds.length > 0) {
      await trx
        .insertInto("institution_rule_orders")
        .values(orderIds.map((orderId) => ({ rule_id: id, order_id: orderId })))
        .execute();
    }
    const before = {
      title: current.title,
      regionCode: current.region_code,
      categoryCode: current.category_code,
      adoptedOn: current.adopted_on,
    };
    const { title, regionCode, categoryCode, adoptedOn } = rule;
    const after = { title, regionCode, categoryCode: categoryCode ?? null, adoptedOn, orderIds };
    const entry = { action: "config.rule", targetType: "rule", targetId: id, before, after } as const;
    await recordAudit(trx, by, entry, ctx.now());
  });
}

function checkRegion(ctx: AppContext, actor: Actor, regionCode: string): void {
  if (!ctx.regions.get(regionCode))
    throw fail("VALIDATION_FAILED", { detail: `unknown regionCode ${regionCode}` });
  requireRegion(actor, regionCode);
}

/** The rule's category exists and its demands lie in its region; returns the distinct order ids. */
async function checkLinks(trx: Transaction<DB>, rule: NewRule): Promise<string[]> {
  if (rule.categoryCode) {
    const category = await trx
      .selectFrom("categories")
      .select("code")
      .where("code", "=", rule.categoryCode)
      .executeTakeFirst();
    if (!category) throw fail("VALIDATION_FAILED", { detail: `unknown categoryCode ${rule.categoryCode}` });
  }
  const orderIds = [...new Set(rule.orderIds)];
  if (orderIds.length > 0) {
    const found = await trx
      .selectFrom("orders")
      .select("id")
      .where("id", "in", orderIds)
      .where("region_code", "like", `${rule.regionCode}%`)
      .execute();
    const missing = orderIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0)
      throw fail("VALIDATION_FAILED", {
        detail: `orders not found in ${rule.regionCode}: ${missing.join(", ")}`,
      });
  }
  return orderIds;
}
