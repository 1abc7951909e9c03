/**
 * 审计日志 rules, no I/O: which actions are recorded (stored as codes, rendered in the reader's
 * language by the web app), and how a configuration change is reduced to what changed.
 */

/** Every recorded action. Add a code here and its label in web/src/i18n/messages/audit.ts. */
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "user.create",
  "user.update",
  "config.category",
  "config.catalogue",
  "config.time_limits",
  "config.assessment_weights",
  "config.holiday",
  "config.grids_import",
  "config.unit",
  "config.place",
  "config.rule",
  "config.routing_model",
  "config.hotline_mapping",
  "config.service",
  "config.publication",
  "integration.outbox_retry",
  "export.ledger",
  "export.assessment",
  "export.outbox",
  "export.audit",
  // 一核 and 联建共建: every write to the party organisations and joint building.
  "party.organisation",
  "party.member",
  "party.report",
  "joint.council",
  "joint.member",
  "joint.list_item",
  "joint.meeting",
  "joint.project",
] as const;

/** The groups an administrator filters by: every action code starts with one of them. */
export const AUDIT_GROUPS = [
  "auth.",
  "user.",
  "config.",
  "integration.",
  "export.",
  "party.",
  "joint.",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted, and from which client address (the request's, behind MINHU_TRUST_PROXY if set). */
export interface AuditActor {
  id: number | null;
  username: string | null;
  role: string | null;
  client: string | null;
}

/** The scheduled jobs: no person, no client address (shown as 系统 / System). */
export const SYSTEM_ACTOR: AuditActor = { id: null, username: null, role: null, client: null };

/** What happened: the action, its target and, for configuration, the values before and after. */
export interface AuditEntry {
  action: AuditAction;
  targetType?: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reduces a change of one record to the fields that changed: `{before: {a: 1}, after: {a: 2}}`
 * from two whole records. Non-records (lists, nothing) are kept whole.
 */
export function changedFields(before: unknown, after: unknown): { before: unknown; after: unknown } {
  if (!isFields(before) || !isFields(after)) return { before: before ?? null, after: after ?? null };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

/** The audit row's actor from a request's signed-in actor (or the username a login tried). */
export function auditActor(
  request: { actor: { id: number; username: string; role: string } | null; ip: string },
  tried?: string,
): AuditActor {
  const actor = request.actor;
  return {
    id: actor?.id ?? null,
    username: actor?.username ?? tried ?? null,
    role: actor?.role ?? null,
    client: request.ip,
  };
}
