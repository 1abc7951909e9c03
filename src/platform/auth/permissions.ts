import type { Role } from "../../db/schema.js";
import { fail } from "../errors.js";

/** Everyone who works in the system, i.e. every role but the resident. */
export const STAFF_ROLES: readonly Role[] = [
  "operator",
  "grid_worker",
  "staff",
  "dispatcher",
  "unit_handler",
  "supervisor",
  "leader",
  "admin",
];
export const ALL_ROLES: readonly Role[] = ["resident", ...STAFF_ROLES];

/**
 * Route permissions → the roles that hold them (first layer of authorization).
 * The second layer, jurisdiction, is checked against the resource with `scopeOf`.
 */
export const PERMISSIONS = {
  "regions.read": STAFF_ROLES,
  "regions.manage": ["admin"],
  "units.read": STAFF_ROLES,
  "units.manage": ["admin"],
  "users.read": ["admin", "dispatcher", "supervisor"],
  "users.manage": ["admin"],
  /** 审计日志: who did what outside orders. */
  "audit.read": ["admin"],
  "categories.read": ALL_ROLES,
  "catalogue.read": STAFF_ROLES,
  "catalogue.manage": ["admin"],
  "time-limits.read": STAFF_ROLES,
  "time-limits.manage": ["admin"],
  "orders.create": ALL_ROLES,
  "orders.read": ALL_ROLES,
  "orders.act": ALL_ROLES,
  "phones.reveal": ["operator", "staff", "dispatcher", "unit_handler", "supervisor", "admin"],
  "assessment.read": ["staff", "dispatcher", "supervisor", "leader", "admin"],
  "assessment.manage": ["admin"],
  /** 四本台账: which ledger an order belongs in. */
  "ledgers.manage": ["dispatcher"],
  /** 制度清单 entries made from common problems. */
  "rules.manage": ["dispatcher", "supervisor", "admin"],
  "warnings.read": ["staff", "dispatcher", "supervisor", "leader", "admin"],
  "work.read": STAFF_ROLES,
  "warnings.manage": ["dispatcher", "supervisor", "admin"],
  "spot-checks.record": ["supervisor", "admin"],
  /** 地名地址库: everyone places addresses; administrators add and correct entries. */
  "places.read": ALL_ROLES,
  "places.manage": ["admin"],
  /** 12345 接入: imports, the placement queue and the outbox — the district command centre's (see requireWholeDistrict). */
  "integrations.manage": ["admin", "dispatcher"],
  /** Open311 开放接口: which civic-tech clients may post demands (their API keys). */
  "open311.keys": ["admin"],
  /** 党组织 and 双报到: community and street staff maintain their jurisdiction's, administrators all. */
  "party.read": STAFF_ROLES,
  "party.manage": ["staff", "admin"],
  /** 联建共建: councils, meetings and joint projects, maintained like the party organisations. */
  "joint.read": STAFF_ROLES,
  "joint.manage": ["staff", "admin"],
  /** 三联一进, 社区工作日, 民情日记 and 大走访 of the jurisdiction (a leader: the linked community). */
  "fieldwork.read": ["grid_worker", "staff", "dispatcher", "supervisor", "leader", "admin"],
  "links.manage": ["admin"],
  /** 每月一题: the district sets the topic of the month. */
  "topics.manage": ["supervisor", "admin"],
  "workdays.record": ["leader"],
  "diary.write": ["grid_worker", "staff", "leader"],
  "campaigns.manage": ["staff", "admin"],
  /** 智慧云社区: the catalogue, a resident's applications, community and street review, its configuration. */
  "services.read": ALL_ROLES,
  "services.apply": ["resident"],
  "services.applications": ["resident", "staff", "admin"],
  "services.review": ["staff", "admin"],
  "services.manage": ["admin"],
  /** 碑林发布: who edits, publishes, schedules and retracts what the district publishes. */
  "publications.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Who is calling: the session's user with what scopes them. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  regionCode: string | null;
  unitId: number | null;
  /** The jurisdiction of the actor's unit (a department's is the district). */
  unitRegionCode: string | null;
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws FORBIDDEN unless the actor's role holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) throw fail("FORBIDDEN");
}

/**
 * The region-code prefix an actor's jurisdiction covers: the admin's district ("" for an admin with
 * no region: everything), the unit's
 * region for unit handlers, the own region for the others; null for residents (only their own).
 */
export function scopeOf(actor: Actor): string | null {
  if (actor.role === "admin") return actor.regionCode ?? "";
  if (actor.role === "resident") return null;
  if (actor.role === "unit_handler") return actor.unitRegionCode;
  return actor.regionCode;
}

/** True when a region lies inside the actor's jurisdiction. */
export function coversRegion(actor: Actor, regionCode: string): boolean {
  const scope = scopeOf(actor);
  return scope !== null && regionCode.startsWith(scope);
}

/** True when the region is inside the jurisdiction or one of its ancestors (whose names one may read). */
export function seesRegion(actor: Actor, regionCode: string): boolean {
  const scope = scopeOf(actor);
  return scope !== null && (regionCode.startsWith(scope) || scope.startsWith(regionCode));
}

/** Throws OUTSIDE_SCOPE unless the region is inside the actor's jurisdiction. */
export function requireRegion(actor: Actor, regionCode: string): void {
  if (!coversRegion(actor, regionCode)) throw fail("OUTSIDE_SCOPE");
}

/**
 * Throws OUTSIDE_SCOPE unless the actor's jurisdiction is the whole district (or more): what the
 * district command centre (区指挥中心) and administrators hold, a street's dispatcher does not.
 */
export function requireWholeDistrict(actor: Actor, districtCode: string): void {
  const scope = scopeOf(actor);
  if (scope === null || !districtCode.startsWith(scope)) throw fail("OUTSIDE_SCOPE");
}
