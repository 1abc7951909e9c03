import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/audit/rules.js";
import { retrainFromDistrict } from "../../src/modules/routing/learning.js";
import { activeRoutingModel } from "../../src/modules/routing/model/active.js";
import { serializeArtefact } from "../../src/modules/routing/model/artefact.js";
import { HYPER_PARAMETERS, type LabelledText, trainArtefact } from "../../src/modules/routing/model/train.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { act, categoryAt, must, pointInGrid, regionOf, submit, unitId } from "../helpers/orders.js";

let t: TestApp;
let point: { lng: number; lat: number };
let wage: string;

beforeAll(async () => {
  t = await createTestApp();
  point = await pointInGrid(t, await regionOf(t, "gridworker"));
  wage = await categoryAt(t, "district", "rsj");
});
afterAll(() => t.close());

const TEXT = "我在工地干了三个月活，包工头一直拖着工资不给，现在人也联系不上了";

const labels = () => t.ctx.db.selectFrom("routing_labels").selectAll().orderBy("id").execute();

describe("routing learns from the district", () => {
  let orderId: string;

  it("stores the operator's category at intake as a label, beside the model's suggestion", async () => {
    const response = await submit(t, "operator", {
      channel: "12345",
      channelFields: { workOrderNo: "SX-7001" },
      content: TEXT,
      categoryCode: "050102",
      location: point,
      caller: { name: "刘师傅", phone: "13811112222" },
    });
    expect(response.statusCode, response.body).toBe(201);
    orderId = response.json().id;
    const [label] = await labels();
    expect(label).toMatchObject({ source: "intake", category_code: "050102", text: TEXT });
    expect(label.suggested_code).toMatch(/^05/);
    expect(label.model_version).toBe(activeRoutingModel().version);
  });

  it("takes a dispatcher's correction on accept and on transfer as labels, and corrects the order", async () => {
    const holder = (
      await t.ctx.db
        .selectFrom("orders")
        .select("handling_level")
        .where("id", "=", orderId)
        .executeTakeFirstOrThrow()
    ).handling_level;
    const dispatcher = holder === "district" ? "district-dispatcher" : "street-dispatcher";
    const unknown = await act(t, dispatcher, orderId, "accept", { categoryCode: "999999" });
    expect(unknown.statusCode).toBe(400);
    expect((await labels()).length).toBe(1);

    const accepted = await must(t, dispatcher, orderId, "accept", { categoryCode: wage });
    expect(accepted.category.code).toBe(wage);
    await must(t, dispatcher, orderId, "dispatch", { mainUnitId: await unitId(t, "rsj") });
    const transferred = await must(t, dispatcher, orderId, "transfer", {
      mainUnitId: await unitId(t, "rsj"),
      categoryCode: "050101",
      note: "分类有误：是农民工欠薪",
    });
    expect(transferred.category.code).toBe("050101");
    expect((await labels()).map((label) => [label.source, label.category_code])).toEqual([
      ["intake", "050102"],
      ["accept", wage],
      ["transfer", "050101"],
    ]);
  });

  it("retrains on the corrected label and does not promote a model that scores worse", async () => {
    const active = activeRoutingModel().version;
    let seen: LabelledText[] = [];
    // A trainer that learns from the district's labels alone: far worse on the evaluation set.
    const labelsOnly = async (given: LabelledText[]) => {
      seen = given;
      return serializeArtefact(
        trainArtefact(given, { ...HYPER_PARAMETERS, minDocumentFrequency: 1 }),
        "district",
      );
    };
    const outcome = await retrainFromDistrict(t.ctx.db, new Date(), SYSTEM_ACTOR, labelsOnly);
    expect(seen).toEqual([
      { text: TEXT, category: "050101", type: expect.any(String), urgent: false, source: "label" },
    ]);
    expect(outcome.promoted).toBe(false);
    expect(outcome.scores.overall).toBeLessThan(outcome.activeScores.overall);
    expect(activeRoutingModel().version).toBe(active);
    const stored = await t.ctx.db.selectFrom("routing_models").selectAll().execute();
    expect(stored.map((row) => [row.version, row.status, row.label_count])).toEqual([
      [outcome.version, "rejected", 1],
    ]);
  });

  it("shows the administrator the model's version, scores, history and suggestion acceptance", async () => {
    const denied = await t.app.inject({
      url: "/api/routing/model",
      headers: { cookie: await t.login("operator") },
    });
    expect(denied.statusCode).toBe(403);
    const response = await t.app.inject({
      url: "/api/routing/model",
      headers: { cookie: await t.login("admin") },
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page.active.version).toBe(activeRoutingModel().version);
    expect(page.active.scores.topTop1).toBeGreaterThan(0);
    expect(page.labels).toBe(3);
    expect(page.history[0].status).toBe("rejected");
    expect(page.acceptance.find((row: { source: string }) => row.source === "transfer").labels).toBe(1);
  });
});
