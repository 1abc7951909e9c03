import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, must, pointInGrid, regionOf, submit, unitId } from "../helpers/orders.js";

let t: TestApp;
let point: { lng: number; lat: number };
let wage: string;

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
});
afterAll(() => t.close());

async function dispatchedAt(instant: string, type: string, urgent = false) {
  t.setNow(new Date(instant));
  const order = (
    await submit(t, "operator", {
      channel: "12345",
      channelFields: { workOrderNo: `D-${instant}` },
      content: "老板拖欠我们三个月工资不给，请帮忙讨薪",
      categoryCode: wage,
      type,
      urgent,
      location: point,
    })
  ).json();
  await must(t, "district-dispatcher", order.id, "accept");
  return must(t, "district-dispatcher", order.id, "dispatch", { mainUnitId: await unitId(t, "rsj") });
}

describe("deadlines stored on dispatch, on the real 2026 calendar", () => {
  it("a 投诉 dispatched on 2026-09-30 is due at the end of 2026-10-27: 国庆 skipped, the 调休 Saturday 10-10 counted", async () => {
    // Working days after 09-30: 10-08, 10-09, 10-10 (Sat, 调休), 10-12 … 10-27 is the 15th.
    const order = await dispatchedAt("2026-09-30T10:00:00+08:00", "complaint");
    expect(order.handlingDueAt).toBe("2026-10-27T15:59:59.999Z");
    // Signing within 2 working hours from 10:00 China time.
    expect(order.responseDueAt).toBe("2026-09-30T04:00:00.000Z");
  });

  it("a 咨询 dispatched on Friday 2026-11-27 is due on Tuesday 12-01", async () => {
    const order = await dispatchedAt("2026-11-27T16:00:00+08:00", "consult");
    expect(order.handlingDueAt).toBe("2026-12-01T15:59:59.999Z");
  });

  it("an urgent matter runs on calendar hours: due 24 hours after dispatch, even over a holiday", async () => {
    const order = await dispatchedAt("2026-10-01T20:00:00+08:00", "help", true);
    expect(order.handlingDueAt).toBe("2026-10-02T12:00:00.000Z");
    expect(order.responseDueAt).toBe("2026-10-01T12:30:00.000Z");
  });
});
