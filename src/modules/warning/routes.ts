import { Type } from "@sinclair/typebox";
import { scopeOf } from "../../platform/auth/permissions.js";
import { actorOf } from "../../server/access.js";
import type { App } from "../../server/app.js";
import type { AppContext } from "../../server/context.js";
import { presentWarning } from "./presenter.js";
import { listWarnings, type WarningFilter } from "./repository.js";
import { type DecisionInput, decideWarning, type WarningCommand } from "./service.js";
import { WARNING_RULES } from "./types.js";

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const WarningId = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) });
const Note = Type.String({ minLength: 2, maxLength: 1000, description: "处置说明 / why" });

/** What each command's request body holds (acknowledging needs none). */
const BODIES: Record<WarningCommand, { summary: string; body?: ReturnType<typeof Type.Object> }> = {
  acknowledge: { summary: "知悉 Take the warning in hand" },
  action: {
    summary:
      "处置 Act on the warning with a note; for a 共性问题 warning, markCommon files its orders in the 共性问题 ledger",
    body: Type.Object(
      {
        note: Note,
        markCommon: Type.Optional(
          Type.Boolean({ description: "file the linked orders as 共性问题 (dispatchers)" }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  dismiss: {
    summary: "排除 Dismiss a false alarm, with the reason",
    body: Type.Object({ note: Note }, { additionalProperties: false }),
  },
};

/** 研判预警: the warnings of the caller's jurisdiction and the decisions taken on them. */
export async function warningRoutes(app: App, ctx: AppContext): Promise<void> {
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
      const query = request.query as WarningFilter;
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

  for (const [command, { summary, body }] of Object.entries(BODIES) as [
    WarningCommand,
    (typeof BODIES)[WarningCommand],
  ][]) {
    app.post(
      `/api/warnings/:id/${command}`,
      {
        config: { access: "warnings.manage" },
        schema: { tags: ["warnings"], summary, params: WarningId, ...(body ? { body } : {}) },
      },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params as { id: string };
        const { warning, ledgerChanged } = await decideWarning(
          ctx,
          actor,
          id,
          command,
          (request.body ?? {}) as DecisionInput,
        );
        return { ...presentWarning(ctx, actor, warning), ledgerChanged };
      },
    );
  }
}
