import { type Actor, coversRegion, hasPermission, seesRegion } from "../auth/permissions.js";
import type { OrderChange, WarningNotice } from "./publish.js";

/**
 * Whether an actor may see a change: the order lies in, or is held by, the actor's jurisdiction; the
 * actor's unit is assigned to it; or the actor is the resident who submitted it.
 */
export function canSeeChange(actor: Actor, change: OrderChange): boolean {
  return (
    coversRegion(actor, change.regionCode) ||
    coversRegion(actor, change.holderRegionCode) ||
    (actor.unitId !== null && change.unitIds.includes(actor.unitId)) ||
    (change.residentId !== null && change.residentId === actor.id)
  );
}

/**
 * Whether an actor hears of changed warnings: those who read warnings, when a region of the notice
 * overlaps their jurisdiction (inside it, or holding it: a notice may name a whole district).
 */
export function canSeeWarningNotice(actor: Actor, notice: WarningNotice): boolean {
  return (
    hasPermission(actor.role, "warnings.read") && notice.regionCodes.some((code) => seesRegion(actor, code))
  );
}
