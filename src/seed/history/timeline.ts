/**
 * One order's history as it would have been written by the application: each step is checked
 * against the lifecycle table (its `from` states, its roles, `targetOf` for the new state) and
 * changes the same columns as the command's effect, appends the event, and keeps the assignments,
 * visits, extension requests and ratings the command would have kept. A step after "now" has not
 * happened yet: the timeline stops there and the order stays in the state it had reached.
 */

import {
  ACTIONS,
  NEXT_LEVEL,
  type OrderAction,
  type OrderState,
  targetOf,
} from "../../modules/orders/workflow/lifecycle.js";
import { holderAt, type Placement } from "../../modules/routing/catalogue.js";
import {
  computeDeadlines,
  extendDeadline,
  handlingClockBasis,
  warningLevel,
} from "../../modules/time-limits/deadlines.js";
import {
  type Actor,
  type AssignmentRow,
  type EventRow,
  type ExtensionRow,
  type OrderRow,
  type RatingRow,
  type Satisfied,
  type Solved,
  SYSTEM,
  type VisitRow,
} from "./rows.js";
import type { Disposition } from "./texts.js";
import type { Staff, World } from "./world.js";

type Patch = Partial<OrderRow>;
type StepAction = OrderAction | "register";
type StepExtra = {
  note?: string | null;
  data?: Record<string, unknown>;
  unitId?: number | null;
  refs?: EventRow["refs"];
};

/** States in which the handling clock runs and the deadline watch looks (sweep.ts). */
const RUNNING_STATES: readonly OrderState[] = ["dispatched", "handling"];
/** The watch runs every minute: an overdue order is supervised half a minute after, on average. */
const WATCH_DELAY_MS = 30_000;

/** Everything an order leaves in the database, built step by step. */
export class OrderTimeline {
  readonly events: EventRow[] = [];
  readonly assignments: AssignmentRow[] = [];
  readonly visits: VisitRow[] = [];
  readonly extensions: ExtensionRow[] = [];
  readonly ratings: RatingRow[] = [];
  private stopped = false;
  /** Since when the order has been dispatched or handled without a break, for the deadline watch. */
  private runningSince: Date | null = null;

  constructor(
    private readonly world: World,
    readonly row: OrderRow,
    private readonly now: Date,
  ) {}

  /** False once a step fell after "now": nothing more happens to this order. */
  get going(): boolean {
    return !this.stopped;
  }

  get state(): OrderState {
    return this.row.state;
  }

  register(actor: Actor, data: Record<string, unknown>): boolean {
    return this.step("register", this.row.created_at, actor, {}, { data });
  }

  accept(at: Date, actor: Actor): boolean {
    return this.step("accept", at, actor, { accepted_at: this.row.accepted_at ?? at });
  }

  reject(at: Date, actor: Actor, reason: string): boolean {
    return this.step("reject", at, actor, { closed_at: at }, { note: reason });
  }

  escalate(at: Date, actor: Actor, reason: string, placement: Placement): boolean {
    const next = NEXT_LEVEL[this.row.handling_level];
    if (!next) throw new Error("cannot escalate above the district");
    const holder = holderAt(next, placement);
    const data = { fromLevel: this.row.handling_level, toLevel: holder.level, holder: holder.regionCode };
    return this.step(
      "escalate",
      at,
      actor,
      { handling_level: holder.level, holder_region_code: holder.regionCode },
      { note: reason, data },
    );
  }

  /** 派单 or 改派: the clocks start at the first dispatch; later ones keep the handling deadline. */
  dispatch(
    at: Date,
    actor: Actor,
    unitId: number,
    assisting: number[],
    kind: "dispatch" | "transfer" = "dispatch",
    note: string | null = null,
  ): boolean {
    const deadlines = this.deadlinesFrom(at);
    const handlingDue = this.row.handling_due_at ?? deadlines.handlingDueAt;
    const patch: Patch = {
      main_unit_id: unitId,
      dispatched_at: this.row.dispatched_at ?? at,
      signed_at: null,
      response_due_at: deadlines.responseDueAt,
      handling_due_at: handlingDue,
      original_handling_due_at: this.row.original_handling_due_at ?? handlingDue,
    };
    const data = {
      mainUnitId: unitId,
      assistingUnitIds: assisting,
      responseDueAt: deadlines.responseDueAt,
      handlingDueAt: handlingDue,
    };
    if (!this.step(kind, at, actor, patch, { note, data, unitId })) return false;
    this.endAssignments(at, kind === "transfer" ? "transferred" : "redispatched");
    for (const [unit, role] of [
      [unitId, "main"],
      ...assisting.filter((u) => u !== unitId).map((u) => [u, "assist"]),
    ] as [number, "main" | "assist"][]) {
      this.assignments.push({
        unit_id: unit,
        role,
        assigned_at: at,
        signed_at: null,
        replied_at: null,
        ended_at: null,
        end_reason: null,
      });
    }
    return true;
  }

  sign(at: Date, actor: Actor): boolean {
    if (!this.step("sign", at, actor, { signed_at: at }, { unitId: actor.unitId })) return false;
    this.markMain("signed_at", at);
    return true;
  }

  /** 退单: back to the dispatcher, who dispatches again. */
  returnOrder(at: Date, actor: Actor, reason: string): boolean {
    const patch = {
      main_unit_id: null,
      response_due_at: null,
      signed_at: null,
      return_count: this.row.return_count + 1,
    };
    if (!this.step("return", at, actor, patch, { note: reason, unitId: actor.unitId })) return false;
    this.endAssignments(at, "returned");
    return true;
  }

  requestExtension(at: Date, actor: Staff, workingDays: number, reason: string): boolean {
    const request: ExtensionRow = {
      unit_id: actor.unitId,
      requested_by: actor.id,
      working_days: workingDays,
      reason,
      state: "pending",
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_at: at,
    };
    if (
      !this.step(
        "request_extension",
        at,
        actor,
        {},
        { note: reason, unitId: actor.unitId, data: { workingDays }, refs: { extension: request } },
      )
    )
      return false;
    this.extensions.push(request);
    return true;
  }

  /** 审批延期: an approval moves the handling deadline by the working days asked for. */
  decideExtension(at: Date, actor: Staff, approve: boolean, note: string | null): boolean {
    const request = this.extensions[this.extensions.length - 1];
    const due =
      approve && this.row.handling_due_at
        ? extendDeadline(this.world.calendar, this.row.handling_due_at, request.working_days)
        : null;
    const patch: Patch = due ? { handling_due_at: due, warning_level: "none" } : {};
    const data = {
      approved: approve,
      workingDays: request.working_days,
      ...(due ? { handlingDueAt: due } : {}),
    };
    if (!this.step("decide_extension", at, actor, patch, { note, data, refs: { extension: request } }))
      return false;
    Object.assign(request, {
      state: approve ? "approved" : "rejected",
      decided_by: actor.id,
      decided_at: at,
      decision_note: note,
    });
    return true;
  }

  reply(at: Date, actor: Actor, disposition: Disposition, text: string): boolean {
    const patch = { replied_at: at, disposition, reply_text: text };
    if (!this.step("reply", at, actor, patch, { note: text, unitId: actor.unitId, data: { disposition } }))
      return false;
    this.markMain("replied_at", at);
    return true;
  }

  /** 就地办结: accepted, dispatched, signed and replied in one go, with the clocks of a dispatch. */
  solveOnSpot(at: Date, actor: Actor, disposition: Disposition, text: string): boolean {
    const deadlines = this.deadlinesFrom(at);
    const patch: Patch = {
      solved_on_spot: true,
      accepted_at: this.row.accepted_at ?? at,
      dispatched_at: at,
      signed_at: at,
      replied_at: at,
      response_due_at: deadlines.responseDueAt,
      handling_due_at: deadlines.handlingDueAt,
      original_handling_due_at: deadlines.handlingDueAt,
      disposition,
      reply_text: text,
    };
    return this.step("solve_on_spot", at, actor, patch, { note: text, data: { disposition } });
  }

  /** 审核: the reply is accepted and the return visit of this round opens. */
  verify(at: Date, actor: Actor): boolean {
    if (!this.step("verify", at, actor, {})) return false;
    this.openVisit(at, this.row.reopen_count + 1);
    return true;
  }

  rework(at: Date, actor: Actor, reason: string): boolean {
    return this.step(
      "rework",
      at,
      actor,
      { replied_at: null, disposition: null, reply_text: null },
      { note: reason },
    );
  }

  /** 回访: the caller's rating of the pending visit (by phone, or through the rating link). */
  visit(at: Date, actor: Actor, solved: Solved, satisfied: Satisfied, comment: string | null): boolean {
    const pending = [...this.visits].reverse().find((v) => v.state === "pending");
    if (!pending) throw new Error("no visit is pending");
    if (
      !this.step("visit", at, actor, {}, { note: comment, data: { solved, satisfied, round: pending.round } })
    )
      return false;
    // As the visit command has it: the caller rates online (link or own account), everyone else by phone.
    const method = actor.id === null || actor.role === "resident" ? "online" : "phone";
    Object.assign(pending, {
      state: "done",
      method,
      solved,
      satisfied,
      comment,
      visited_by: actor.id,
      visited_at: at,
    });
    return true;
  }

  /** 重办: a new handling round with a new deadline. */
  reopen(at: Date, actor: Actor, reason: string): boolean {
    const due = this.deadlinesFrom(at).handlingDueAt;
    const patch: Patch = {
      reopen_count: this.row.reopen_count + 1,
      replied_at: null,
      disposition: null,
      reply_text: null,
      handling_due_at: due,
      warning_level: "none",
    };
    return this.step("reopen", at, actor, patch, {
      note: reason,
      data: { round: this.row.reopen_count + 2, handlingDueAt: due },
    });
  }

  /** 办结 with a note, or by Minhu after a satisfactory visit (its message stored as a code). */
  close(at: Date, actor: Actor, note: string | null): boolean {
    const data = note === null && actor.id === null ? { message: { code: "satisfied_visit_closed" } } : {};
    return this.step("close", at, actor, { closed_at: at }, { note, data });
  }

  /** 合并 into an earlier open order (its id and number are filled in when stored). */
  merge(at: Date, actor: Actor, target: number): boolean {
    return this.step("merge", at, actor, { merged_into: target }, { refs: { targetOrder: target } });
  }

  /** 催办/督办 by a supervisor. */
  urge(at: Date, actor: Actor, note: string): boolean {
    const patch = { urge_count: this.row.urge_count + 1, supervised_at: this.row.supervised_at ?? at };
    return this.step("urge", at, actor, patch, { note, unitId: this.row.main_unit_id });
  }

  rateDispatch(at: Date, actor: Staff, rightUnit: boolean, reasonable: boolean): boolean {
    if (!this.step("rate_dispatch", at, actor, {}, { unitId: actor.unitId, data: { rightUnit, reasonable } }))
      return false;
    this.ratings.push({
      unit_id: actor.unitId as number,
      right_unit: rightUnit,
      reasonable,
      rated_by: actor.id,
      created_at: at,
    });
    return true;
  }

  /** Files the order in another of the 四本台账: the state stays, the history records it. */
  fileInLedger(at: Date, actor: Actor, ledger: string, note: string): boolean {
    return this.step(
      "refile",
      at,
      actor,
      { ledger },
      { note, unitId: actor.unitId, data: { from: this.row.ledger, to: ledger } },
    );
  }

  /** A merged order hears its target's reply (handling.ts `reply` copies it), without an event. */
  echoReply(at: Date, disposition: Disposition, text: string): void {
    if (at <= this.now) Object.assign(this.row, { replied_at: at, disposition, reply_text: text });
  }

  /** A merged order is closed with its target (closing.ts `close`), without an event. */
  echoClose(at: Date): void {
    if (at <= this.now) this.row.closed_at = at;
  }

  /** A return visit opens for this order's caller (visits/service.ts `openVisits`). */
  openVisit(at: Date, round: number): void {
    if (at > this.now || this.visits.some((v) => v.round === round)) return;
    this.visits.push({
      round,
      state: "pending",
      method: null,
      solved: null,
      satisfied: null,
      comment: null,
      visited_by: null,
      visited_at: null,
      created_at: at,
    });
  }

  /**
   * The order as the deadline watch leaves it by now: under supervision if it ran past its deadline,
   * and the warning light judged at the reply (or now, while running).
   */
  settle(): void {
    if (!this.stopped) this.watchDeadline(new Date(this.now.getTime() + 1));
    const { dispatched_at, handling_due_at, replied_at, state } = this.row;
    if (!dispatched_at || !handling_due_at || this.row.warning_level === "red") return;
    const judgedAt = replied_at ?? (state === "dispatched" || state === "handling" ? this.now : null);
    if (!judgedAt) return;
    const basis = handlingClockBasis(this.world.timeLimits.ruleFor(this.ruleQuery()));
    this.row.warning_level = warningLevel(
      this.world.calendar,
      basis,
      dispatched_at,
      handling_due_at,
      judgedAt,
    );
  }

  /** The deadlines of a dispatch at `at`, as TimeLimits.deadlinesFor computes them. */
  private deadlinesFrom(at: Date) {
    return computeDeadlines(this.world.calendar, this.world.timeLimits.ruleFor(this.ruleQuery()), at);
  }

  private ruleQuery() {
    return { categoryCode: this.row.category_code, type: this.row.demand_type, urgent: this.row.urgent };
  }

  private step(action: StepAction, at: Date, actor: Actor, patch: Patch, extra: StepExtra = {}): boolean {
    if (this.stopped) return false;
    this.watchDeadline(at);
    if (at > this.now) {
      this.stopped = true;
      return false;
    }
    this.record(action, at, actor, patch, extra);
    return true;
  }

  /**
   * The deadline watch (sweep.ts, every minute) puts a running order under supervision once it is
   * past its handling deadline: recorded here before any later step, as it happened before it.
   */
  private watchDeadline(before: Date): void {
    const { handling_due_at: due, supervised_at } = this.row;
    if (!this.runningSince || !due || supervised_at) return;
    const redAt = new Date(Math.max(due.getTime(), this.runningSince.getTime()) + WATCH_DELAY_MS);
    if (redAt >= before || redAt > this.now) return;
    this.record(
      "supervise",
      redAt,
      SYSTEM,
      { supervised_at: redAt, warning_level: "red" },
      {
        unitId: this.row.main_unit_id,
        data: { handlingDueAt: due, message: { code: "overdue_supervised" } },
      },
    );
  }

  private record(action: StepAction, at: Date, actor: Actor, patch: Patch, extra: StepExtra): void {
    const last = this.events[this.events.length - 1];
    if (last && at < last.at)
      throw new Error(`${action} at ${at.toISOString()} before ${last.action} at ${last.at.toISOString()}`);
    const from = this.row.state;
    const to = this.targetOf(action, from, actor);
    Object.assign(this.row, patch, {
      state: to,
      updated_at: at,
      version: this.events.length === 0 ? 1 : this.row.version + 1,
    });
    this.events.push({
      action,
      from_state: action === "register" ? null : from,
      to_state: to,
      actor_id: actor.id,
      actor_role: actor.role,
      unit_id: extra.unitId ?? null,
      note: extra.note ?? null,
      data: extra.data ?? {},
      at,
      refs: extra.refs,
    });
    const running = RUNNING_STATES.includes(to);
    if (!running) this.runningSince = null;
    else if (!this.runningSince) this.runningSince = at;
  }

  /** The lifecycle table decides, exactly as for a real command: illegal steps are bugs here. */
  private targetOf(action: StepAction, from: OrderState, actor: Actor): OrderState {
    if (action === "register") return "registered";
    const rule = ACTIONS[action];
    if (!(rule.from as readonly OrderState[]).includes(from))
      throw new Error(`history: ${action} is not allowed from ${from}`);
    const roles = rule.roles as readonly string[];
    if (actor.id !== null && !roles.includes(actor.role))
      throw new Error(`history: a ${actor.role} may not ${action}`);
    return targetOf(rule, from);
  }

  private endAssignments(at: Date, reason: string): void {
    for (const a of this.assignments) {
      if (a.ended_at === null) {
        a.ended_at = at;
        a.end_reason = reason;
      }
    }
  }

  private markMain(column: "signed_at" | "replied_at", at: Date): void {
    for (const a of this.assignments)
      if (a.ended_at === null && a.unit_id === this.row.main_unit_id) a[column] = at;
  }
}
