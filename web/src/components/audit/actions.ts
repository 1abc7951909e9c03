import type { MessageKey, Translate } from "../../i18n/context";

/**
 * The audit log's action codes as the server records them (src/modules/audit/rules.ts, checked by
 * actions.test.ts) and the groups an administrator filters by. Labels live in i18n/messages/audit.ts;
 * anything that shows an audit action asks {@link auditActionLabel} rather than keeping its own.
 */
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
  "party.organisation",
  "party.member",
  "party.report",
  "joint.council",
  "joint.member",
  "joint.list_item",
  "joint.meeting",
  "joint.project",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_GROUPS = [
  "auth.",
  "user.",
  "config.",
  "integration.",
  "export.",
  "party.",
  "joint.",
] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

const isAction = (code: string): code is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(code);

/** An action in the reader's language; a code this build does not know shows its group's name. */
export function auditActionLabel(t: Translate, code: string): string {
  if (isAction(code)) return t(`audit.action.${code}` as MessageKey);
  const group = AUDIT_GROUPS.find((prefix) => code.startsWith(prefix));
  return group ? t(`audit.group.${group}` as MessageKey) : code;
}

export function auditGroupLabel(t: Translate, group: AuditGroup): string {
  return t(`audit.group.${group}` as MessageKey);
}

const TARGET_TYPES = [
  "assessment_report",
  "catalogue",
  "category",
  "city_source",
  "grids",
  "holiday",
  "joint_council",
  "joint_list_item",
  "joint_meeting",
  "joint_member",
  "joint_project",
  "ledger",
  "outbox",
  "party_member",
  "party_organisation",
  "party_report",
  "place",
  "routing_model",
  "rule",
  "time_limits",
  "unit",
  "user",
] as const;

/** What an entry acted on, e.g. 承办单位 #12; an unknown kind of target shows as recorded. */
export function auditTargetLabel(t: Translate, type: string | null, id: string | null): string {
  const kind =
    type && (TARGET_TYPES as readonly string[]).includes(type)
      ? t(`audit.target.${type}` as MessageKey)
      : type;
  return [kind, id && `#${id}`].filter(Boolean).join(" ") || "—";
}
