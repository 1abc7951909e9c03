import { orderRegionScope } from "../../platform/auth/order-visibility.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { chinaMonth, type PeriodRange, periodRange } from "../../platform/calendar/china-time.js";
import { fail } from "../../platform/errors.js";

/** The subjects assessed: 区 district, 街道 street, 社区 community, 承办单位 unit. */
export const LEVELS = ["district", "street", "community", "unit"] as const;
export type Level = (typeof LEVELS)[number];
export type RegionLevel = Exclude<Level, "unit">;

/** Length of a region code per level (GB/T 2260 + 统计用区划代码). */
export const CODE_LENGTH: Record<RegionLevel, number> = { district: 6, street: 9, community: 12 };

/** A period query parameter: day, month, quarter or year, as `periodRange` reads it (no year 0000 in PostgreSQL). */
export const PERIOD_PATTERN = "^(19|20)\\d{2}(-Q[1-4]|-\\d{2}(-\\d{2})?)?$";

/**
 * The region prefix a request covers: the actor's jurisdiction, narrowed by `?region=` when given.
 * A region outside the jurisdiction is OUTSIDE_SCOPE; "" (an admin without region) covers all.
 */
export function jurisdiction(actor: Actor, region?: string): string {
  // Ledgers, lists and exports read orders: the order-visibility policy's region scope bounds them.
  const scope = orderRegionScope(actor);
  if (scope === null) throw fail("OUTSIDE_SCOPE");
  if (region === undefined) return scope;
  if (!region.startsWith(scope)) throw fail("OUTSIDE_SCOPE");
  return region;
}

/**
 * A level is assessed only where each of its subjects lies wholly inside the jurisdiction: a street's
 * staff rank its communities and see their own street, not the district or other streets (a street
 * row computed from one community's orders would mislead). Units are assessed on the orders inside
 * the jurisdiction, so every level of staff may see them.
 */
export function requireLevelWithin(level: Level, prefix: string): void {
  if (level !== "unit" && prefix.length > CODE_LENGTH[level]) throw fail("OUTSIDE_SCOPE");
}

/** A reporting period (China time), the current month when none is given. */
export function resolvePeriod(period: string | undefined, now: Date): { period: string; range: PeriodRange } {
  const label = period ?? chinaMonth(now);
  try {
    return { period: label, range: periodRange(label) };
  } catch {
    throw fail("VALIDATION_FAILED", {
      detail: `period "${label}" (expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)`,
    });
  }
}
