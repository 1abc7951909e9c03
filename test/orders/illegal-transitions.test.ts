import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTIONS,
  ORDER_ACTIONS,
  ORDER_STATES,
  type WorkflowAction as OrderAction,
  type OrderState,
} from "../../src/modules/orders/workflow/lifecycle.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import {
  act,
  categoryAt,
  must,
  pointInGrid,
  REPLY,
  regionOf,
  stateOf,
  submit,
  UNSATISFIED,
  unitId,
} from "../helpers/orders.js";

let t: TestApp;
const orderIn = new Map<OrderState, string>();

/** A valid body for every action, so that only the state can make it fail. */
const INPUTS: Record<OrderAction, Record<string, unknown>> = {
  accept: {},
  reject: { reason: "无效诉求" },
  escalate: { reason: "上报" },
  dispatch: { mainUnitId: 1 },
  solve_on_spot: REPLY,
  sign: {},
  return: { reason: "派错单位" },
  transfer: { mainUnitId: 1 },
  request_extension: { workingDays: 2, reason: "需要更多时间" },
  decide_extension: { approve: true },
  reply: REPLY,
  verify: {},
  rework: { reason: "答复不清" },
  visit: UNSATISFIED,
  reopen: { reason: "重办" },
  close: { note: "办结" },
  merge: { targetOrderId: "1" },
  urge: { note: "催办" },
  rate_dispatch: { rightUnit: true, reasonable: true },
};

beforeAll(async () => {
  t = await createTestApp();
  const point = await pointInGrid(t, await regionOf(t, "gridworker"));
  const category = await categoryAt(t, "district", "rsj");
  const rsj = await unitId(t, "rsj");
  const create = async () =>
    (
      await submit(t, "operator", {
        channel: "12345",
        channelFields: { workOrderNo: "X1" },
        content: "拖欠工资三个月未发放，请求帮助",
        categoryCode: category,
        location: point,
      })
    ).json().id as string;
  // Each order is driven by the real workflow to the state it stands for.
  const path: [OrderState, string, OrderAction, Record<string, unknown>][] = [
    ["accepted", "district-dispatcher", "accept", {}],
    ["dispatched", "district-dispatcher", "dispatch", { mainUnitId: rsj }],
    ["handling", "rsj-handler", "sign", {}],
    ["replied", "rsj-handler", "reply", REPLY],
    ["verified", "district-dispatcher", "verify", {}],
    ["visited", "operator", "visit", UNSATISFIED],
    ["closed", "district-dispatcher", "close", {}],
  ];
  for (let n = 0; n <= path.length; n++) {
    const id = await create();
    for (const [, user, action, input] of path.slice(0, n)) await must(t, user, id, action, input);
    orderIn.set(n === 0 ? "registered" : path[n - 1][0], id);
  }
  const rejected = await create();
  await must(t, "district-dispatcher", rejected, "reject", { reason: "无效" });
  orderIn.set("rejected", rejected);
  const merged = await create();
  await must(t, "operator", merged, "merge", { targetOrderId: orderIn.get("registered") });
  orderIn.set("merged", merged);
});
afterAll(() => t.close());

const forbiddenPairs = ORDER_STATES.flatMap((state) =>
  ORDER_ACTIONS.filter((action) => !(ACTIONS[action].from as readonly string[]).includes(state)).map(
    (action) => [state, action] as const,
  ),
);

describe("every (state, action) pair the lifecycle does not allow", () => {
  it("covers every state", () => {
    expect([...orderIn.keys()].sort()).toEqual([...ORDER_STATES].sort());
  });

  it.each(forbiddenPairs)("%s + %s → 409 ILLEGAL_TRANSITION, nothing changes", async (state, action) => {
    const id = orderIn.get(state) as string;
    const before = await stateOf(t, id);
    const response = await act(t, "district-dispatcher", id, action, INPUTS[action]);
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().code).toBe("ILLEGAL_TRANSITION");
    expect(await stateOf(t, id)).toEqual(before);
  });
});
