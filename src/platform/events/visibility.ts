import { type Actor, hasPermission, seesRegion } from "../auth/permissions.js";
import type { WarningNotice } from "./publish.js";

/**
 * Whether an actor hears of changed warnings: those who read warnings, when a region of the notice
 * overlaps their jurisdiction (inside it, or holding it: a notice may name a whole district).
 */
export function canSeeWarningNotice(actor: Actor, notice: WarningNotice): boolean {
  return (
    hasPermission(actor.role, "warnings.read") && notice.regionCodes.some((code) => seesRegion(actor, code))
  );
}
