import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { type Actor, scopeOf } from "../../platform/auth/permissions.js";
import { literals } from "../../platform/schema.js";
import { presentWarning } from "./presenter.js";
import { listWarnings } from "./repository.js";
import { type DecisionInput, decideWarning, type WarningCommand } from "./service.js";
import { WARNING_RULES } from "./types.js";

const WarningId = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) });
const Note = Type.String({ minLength: 2, maxLength: 1000, description: "处置说明 / why" });

const ActionBody = Type.Object(
  {
    note: Note,
    markCommon: Type.Optional(
      Type.Boolean({ description: "file the linked orders as 共性问题 (dispatchers)" }),
    ),
  },
  { additionalProperties: false },
);
const DismissBody = Type.Object({ note: Note }, { additionalProperties: false });

/** 研判预警: the warnings of the caller's jurisdiction and the decisions taken on them. */
export const warningRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/warnings",
    {
      config: { access: "warnings.read" },
      schema: {
        tags: ["warnings"],
        summary: "Warnings inside the caller's jurisdiction, most recently confirmed first",
        querystring: Type.Object(
          {
            state: Type.Optional(literals(["open", "acknowledged", "actioned", "dismissed", "undecided"])),
            rule: Type.Optional(literals(WARNING_RULES)),
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const query = request.query;
      const scope = scopeOf(actor);
      const { total, rows } =
        scope === null ? { total: 0, rows: [] } : await listWarnings(ctx.db, scope, query);
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((row) => presentWarning(ctx, actor, row)),
      };
    },
  );

  const decision = { access: "warnings.manage" } as const;
  async function decide(actor: Actor, id: string, command: WarningCommand, input: DecisionInput) {
    const { warning, ledgerChanged } = await decideWarning(ctx, actor, id, command, input);
    return { ...presentWarning(ctx, actor, warning), ledgerChanged };
  }
  app.post(
    "/api/warnings/:id/acknowledge",
    {
      config: decision,
      schema: { tags: ["warnings"], summary: "知悉 Take the warning in hand", params: WarningId },
    },
    async (request) => decide(actorOf(request), request.params.id, "acknowledge", {}),
  );
  app.post(
    "/api/warnings/:id/action",
    {
      config: decision,
      schema: {
        tags: ["warnings"],
        summary:
          "处置 Act on the warning with a note; for a 共性问题 warning, markCommon files its orders in the 共性问题 ledger",
        params: WarningId,
        body: ActionBody,
      },
    },
    async (request) => decide(actorOf(request), request.params.id, "action", request.body),
  );
  app.post(
    "/api/warnings/:id/dismiss",
    {
      config: decision,
      schema: {
        tags: ["warnings"],
        summary: "排除 Dismiss a false alarm, with the reason",
        params: WarningId,
        body: DismissBody,
      },
    },
    async (request) => decide(actorOf(request), request.params.id, "dismiss", request.body),
  );
};
