/**
 * How one order's handling goes: most are accepted, dispatched, signed, replied on time, verified,
 * visited, found satisfactory and closed; some are rejected, returned by the wrong unit, transferred,
 * extended, replied late (and put under supervision), sent back for rework, or reopened after an
 * unsatisfied visit. Grid matters are mostly solved on the spot by the grid worker. Every step goes
 * through the order's timeline, which stops at "now".
 */
import type { HandlingLevel } from "../../db/schema.js";
import type { Placement, Route } from "../../modules/routing/catalogue.js";
import type { PlacedGrid } from "./places.js";
import { type Random, Weighted } from "./random.js";
import { CALLER_LINK, type Satisfied, type Solved, SYSTEM } from "./rows.js";
import { CLOSE_NOTES, type Disposition, LEDGER_NOTES, REASONS, replyText, VISIT_COMMENTS } from "./texts.js";
import type { OrderTimeline } from "./timeline.js";
import { localUnits, type Staff, type World } from "./world.js";

/** How often the branches of the closed loop are taken. */
export const ODDS = {
  reject: 0.015,
  solveOnSpot: 0.85,
  returnWrongUnit: 0.03,
  transfer: 0.015,
  assistingUnit: 0.05,
  lateSign: 0.07,
  extension: 0.05,
  extensionApproved: 0.85,
  lateReply: 0.05,
  urgeWhenLate: 0.5,
  rework: 0.03,
  rateDispatch: 0.12,
  satisfactory: 0.93,
  reopenWhenUnsatisfied: 0.45,
};

/** 三种答复: solved in time, explained and soothed, handled by law. */
const DISPOSITIONS = new Weighted<Disposition>([
  ["solved", 0.78],
  ["explained", 0.17],
  ["handled_by_law", 0.05],
]);

/** One order being lived through. */
export interface Story {
  t: OrderTimeline;
  r: Random;
  world: World;
  grid: PlacedGrid;
  route: Route;
  /** How the caller can be asked for the return visit: by phone, online, or not at all. */
  visit: "phone" | "online" | "none";
  /** The resident's own account, when they submitted online under it. */
  residentAccount: Staff | null;
}

/** Everything after registration (the caller registered it at `t.row.created_at`). */
export function liveThrough(s: Story): void {
  const { t, r } = s;
  const start = t.row.created_at;
  if (r.chance(ODDS.reject)) {
    t.reject(work(s, start, 10, 240), commander(s), r.pick(REASONS.reject));
    return;
  }
  if (t.row.handling_level === "grid") {
    const solvedAt = onTheSpot(s, start);
    if (solvedAt) {
      conclude(s, solvedAt, true);
      return;
    }
    if (!t.going) return;
  }
  command(s, t.row.updated_at);
}

/** 小事不出格: the grid worker solves it on the spot, or escalates it to the community. */
function onTheSpot(s: Story, start: Date): Date | null {
  const { t, r } = s;
  const worker = commander(s);
  const foundOnPatrol = t.row.submitted_by === worker.id;
  if (r.chance(ODDS.solveOnSpot)) {
    const at = foundOnPatrol ? start : work(s, start, 30, 900);
    const disposition = r.chance(0.9) ? "solved" : "explained";
    return t.solveOnSpot(at, worker, disposition, replyText(r, disposition, `${s.grid.name}网格员`))
      ? at
      : null;
  }
  t.escalate(work(s, start, 30, 600), worker, r.pick(REASONS.escalate), placementOf(s.grid));
  return null;
}

/** The command centre accepts, dispatches, and the unit handles. */
function command(s: Story, from: Date): void {
  const { t, r } = s;
  const acceptedAt = work(s, from, 5, 90);
  if (!t.accept(acceptedAt, commander(s))) return;
  let at = acceptedAt;
  if (t.row.demand_type === "suggestion") {
    at = new Date(at.getTime() + 60_000);
    if (!t.fileInLedger(at, dispatcher(s), "suggestion", LEDGER_NOTES.suggestion)) return;
  }
  const right = unitFor(s);
  if (r.chance(ODDS.returnWrongUnit)) {
    const wrong = r.pick(s.world.departmentIds.filter((id) => id !== right));
    at = work(s, at, 2, 60);
    if (!t.dispatch(at, commander(s), wrong, [])) return;
    at = work(s, at, 30, 600);
    if (!t.returnOrder(at, handlerOf(s, wrong), r.pick(REASONS.return))) return;
  }
  at = work(s, at, 2, 60);
  const assisting = r.chance(ODDS.assistingUnit)
    ? [r.pick(s.world.departmentIds.filter((id) => id !== right))]
    : [];
  if (!t.dispatch(at, commander(s), right, assisting)) return;
  const repliedAt = handle(s, at, true);
  if (repliedAt) conclude(s, repliedAt, false);
}

/** One handling round: sign (when dispatched), maybe transfer or extension, reply on time or late. */
function handle(s: Story, from: Date, firstRound: boolean): Date | null {
  const { t, r } = s;
  let at: Date | null = from;
  if (t.state === "dispatched")
    at = firstRound && r.chance(ODDS.transfer) ? transferred(s, at) : signed(s, at);
  if (!at) return null;
  const handler = handlerOf(s, t.row.main_unit_id as number);
  if (firstRound && longLimit(s) && r.chance(ODDS.extension)) at = extended(s, at, handler);
  if (!at) return null;
  const repliedAt = replyTime(s, at);
  if (!urgeIfLate(s, repliedAt)) return null;
  const disposition = r.draw(DISPOSITIONS);
  if (!t.reply(repliedAt, handler, disposition, replyText(r, disposition, unitName(s, handler)))) return null;
  if (firstRound && r.chance(ODDS.rateDispatch)) {
    const ratedAt = work(s, repliedAt, 5, 120);
    // The unit rates before the command centre verifies: keep the steps in order.
    if (!t.rateDispatch(ratedAt, handler, r.chance(0.95), r.chance(0.9))) return null;
    return ratedAt;
  }
  return repliedAt;
}

/** 改派: signed by the first unit, moved by the centre to another, signed again. */
function transferred(s: Story, from: Date): Date | null {
  const { t, r } = s;
  const signedAt = signed(s, from);
  if (!signedAt) return null;
  const { streetOffice } = localUnits(s.world, s.grid);
  const to =
    t.row.main_unit_id === streetOffice ? (s.route.unitId ?? r.pick(s.world.departmentIds)) : streetOffice;
  const at = work(s, signedAt, 60, 900);
  return t.dispatch(at, commander(s), to, [], "transfer", r.pick(REASONS.transfer)) ? signed(s, at) : null;
}

function signed(s: Story, from: Date): Date | null {
  const { t, r } = s;
  const limit = ruleOf(s).responseMinutes;
  const at = r.chance(ODDS.lateSign)
    ? work(s, from, limit, limit * 3)
    : work(s, from, Math.min(5, limit / 2), limit * 0.9);
  return t.sign(at, handlerOf(s, t.row.main_unit_id as number)) ? at : null;
}

/** 申请延期 and its decision; an approved one may file the order as 疑难问题. */
function extended(s: Story, from: Date, handler: Staff): Date | null {
  const { t, r } = s;
  const requestedAt = work(s, from, 120, 900);
  if (!t.requestExtension(requestedAt, handler, r.pick([3, 5, 10]), r.pick(REASONS.extension))) return null;
  const decidedAt = work(s, requestedAt, 30, 480);
  const approve = r.chance(ODDS.extensionApproved);
  if (!t.decideExtension(decidedAt, dispatcher(s), approve, approve ? "同意延期" : "不同意延期，请按期办结"))
    return null;
  if (!approve || !r.chance(0.5)) return decidedAt;
  const filedAt = new Date(decidedAt.getTime() + 60_000);
  return t.fileInLedger(filedAt, dispatcher(s), "difficult", LEDGER_NOTES.difficult) ? filedAt : null;
}

/** When the reply comes: mostly well within the limit, sometimes after it. */
function replyTime(s: Story, from: Date): Date {
  const { t, r } = s;
  const due = t.row.handling_due_at as Date;
  if (r.chance(ODDS.lateReply) || due <= from) return work(s, due > from ? due : from, 30, 1350);
  if (t.row.urgent) return new Date(from.getTime() + (due.getTime() - from.getTime()) * r.between(0.1, 0.9));
  const available = s.world.calendar.workingMinutesBetween(from, due);
  return s.world.calendar.addWorkingMinutes(from, available * (0.02 + 0.93 * r.float() ** 1.5));
}

/**
 * A reply after the deadline (the timeline records the deadline watch's supervision): half the
 * time a supervisor urged the unit too. Returns false when "now" came first.
 */
function urgeIfLate(s: Story, repliedAt: Date): boolean {
  const { t, r } = s;
  const due = t.row.handling_due_at as Date;
  if (repliedAt <= due) return true;
  const urgedAt = work(s, new Date(Math.max(due.getTime(), t.row.updated_at.getTime())), 60, 600);
  if (urgedAt < repliedAt && r.chance(ODDS.urgeWhenLate))
    return t.urge(urgedAt, s.world.supervisor, r.pick(REASONS.urge));
  return true;
}

/** 审核 (or 退回重办), 回访, 办结 or 重办. */
function conclude(s: Story, repliedAt: Date, onSpot: boolean): void {
  const { t, r } = s;
  let at = work(s, repliedAt, 20, 480);
  if (!onSpot && t.row.reopen_count === 0 && r.chance(ODDS.rework)) {
    if (!t.rework(at, commander(s), r.pick(REASONS.rework))) return;
    const again = work(s, at, 120, 1500);
    if (!urgeIfLate(s, again)) return;
    const disposition = r.draw(DISPOSITIONS);
    const handler = handlerOf(s, t.row.main_unit_id as number);
    if (!t.reply(again, handler, disposition, replyText(r, disposition, unitName(s, handler)))) return;
    at = work(s, again, 20, 480);
  }
  if (!t.verify(at, commander(s))) return;
  if (s.visit === "none") {
    t.close(work(s, at, 30, 600), commander(s), CLOSE_NOTES.noCaller);
    return;
  }
  const online = s.visit === "online" && r.chance(0.5);
  const visitedAt = online ? new Date(at.getTime() + r.between(1, 72) * 3_600_000) : work(s, at, 60, 1800);
  const { solved, satisfied, comment } = rating(s);
  const visitor = online ? (s.residentAccount ?? CALLER_LINK) : s.world.operator;
  if (!t.visit(visitedAt, visitor, solved, satisfied, comment)) return;
  if (solved !== "unsolved" && satisfied !== "unsatisfied") {
    t.close(visitedAt, SYSTEM, null);
    return;
  }
  // A matter solved on the spot has no unit to hand a second round to: the centre closes it with a note.
  if (onSpot || t.row.reopen_count > 0 || !r.chance(ODDS.reopenWhenUnsatisfied)) {
    t.close(work(s, visitedAt, 30, 600), dispatcher(s), CLOSE_NOTES.unsatisfied);
    return;
  }
  const reopenedAt = work(s, visitedAt, 30, 480);
  if (!t.reopen(reopenedAt, dispatcher(s), r.pick(REASONS.reopen))) return;
  const again = handle(s, reopenedAt, false);
  if (again) conclude(s, again, false);
}

/** 一事一评: most callers are satisfied; late, explained or second-round replies less often. */
function rating(s: Story): { solved: Solved; satisfied: Satisfied; comment: string | null } {
  const { t, r } = s;
  let odds = ODDS.satisfactory;
  if (t.row.disposition === "explained") odds -= 0.1;
  if (t.row.disposition === "handled_by_law") odds -= 0.12;
  if (t.row.warning_level === "red" || t.row.supervised_at) odds -= 0.12;
  if (r.chance(odds)) {
    return {
      solved: r.chance(0.88) ? "solved" : "partly",
      satisfied: r.chance(0.85) ? "satisfied" : "basically",
      comment: r.pick(VISIT_COMMENTS.satisfied),
    };
  }
  const solved: Solved = r.chance(0.6) ? "unsolved" : "partly";
  const satisfied: Satisfied = solved === "partly" || r.chance(0.7) ? "unsatisfied" : "basically";
  return { solved, satisfied, comment: r.pick(VISIT_COMMENTS.unsatisfied) };
}

/** Waits `min`–`max` working minutes; urgent orders do not wait for office hours (a quarter, in real time). */
export function work(s: Story, at: Date, min: number, max: number): Date {
  if (s.t.row.urgent) return new Date(at.getTime() + s.r.between(min, max) * 15_000);
  return s.world.calendar.addWorkingMinutes(at, s.r.between(min, max));
}

/** Who commands the order where it is held: the grid's worker at grid level, else a dispatcher. */
export function commander(s: Story): Staff {
  if (s.t.row.handling_level !== "grid") return dispatcher(s);
  const workers = s.world.gridWorkers.get(s.grid.code) as Staff[];
  return workers[Number(s.t.row.created_at.getTime() % workers.length)];
}

/** The dispatcher of the command centre holding the order. */
export function dispatcher(s: Story): Staff {
  return localDispatcher(s.world, s.t.row.holder_region_code);
}

/** The most local demo dispatcher whose jurisdiction covers a region (the street and community ones cover one place each). */
export function localDispatcher(world: World, regionCode: string): Staff {
  for (const candidate of [world.communityDispatcher, world.streetDispatcher]) {
    if (candidate.regionCode && regionCode.startsWith(candidate.regionCode)) return candidate;
  }
  return world.districtDispatcher;
}

function handlerOf(s: Story, unitId: number): Staff {
  const handler = s.world.handlers.get(unitId);
  if (!handler) throw new Error(`unit ${unitId} has no handler account`);
  return handler;
}

function unitName(s: Story, handler: Staff): string {
  return s.world.unitNames.get(handler.unitId as number) ?? "承办单位";
}

/** Extensions are asked for on limits of a working week or more (not on urgent or 2-day ones). */
function longLimit(s: Story): boolean {
  const { handling } = ruleOf(s);
  return handling.unit === "working_days" && handling.amount >= 5;
}

/** The order's time-limit rule. */
function ruleOf(s: Story) {
  return s.world.timeLimits.ruleFor({
    categoryCode: s.t.row.category_code,
    type: s.t.row.demand_type,
    urgent: s.t.row.urgent,
  });
}

/** The unit an order is dispatched to at its level: a department, the street office or the committee. */
function unitFor(s: Story): number {
  const local = localUnits(s.world, s.grid);
  const level: HandlingLevel = s.t.row.handling_level;
  if (level === "community" || level === "grid") return local.committee;
  if (level === "street") return s.route.unitId && s.r.chance(0.35) ? s.route.unitId : local.streetOffice;
  return s.route.unitId ?? local.streetOffice;
}

/** The grid's place in the region tree, as the routing rules see it. */
export function placementOf(grid: PlacedGrid): Placement {
  return {
    districtCode: grid.code.slice(0, 6),
    streetCode: grid.streetCode,
    communityCode: grid.communityCode,
    gridCode: grid.code,
  };
}
