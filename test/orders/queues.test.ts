import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { categoryAt, pointInGrid, regionOf, submit } from "../helpers/orders.js";

let t: TestApp;
let districtHeld: string;
let streetHeld: string;

beforeAll(async () => {
  t = await createTestApp();
  const point = await pointInGrid(t, await regionOf(t, "gridworker"));
  const file = async (categoryCode: string, content: string) => {
    const response = await submit(t, "operator", {
      channel: "12345",
      channelFields: { workOrderNo: `Q${Math.random()}` },
      content,
      categoryCode,
      location: point,
      caller: { name: "周先生", phone: "13700002222" },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().orderNo as string;
  };
  districtHeld = await file(await categoryAt(t, "district", "rsj"), "公司拖欠三个月工资，请帮忙讨薪");
  streetHeld = await file(await categoryAt(t, "street"), "路口井盖松动，车辆经过时响动很大");
});
afterAll(() => t.close());

async function queue(user: string, query: string): Promise<string[]> {
  const cookie = await t.login(user);
  const response = await t.app.inject({ url: `/api/orders?state=registered${query}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { orderNo: string }[]).map((o) => o.orderNo);
}

describe("a street's 待受理 queue (issue 10, finding 6)", () => {
  it("lists only what the street holds; an order in the street held by the district is listed as held above", async () => {
    const mine = await queue("street-dispatcher", "&held=mine");
    expect(mine).toContain(streetHeld);
    expect(mine).not.toContain(districtHeld);
    const above = await queue("street-dispatcher", "&held=above");
    expect(above).toEqual([districtHeld]);
    // The district holds both: nothing of its own is "above" it.
    expect(await queue("district-dispatcher", "&held=mine")).toEqual(expect.arrayContaining([districtHeld]));
    expect(await queue("district-dispatcher", "&held=above")).toEqual([]);
  });
});
