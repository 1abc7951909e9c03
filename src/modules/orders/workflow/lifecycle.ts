import type { Role } from "../../../db/schema.js";

/**
 * The closed loop 受理-派单-办理-答复-回访-办结 as data: every state, every action, and for each action
 * the states it may start from, where it leads and who may take it. `transition.ts` is the only
 * reader of this table and the order repository the only writer of an order's state.
 */
export const ORDER_STATES = [
  "registered", // 登记: waiting at its handling level to be accepted
  "accepted", // 受理
  "rejected", // 不予受理 (invalid, with a reason): terminal
  "dispatched", // 已派单, waiting for the unit to sign
  "handling", // 办理中
  "replied", // 已答复, waiting for the command centre to verify
  "verified", // 已审核, waiting for the return visit
  "visited", // 已回访
  "closed", // 办结: terminal
  "merged", // 已合并 into another order, which carries the handling: terminal for this record
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const OPEN_STATES: readonly OrderState[] = [
  "registered",
  "accepted",
  "dispatched",
  "handling",
  "replied",
  "verified",
  "visited",
];

/**
 * Who, relative to the order, may act:
 * - commander: a dispatcher/staff member (or, at grid level, the grid worker) whose jurisdiction covers the order's holder
 * - main_unit: a handler of the order's main unit (主办单位)
 * - overseer: anyone whose jurisdiction covers the order (supervisors, leaders, operators)
 * - caller: the resident who submitted it
 */
export type Relation = "commander" | "main_unit" | "overseer" | "caller";

/** Where an action leads: a state, "same" for actions that only record, or a state per starting state. */
export type Target = OrderState | "same" | Partial<Record<OrderState, OrderState | "same">>;

export interface ActionRule {
  from: readonly OrderState[];
  to: Target;
  roles: readonly Role[];
  relation: readonly Relation[];
  /**
   * How the action is taken: absent for the steps of the loop (POST /api/orders/:id/actions/…,
   * offered as buttons), "record" for what is recorded beside the loop through its own page and
   * route, "system" for what Minhu does itself (no role holds it).
   */
  by?: "record" | "system";
}

const COMMANDERS: readonly Role[] = ["dispatcher", "staff", "grid_worker"];
const IN_PROGRESS: readonly OrderState[] = ["dispatched", "handling", "replied"];
/** Dispatched and not yet replied: the handling clock runs. */
export const RUNNING: readonly OrderState[] = ["dispatched", "handling"];

export const ACTIONS = {
  accept: { from: ["registered"], to: "accepted", roles: COMMANDERS, relation: ["commander"] },
  reject: { from: ["registered", "accepted"], to: "rejected", roles: COMMANDERS, relation: ["commander"] },
  /** 上报: hand the order to the next level up, where it waits to be accepted again. */
  escalate: {
    from: ["registered", "accepted"],
    to: "registered",
    roles: COMMANDERS,
    relation: ["commander"],
  },
  dispatch: { from: ["accepted"], to: "dispatched", roles: ["dispatcher", "staff"], relation: ["commander"] },
  /** 就地办结: a grid worker solves a grid-level matter in person. */
  solve_on_spot: {
    from: ["registered", "accepted"],
    to: "replied",
    roles: ["grid_worker"],
    relation: ["commander"],
  },
  sign: { from: ["dispatched"], to: "handling", roles: ["unit_handler"], relation: ["main_unit"] },
  /** 退单: a wrong dispatch goes back to the dispatcher within the return window. */
  return: { from: ["dispatched"], to: "accepted", roles: ["unit_handler"], relation: ["main_unit"] },
  /** 改派 */
  transfer: {
    from: ["dispatched", "handling"],
    to: "dispatched",
    roles: ["dispatcher", "staff"],
    relation: ["commander"],
  },
  request_extension: { from: ["handling"], to: "same", roles: ["unit_handler"], relation: ["main_unit"] },
  decide_extension: {
    from: ["handling"],
    to: "same",
    roles: ["dispatcher", "staff"],
    relation: ["commander"],
  },
  reply: { from: ["handling"], to: "replied", roles: ["unit_handler"], relation: ["main_unit"] },
  verify: { from: ["replied"], to: "verified", roles: COMMANDERS, relation: ["commander"] },
  /** 退回重办 before the visit: the reply is not good enough. */
  rework: { from: ["replied"], to: "handling", roles: COMMANDERS, relation: ["commander"] },
  /** A merged order's caller is visited too, but the order stays merged. */
  visit: {
    from: ["verified", "merged"],
    to: { verified: "visited", merged: "same" },
    roles: ["operator", "dispatcher", "staff", "grid_worker", "resident"],
    relation: ["overseer", "commander", "caller"],
  },
  /** 重办 after an unsolved or unsatisfied visit, approved by the command centre. */
  reopen: { from: ["visited"], to: "handling", roles: ["dispatcher", "staff"], relation: ["commander"] },
  close: { from: ["visited", "verified"], to: "closed", roles: COMMANDERS, relation: ["commander"] },
  merge: {
    from: ["registered", "accepted"],
    to: "merged",
    roles: ["operator", "dispatcher", "staff"],
    relation: ["commander", "overseer"],
  },
  /** 催办/督办 */
  urge: {
    from: IN_PROGRESS,
    to: "same",
    roles: ["supervisor", "dispatcher", "leader"],
    relation: ["overseer", "commander"],
  },
  /** 谁行谁评: the unit rates the dispatch it received. */
  rate_dispatch: {
    from: ["handling", "replied", "verified", "visited", "closed"],
    to: "same",
    roles: ["unit_handler"],
    relation: ["main_unit"],
  },
  /** 调整台账: file the order in another of the four ledgers (e.g. 一般问题 → 疑难问题). */
  refile: { from: ORDER_STATES, to: "same", roles: ["dispatcher"], relation: ["overseer"], by: "record" },
  /** 社会评价: a spot check of how the order was handled, evidence for assessment. */
  spot_check: {
    from: ORDER_STATES,
    to: "same",
    roles: ["supervisor", "admin"],
    relation: ["overseer"],
    by: "record",
  },
  /** 时限预警: the deadline watch raises the warning level (yellow at 75% of the limit, red overdue). */
  warn: { from: RUNNING, to: "same", roles: [], relation: [], by: "system" },
  /** 自动督办: an overdue order is put under supervision, once. */
  supervise: { from: RUNNING, to: "same", roles: [], relation: [], by: "system" },
  /** A merged order's caller hears the reply of the order it was merged into (件件有着落). */
  share_reply: { from: ["merged"], to: "same", roles: [], relation: [], by: "system" },
  /** …and it is closed with it. */
  share_close: { from: ["merged"], to: "same", roles: [], relation: [], by: "system" },
  /** 12345 更新: the city platform sent a changed version of the work order (text, caller, address). */
  city_update: { from: ORDER_STATES, to: "same", roles: [], relation: [], by: "system" },
} as const satisfies Record<string, ActionRule>;

export type OrderAction = keyof typeof ACTIONS;
/** Recorded beside the loop through their own module and route (their effects live there). */
export type RecordAction = {
  [A in OrderAction]: (typeof ACTIONS)[A] extends { by: "record" } ? A : never;
}[OrderAction];
/** The steps of the loop users take through the actions route; the UI offers them as buttons. */
export type WorkflowAction = {
  [A in OrderAction]: (typeof ACTIONS)[A] extends { by: string } ? never : A;
}[OrderAction];
export const ORDER_ACTIONS = (Object.keys(ACTIONS) as OrderAction[]).filter(
  (action) => !(ACTIONS[action] as ActionRule).by,
) as WorkflowAction[];

/** The state an action leads to from a given state. */
export function targetOf(rule: ActionRule, from: OrderState): OrderState {
  const to = typeof rule.to === "string" ? rule.to : (rule.to[from] ?? "same");
  return to === "same" ? from : to;
}

/** The next handling level when escalating (上报); district is the top. */
export const NEXT_LEVEL = {
  grid: "community",
  community: "street",
  street: "district",
  district: null,
} as const;
