export const ROLES = [
  "resident",
  "operator",
  "grid_worker",
  "staff",
  "dispatcher",
  "unit_handler",
  "supervisor",
  "leader",
  "admin",
] as const;

export type Role = (typeof ROLES)[number];

/** Every role that works inside the platform, i.e. everyone except residents. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== "resident");
