import { type Actor, coversRegion, requirePermission } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { publishWarningNotice } from "../../platform/events/publish.js";
import type { AppContext } from "../context.js";
import { setLedger } from "../ledgers/ledger-change.js";
import {
  findWarning,
  lockWarning,
  updateWarning,
  type WarningDecision,
  type WarningState,
  type WarningView,
} from "./repository.js";

/**
 * What a person may do with a warning, as data: 知悉 acknowledge (take it in hand), 处置 action (act on
 * it, with a note saying how), 排除 dismiss (a false alarm, with the reason). Actioned and dismissed
 * warnings are closed.
 */
export const WARNING_COMMANDS = {
  acknowledge: { from: ["open"], to: "acknowledged" },
  action: { from: ["open", "acknowledged"], to: "actioned" },
  dismiss: { from: ["open", "acknowledged"], to: "dismissed" },
} as const satisfies Record<string, { from: readonly WarningState[]; to: WarningState }>;

export type WarningCommand = keyof typeof WARNING_COMMANDS;

/** The commands a warning in this state accepts. */
export function commandsFrom(state: string): WarningCommand[] {
  return (Object.keys(WARNING_COMMANDS) as WarningCommand[]).filter((c) =>
    (WARNING_COMMANDS[c].from as readonly string[]).includes(state),
  );
}

export interface DecisionInput {
  note?: string;
  /** For a 共性问题 warning being actioned: file its orders in the 共性问题 ledger. */
  markCommon?: boolean;
}

/**
 * Takes a command on a warning in the actor's jurisdiction (outside it the warning is "not found").
 * Filing a common problem's orders in the 共性问题 ledger happens first, order by order through the
 * ledgers module (each a `ledger` event in the order's history); the warning is closed after, so a
 * failure half-way leaves it open and a retry files the rest (filing twice records nothing).
 */
export async function decideWarning(
  ctx: AppContext,
  actor: Actor,
  id: string,
  command: WarningCommand,
  input: DecisionInput,
) {
  const current = await findWarning(ctx.db, id);
  if (!current || !coversRegion(actor, current.region_code))
    throw fail("NOT_FOUND", { what: `warning ${id}` });
  requireCommand(current.state, command);
  const ledgerChanged = input.markCommon ? await fileAsCommon(ctx, actor, current, command, input.note) : 0;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockWarning(trx, id);
    if (!locked) throw fail("NOT_FOUND", { what: `warning ${id}` });
    requireCommand(locked.state, command);
    await updateWarning(trx, id, decisionOf(command, actor, input.note, ctx.now()), ctx.now());
    await publishWarningNotice(trx, [locked.region_code], ctx.now());
  });
  return { warning: (await findWarning(ctx.db, id)) as WarningView, ledgerChanged };
}

function requireCommand(state: string, command: WarningCommand): void {
  if (!commandsFrom(state).includes(command)) {
    throw fail("CONFLICT", {
      detail: `预警当前状态（${state}）不允许此操作 / a warning that is ${state} does not take "${command}"`,
    });
  }
}

function decisionOf(
  command: WarningCommand,
  actor: Actor,
  note: string | undefined,
  now: Date,
): WarningDecision {
  const to = WARNING_COMMANDS[command].to;
  if (command === "acknowledge") return { state: to, acknowledged_by: actor.id, acknowledged_at: now };
  return { state: to, handled_by: actor.id, handled_at: now, action_note: note };
}

async function fileAsCommon(
  ctx: AppContext,
  actor: Actor,
  warning: WarningView,
  command: WarningCommand,
  note: string | undefined,
): Promise<number> {
  if (command !== "action" || warning.rule !== "common_problem") {
    throw fail("VALIDATION_FAILED", { detail: "markCommon applies to actioning a common_problem warning" });
  }
  // Checked before the first order is filed, so a refusal changes nothing.
  requirePermission(actor, "ledgers.manage");
  let changed = 0;
  for (const orderId of warning.order_ids) {
    const result = await setLedger(ctx, actor, orderId, "common", note, {
      code: "common_problem_filed",
      params: { warningId: warning.id },
    });
    if (result.changed) changed += 1;
  }
  return changed;
}
