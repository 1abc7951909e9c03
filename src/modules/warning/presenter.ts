import { type Actor, hasPermission } from "../../platform/auth/permissions.js";
import type { AppContext } from "../context.js";
import type { WarningView } from "./repository.js";
import { commandsFrom } from "./service.js";

const person = (id: number | null, name: string | null) => (id === null ? null : { id, name });

/**
 * A warning as the API shows it, with the commands the actor may take now (the UI renders its
 * buttons from them).
 */
export function presentWarning(ctx: AppContext, actor: Actor, w: WarningView) {
  return {
    id: w.id,
    rule: w.rule,
    state: w.state,
    title: w.title,
    region: { code: w.region_code, name: ctx.regions.get(w.region_code)?.name ?? null },
    category: w.category_code ? { code: w.category_code, name: w.category_name } : null,
    detail: w.detail,
    orderIds: w.order_ids,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
    acknowledgedBy: person(w.acknowledged_by, w.acknowledged_by_name),
    acknowledgedAt: w.acknowledged_at,
    handledBy: person(w.handled_by, w.handled_by_name),
    handledAt: w.handled_at,
    actionNote: w.action_note,
    actions: hasPermission(actor.role, "warnings.manage") ? commandsFrom(w.state) : [],
  };
}
