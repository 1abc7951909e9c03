import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import {
  act,
  categoryAt,
  getOrder,
  must,
  pointInGrid,
  REPLY,
  regionOf,
  submit,
  unitId,
} from "../helpers/orders.js";

/**
 * Issue 10, finding 14: a unit's 答复 carries photos of the result (处置后照片), checked like the
 * photos of a demand at intake, kept with the order and shown as the reply's, to those who may see
 * the order.
 */

let t: TestApp;
let point: { lng: number; lat: number };
let wage: string;
let rsj: number;

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const photo = (fileName: string, bytes = PNG) => ({ fileName, content: bytes.toString("base64") });

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
  rsj = await unitId(t, "rsj");
});
afterAll(() => t.close());

/** A wage demand with a photo from the caller, dispatched to 人社局 and signed there. */
async function inHandling(): Promise<string> {
  const response = await submit(t, "operator", {
    channel: "12345",
    channelFields: { workOrderNo: `RP${Math.random()}` },
    content: "工地老板拖欠我们三个月工资不给，请帮忙讨薪",
    categoryCode: wage,
    type: "complaint",
    location: point,
    caller: { name: "李女士", phone: "13700002222" },
    attachments: [photo("工地.png")],
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  await must(t, "district-dispatcher", id, "accept");
  await must(t, "district-dispatcher", id, "dispatch", { mainUnitId: rsj });
  await must(t, "rsj-handler", id, "sign");
  return id;
}

async function storedPhotos(id: string): Promise<number> {
  const rows = await t.ctx.db.selectFrom("attachments").select("id").where("order_id", "=", id).execute();
  return rows.length;
}

describe("photos with a unit's reply (处置后照片)", () => {
  it("are stored with the reply, listed as the reply's and served to those who see the order", async () => {
    const id = await inHandling();
    const replied = await must(t, "rsj-handler", id, "reply", {
      ...REPLY,
      attachments: [photo("已发放工资.png"), photo("签收单.png")],
    });
    expect(replied.state).toBe("replied");

    const detail = (await getOrder(t, "district-dispatcher", id)).json();
    const byStage = (stage: string) =>
      detail.attachments
        .filter((a: { stage: string }) => a.stage === stage)
        .map((a: { fileName: string }) => a.fileName);
    expect(byStage("intake")).toEqual(["工地.png"]);
    expect(byStage("reply").sort()).toEqual(["已发放工资.png", "签收单.png"]);
    const event = detail.history.find((e: { action: string }) => e.action === "reply");
    expect(event.data.attachmentIds).toHaveLength(2);

    const replyPhoto = detail.attachments.find((a: { stage: string }) => a.stage === "reply");
    const url = `/api/orders/${id}/attachments/${replyPhoto.id}`;
    const served = await t.app.inject({ url, headers: { cookie: await t.login("rsj-handler") } });
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    // Another unit does not see the order, nor its photos.
    const other = await t.app.inject({ url, headers: { cookie: await t.login("zjj-handler") } });
    expect(other.statusCode).toBe(404);
  });

  it("a file that is not an image fails the whole reply: nothing is stored, the order stays in handling", async () => {
    const id = await inHandling();
    const response = await act(t, "rsj-handler", id, "reply", {
      ...REPLY,
      attachments: [photo("ok.png"), photo("x.jpg", Buffer.from("MZ not an image"))],
    });
    expect(response.statusCode).toBe(415);
    expect(Object.keys(response.json())).toEqual(expect.arrayContaining(["code", "message"]));
    expect((await getOrder(t, "rsj-handler", id)).json().state).toBe("handling");
    expect(await storedPhotos(id)).toBe(1);
  });

  it("at most six photos, as at intake", async () => {
    const id = await inHandling();
    const response = await act(t, "rsj-handler", id, "reply", {
      ...REPLY,
      attachments: Array.from({ length: 7 }, (_, n) => photo(`${n}.png`)),
    });
    expect(response.statusCode).toBe(400);
    expect(await storedPhotos(id)).toBe(1);
  });

  it("a reply without photos is as before", async () => {
    const id = await inHandling();
    const replied = await must(t, "rsj-handler", id, "reply", REPLY);
    expect(replied.state).toBe("replied");
    const detail = (await getOrder(t, "rsj-handler", id)).json();
    expect(detail.attachments.map((a: { stage: string }) => a.stage)).toEqual(["intake"]);
  });
});
