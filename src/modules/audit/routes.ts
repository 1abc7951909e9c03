import { type Static, Type } from "@sinclair/typebox";
import type { Routes } from "../../http/plugin.js";
import { literals } from "../../platform/schema.js";
import { addSheet, type SheetSpec, sendWorkbook } from "../ledgers/excel.js";
import { type AuditFilter, recordAudit, searchAudit } from "./repository.js";
import { AUDIT_ACTIONS, AUDIT_GROUPS, auditActor } from "./rules.js";

const DAY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

const Filter = {
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** An action code, or a prefix of codes: `config.` for every configuration change. */
  action: Type.Optional(Type.Union([literals(AUDIT_ACTIONS), literals(AUDIT_GROUPS)])),
  target: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  from: Type.Optional(Type.String({ pattern: DAY, format: "date" })),
  to: Type.Optional(Type.String({ pattern: DAY, format: "date" })),
};
const ListQuery = Type.Object(
  {
    ...Filter,
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
const ExportQuery = Type.Object(Filter, { additionalProperties: false });

/** Rows exported at most: a year of a busy district's configuration and logins. */
const EXPORT_LIMIT = 50_000;

/** Days are China days: `from` inclusive, `to` inclusive (to its end). */
function filterOf(query: Static<typeof ExportQuery>): AuditFilter {
  const day = (d: string, plus = 0) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + plus);
  return {
    actor: query.actor,
    action: query.action,
    target: query.target,
    from: query.from ? day(query.from) : undefined,
    to: query.to ? day(query.to, 86_400_000) : undefined,
  };
}

const present = (row: Awaited<ReturnType<typeof searchAudit>>["rows"][number]) => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  actorId: row.actor_id,
  actorUsername: row.actor_username,
  actorRole: row.actor_role,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  client: row.client,
  before: row.before,
  after: row.after,
  hash: row.hash,
});

/** 审计日志: administrators search the log and export it. */
export const auditRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/audit",
    {
      config: { access: "audit.read" },
      schema: { tags: ["audit"], summary: "Search the audit log (newest first)", querystring: ListQuery },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const result = await searchAudit(ctx.db, filterOf(filter), {
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return { total: result.total, items: result.rows.map(present) };
    },
  );

  app.get(
    "/api/audit/export.xlsx",
    {
      config: { access: "audit.read" },
      schema: {
        tags: ["audit"],
        summary: "The matching audit entries as an Excel workbook",
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const filter = filterOf(request.query);
      const { rows } = await searchAudit(ctx.db, filter, { offset: 0, limit: EXPORT_LIMIT });
      await recordAudit(
        ctx.db,
        auditActor(request),
        { action: "export.audit", after: request.query },
        ctx.now(),
      );
      const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
      const sheet: SheetSpec<(typeof rows)[number]> = {
        name: "审计日志",
        columns: [
          { header: "序号", value: (r) => Number(r.id) },
          { header: "时间", width: 24, value: (r) => new Date(r.at).toISOString() },
          { header: "操作人", value: (r) => r.actor_username },
          { header: "角色", value: (r) => r.actor_role },
          { header: "操作", width: 26, value: (r) => r.action },
          { header: "对象类型", value: (r) => r.target_type },
          { header: "对象", value: (r) => r.target_id },
          { header: "客户端地址", width: 18, value: (r) => r.client },
          { header: "修改前", width: 40, wrap: true, value: (r) => json(r.before) },
          { header: "修改后", width: 40, wrap: true, value: (r) => json(r.after) },
          {
            header: "哈希",
            width: 66,
            meaning: "本条与前一条记录的链式哈希（minhu verify 校验）",
            value: (r) => r.hash,
          },
        ],
      };
      return sendWorkbook(reply, "审计日志.xlsx", "audit-log.xlsx", (workbook) =>
        addSheet(workbook, sheet, rows),
      );
    },
  );
};
