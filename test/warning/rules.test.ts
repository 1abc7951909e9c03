import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runWarningRules } from "../../src/modules/warning/run.js";
import { chinaDateTime, endOfChinaDay } from "../../src/platform/calendar/china-time.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { must, pointInGrid, REPLY, submit, unitId } from "../helpers/orders.js";
import { DAY, grids, leafOf, pastDemand, warnings, wipe } from "./fixtures.js";

let t: TestApp;
let grid: string;
let water: string;
/** Thursday 2026-11-26 10:00 China time. */
const NOW = chinaDateTime("2026-11-26", "10:00");

beforeAll(async () => {
  t = await createTestApp();
  [grid] = await grids(t, 1);
  water = await leafOf(t, "0202");
});
beforeEach(async () => {
  await wipe(t);
  t.setNow(NOW);
});
afterAll(() => t.close());

/** A demand through the API, submitted by the 12345 operator at `at`. */
async function demand(
  at: Date,
  fields: { grid?: string; category?: string; phone?: string; type?: string } = {},
): Promise<string> {
  t.setNow(at);
  const response = await submit(t, "operator", {
    channel: "12345",
    channelFields: { workOrderNo: `W${at.getTime()}${Math.random()}` },
    content: "小区停水两天了，一直没有来水，也没有通知",
    categoryCode: fields.category ?? water,
    type: fields.type ?? "complaint",
    location: await pointInGrid(t, fields.grid ?? grid),
    caller: {
      name: "王先生",
      phone: fields.phone ?? `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  t.setNow(NOW);
  return response.json().id;
}

/** One past demand in each of the 8 baseline weeks. */
async function baselineOfOnePerWeek(): Promise<void> {
  for (let week = 1; week <= 8; week++)
    await pastDemand(t, { grid, category: water, at: new Date(NOW.getTime() - (week * 7 + 3) * DAY) });
}

describe("(a) category spike", () => {
  it("fires for one grid's level-2 category far above its 8-week baseline, once however often it runs", async () => {
    await baselineOfOnePerWeek();
    for (let i = 1; i <= 6; i++) await demand(new Date(NOW.getTime() - i * 3_600_000));
    const first = await runWarningRules(t.ctx);
    expect(first.found.category_spike).toBe(1);
    const [spike] = await warnings(t, "category_spike");
    expect(spike).toMatchObject({ region_code: grid, category_code: water.slice(0, 4), state: "open" });
    expect(spike.detail).toMatchObject({ count: 6, mean: 1, threshold: 6 });
    expect(spike.order_ids).toHaveLength(6);
    const again = await runWarningRules(t.ctx);
    expect(again.created).toBe(0);
    expect((await warnings(t, "category_spike")).map((w) => w.id)).toEqual([spike.id]);
  });

  it("does not fire while the week stays under the threshold (5 against a baseline of 1 a week)", async () => {
    await baselineOfOnePerWeek();
    for (let i = 1; i <= 5; i++) await demand(new Date(NOW.getTime() - i * 3_600_000));
    await runWarningRules(t.ctx);
    expect(await warnings(t, "category_spike")).toEqual([]);
  });
});

describe("(b) repeat caller", () => {
  it("fires for one caller's third demand within 30 days, showing only the masked phone", async () => {
    for (const daysAgo of [20, 9, 1])
      await demand(new Date(NOW.getTime() - daysAgo * DAY), { phone: "13800138000" });
    await runWarningRules(t.ctx);
    const [repeat, ...rest] = await warnings(t, "repeat_caller");
    expect(rest).toEqual([]);
    expect(repeat.detail).toMatchObject({ kind: "caller", count: 3, phoneMasked: "138****8000" });
    expect(JSON.stringify(repeat)).not.toContain("13800138000");
  });

  it("does not fire when the first of three demands lies more than 30 days back", async () => {
    for (const daysAgo of [40, 9, 1])
      await demand(new Date(NOW.getTime() - daysAgo * DAY), { phone: "13800138000" });
    await runWarningRules(t.ctx);
    expect(await warnings(t, "repeat_caller")).toEqual([]);
  });

  it("fires for one address written differently by three callers", async () => {
    const spellings = ["互助路23号院5号楼", "互助路２３号院 5号楼", "碑林区互助路23号院5号楼"];
    for (const [i, address] of spellings.entries())
      await pastDemand(t, {
        grid,
        category: water,
        at: new Date(NOW.getTime() - (i + 1) * DAY),
        address,
        phone: `1370000000${i}`,
      });
    await runWarningRules(t.ctx);
    expect((await warnings(t, "repeat_caller")).map((w) => w.detail)).toMatchObject([
      { kind: "address", count: 3 },
    ]);
  });
});

describe("(c) common problem", () => {
  it("proposes one level-3 problem raised in 3 communities within 30 days, as 共性问题 and 每月一题 candidate", async () => {
    for (const [i, g] of (await grids(t, 3)).entries())
      await demand(new Date(NOW.getTime() - (i + 1) * 5 * DAY), { grid: g });
    await runWarningRules(t.ctx);
    const [common, ...rest] = await warnings(t, "common_problem");
    expect(rest).toEqual([]);
    expect(common).toMatchObject({ category_code: water, region_code: "610103001" });
    expect(common.detail).toMatchObject({ proposedLedger: "common", monthlyTopicCandidate: true });
    expect(common.detail.communities).toHaveLength(3);
  });

  it("does not propose a problem raised in 2 communities, nor count demands older than 30 days", async () => {
    const [a, b, c] = await grids(t, 3);
    await demand(new Date(NOW.getTime() - 2 * DAY), { grid: a });
    await demand(new Date(NOW.getTime() - 3 * DAY), { grid: b });
    await demand(new Date(NOW.getTime() - 4 * DAY), { grid: b });
    await pastDemand(t, { grid: c, category: water, at: new Date(NOW.getTime() - 31 * DAY) });
    await runWarningRules(t.ctx);
    expect(await warnings(t, "common_problem")).toEqual([]);
  });
});

describe("(d) due soon", () => {
  /** A consultation (2 working days) dispatched on Monday 2026-11-23: due at the end of Wednesday. */
  async function dispatchedOnMonday(): Promise<string> {
    const id = await demand(chinaDateTime("2026-11-23", "09:00"), { type: "consult" });
    t.setNow(chinaDateTime("2026-11-23", "10:00"));
    await must(t, "district-dispatcher", id, "accept");
    const order = await must(t, "district-dispatcher", id, "dispatch", {
      mainUnitId: await unitId(t, "swj"),
    });
    expect(new Date(order.handlingDueAt)).toEqual(endOfChinaDay("2026-11-25"));
    return id;
  }

  it("fires on Tuesday for an order due by the end of Wednesday, the next working day", async () => {
    const id = await dispatchedOnMonday();
    t.setNow(chinaDateTime("2026-11-24", "10:00"));
    await runWarningRules(t.ctx);
    const [due] = await warnings(t, "due_soon");
    expect(due.order_ids).toEqual([id]);
    expect(due.title).toContain("11-25 23:59");
  });

  it("does not fire on Monday, when the next working day ends before the deadline", async () => {
    await dispatchedOnMonday();
    t.setNow(chinaDateTime("2026-11-23", "11:00"));
    await runWarningRules(t.ctx);
    expect(await warnings(t, "due_soon")).toEqual([]);
  });

  it("closes itself once the unit has replied", async () => {
    const id = await dispatchedOnMonday();
    t.setNow(chinaDateTime("2026-11-24", "10:00"));
    await runWarningRules(t.ctx);
    await must(t, "swj-handler", id, "sign");
    await must(t, "swj-handler", id, "reply", REPLY);
    const run = await runWarningRules(t.ctx);
    expect(run.ended).toBe(1);
    const [due] = await warnings(t, "due_soon");
    expect(due).toMatchObject({ state: "dismissed", acknowledged_by: null });
    expect(due.action_note).toContain("自动");
  });
});
