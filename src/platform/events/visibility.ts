import { type Actor, coversRegion } from "../auth/permissions.js";
import type { OrderChange } from "./publish.js";

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
