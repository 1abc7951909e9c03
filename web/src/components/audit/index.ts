/**
 * The audit log's pieces shared by every page that shows audit entries:
 * - `AUDIT_ACTIONS`, `AUDIT_GROUPS`  the codes the server records and the groups to filter by
 * - `auditActionLabel`              an action in the reader's language (never the raw code)
 * - `auditTargetLabel`              what an entry acted on, e.g. 承办单位 #12
 * - `AuditDiff`                     an entry's before → after, field by field
 */

export { AuditDiff } from "./AuditDiff";
export {
  AUDIT_ACTIONS,
  AUDIT_GROUPS,
  type AuditAction,
  type AuditGroup,
  auditActionLabel,
  auditGroupLabel,
  auditTargetLabel,
} from "./actions";
