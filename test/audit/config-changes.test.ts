import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActor } from "../../src/modules/audit/rules.js";
import { RESULT_TOPIC } from "../../src/modules/city-hotline/results.js";
import { retrainFromDistrict } from "../../src/modules/routing/learning.js";
import { serializeArtefact } from "../../src/modules/routing/model/artefact.js";
import { HYPER_PARAMETERS, type LabelledText, trainArtefact } from "../../src/modules/routing/model/train.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { unitId } from "../helpers/orders.js";

/**
 * Finding 12, the rest of it: every configuration change and every export is in the audit log with
 * who, from where, what and (for configuration) what changed, written in the change's transaction:
 * a refused change leaves no row.
 */
let t: TestApp;
let admin: string;
const NOISE: LabelledText = {
  text: "楼下饭店晚上音响太吵",
  category: "030102",
  type: "complaint",
  urgent: false,
  source: "label",
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
}, 180_000);
afterAll(() => t.close());

async function rows(action: string) {
  return t.ctx.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
}

async function call(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
  cookie = admin,
) {
  return t.app.inject({ method, url, payload, headers: { cookie } });
}

/** The last row of an action, asserted to be the admin's from the test client. */
async function lastByAdmin(action: string) {
  const row = (await rows(action)).at(-1);
  expect(row, action).toMatchObject({ actor_username: "admin", actor_role: "admin", client: "127.0.0.1" });
  return row;
}

/** Runs a refused change and proves it wrote no row of the action. */
async function refusedLeavesNoRow(
  action: string,
  change: () => Promise<{ statusCode: number }>,
  status: number,
) {
  const before = (await rows(action)).length;
  expect((await change()).statusCode).toBe(status);
  expect(await rows(action)).toHaveLength(before);
}

describe("configuration changes", () => {
  it("config.assessment_weights: only the weights that changed, before and after", async () => {
    const weights = (await call("GET", "/api/assessment/settings")).json();
    const changed = { ...weights, response: weights.response - 5, onTime: weights.onTime + 5 };
    expect((await call("PUT", "/api/assessment/settings", changed)).statusCode).toBe(200);
    expect(await lastByAdmin("config.assessment_weights")).toMatchObject({
      before: { response: weights.response, onTime: weights.onTime },
      after: { response: weights.response - 5, onTime: weights.onTime + 5 },
    });
    const sumsTo95 = { ...weights, response: weights.response - 5 };
    await refusedLeavesNoRow(
      "config.assessment_weights",
      () => call("PUT", "/api/assessment/settings", sumsTo95),
      400,
    );
  });

  it("config.category: a rename as the name before and after", async () => {
    const { items } = (await call("GET", "/api/categories")).json();
    const { code, name } = items[0];
    expect((await call("PATCH", `/api/categories/${code}`, { name: `${name}（改）` })).statusCode).toBe(200);
    expect(await lastByAdmin("config.category")).toMatchObject({
      target_id: code,
      before: { name },
      after: { name: `${name}（改）` },
    });
    await refusedLeavesNoRow(
      "config.category",
      () => call("PATCH", "/api/categories/9999", { name: "无" }),
      404,
    );
  });

  it("config.unit: a new unit whole, a change as the fields that changed", async () => {
    const unit = { code: "audit-unit", name: "审计物业", kind: "enterprise", regionCode: "610103001" };
    const created = await call("POST", "/api/units", unit);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(await lastByAdmin("config.unit")).toMatchObject({
      target_type: "unit",
      target_id: String(id),
      before: null,
      after: { code: "audit-unit", name: "审计物业" },
    });
    expect((await call("PATCH", `/api/units/${id}`, { name: "审计物业公司" })).statusCode).toBe(200);
    expect(await lastByAdmin("config.unit")).toMatchObject({
      before: { name: "审计物业" },
      after: { name: "审计物业公司" },
    });
    await refusedLeavesNoRow("config.unit", () => call("POST", "/api/units", unit), 409);
  });

  it("config.place: added, corrected (what moved) and retired", async () => {
    const [grid, other] = t.ctx.places.entries.filter((e) => e.kind === "grid");
    const landmark = {
      kind: "landmark",
      name: "审计测试驿站",
      category: "government",
      lng: grid.lng,
      lat: grid.lat,
    };
    const created = await call("POST", "/api/places", landmark);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(await lastByAdmin("config.place")).toMatchObject({
      target_id: String(id),
      after: { name: "审计测试驿站", lng: grid.lng },
    });
    const moved = await call("PUT", `/api/places/${id}`, { ...landmark, lng: other.lng, lat: other.lat });
    expect(moved.statusCode).toBe(200);
    const correction = await lastByAdmin("config.place");
    expect(correction?.before).toEqual({ lng: grid.lng, lat: grid.lat });
    expect(correction?.after).toEqual({ lng: other.lng, lat: other.lat });
    expect((await call("DELETE", `/api/places/${id}`)).statusCode).toBe(204);
    expect(await lastByAdmin("config.place")).toMatchObject({ after: { active: false } });
    const outside = { ...landmark, name: "大雁塔", lng: 108.964, lat: 34.219 };
    await refusedLeavesNoRow("config.place", () => call("POST", "/api/places", outside), 404);
    await refusedLeavesNoRow("config.place", () => call("DELETE", `/api/places/${id}`), 404);
  });

  it("config.catalogue: a row added, changed and removed", async () => {
    const [street, cgj] = [await unitId(t, "jd610103001"), await unitId(t, "cgj")];
    const row = {
      categoryCode: "030102",
      regionCode: "610103001",
      handlingLevel: "street",
      unitId: street,
      assistingUnitIds: [cgj],
    };
    const created = await call("POST", "/api/catalogue", row);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(await lastByAdmin("config.catalogue")).toMatchObject({
      target_id: String(id),
      after: { categoryCode: "030102", unitId: street },
    });
    expect((await call("PATCH", `/api/catalogue/${id}`, { assistingUnitIds: [] })).statusCode).toBe(200);
    expect(await lastByAdmin("config.catalogue")).toMatchObject({
      before: { assistingUnitIds: [cgj] },
      after: { assistingUnitIds: [] },
    });
    await refusedLeavesNoRow("config.catalogue", () => call("POST", "/api/catalogue", row), 409);
    expect((await call("DELETE", `/api/catalogue/${id}`)).statusCode).toBe(204);
    expect(await lastByAdmin("config.catalogue")).toMatchObject({ before: { unitId: street }, after: null });
    await refusedLeavesNoRow("config.catalogue", () => call("DELETE", `/api/catalogue/${id}`), 404);
  });

  it("config.rule: a 制度清单 entry with the demands it answers", async () => {
    const rule = {
      title: "审计测试制度",
      content: "每周巡查一次",
      regionCode: "610103001",
      adoptedOn: "2026-11-01",
    };
    const created = await call("POST", "/api/rules", { ...rule, orderIds: [] });
    expect(created.statusCode).toBe(201);
    expect(await lastByAdmin("config.rule")).toMatchObject({
      target_type: "rule",
      target_id: created.json().id,
      after: { title: "审计测试制度", regionCode: "610103001", orderIds: [] },
    });
    const unknownOrder = { ...rule, orderIds: ["999999999"] };
    await refusedLeavesNoRow("config.rule", () => call("POST", "/api/rules", unknownOrder), 400);
  });

  it("config.hotline_mapping: a 12345 source's column mapping, before and after", async () => {
    const url = "/api/integrations/12345/sources/audit-county";
    const first = { workOrderNo: "单据号", content: "反映问题" };
    expect((await call("PUT", url, { mapping: first })).statusCode).toBe(200);
    expect(await lastByAdmin("config.hotline_mapping")).toMatchObject({
      target_id: "audit-county",
      before: null,
      after: first,
    });
    expect((await call("PUT", url, { mapping: { ...first, content: "诉求内容" } })).statusCode).toBe(200);
    expect(await lastByAdmin("config.hotline_mapping")).toMatchObject({
      before: { content: "反映问题" },
      after: { content: "诉求内容" },
    });
    const street = await t.login("street-dispatcher");
    await refusedLeavesNoRow(
      "config.hotline_mapping",
      () => call("PUT", url, { mapping: first }, street),
      403,
    );
  });

  it("config.grids_import: the grid codes replaced and written; a refused import writes nothing", async () => {
    const { community } = await t.ctx.db
      .selectFrom("regions")
      .select("parent_code as community")
      .where("level", "=", "grid")
      .where("code", "like", "610103001%")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    const features = (await call("GET", `/api/grids?within=${community}`)).json().features;
    const same = features.map((f: { properties: { code: string; name: string }; geometry: unknown }) => ({
      type: "Feature",
      properties: { code: f.properties.code, name: f.properties.name },
      geometry: f.geometry,
    }));
    const codes = same.map((f: { properties: { code: string } }) => f.properties.code);
    expect(codes.length).toBeGreaterThan(0);
    const body = { type: "FeatureCollection", features: same };
    await refusedLeavesNoRow(
      "config.grids_import",
      () => call("POST", "/api/grids/import?dryRun=true", body),
      200,
    );
    expect((await call("POST", "/api/grids/import", body)).statusCode).toBe(200);
    const row = await lastByAdmin("config.grids_import");
    expect(row?.after).toMatchObject({ crs: "wgs84", grids: codes, removed: [] });
    expect(row?.before).toEqual({ grids: expect.arrayContaining(codes) });
    const nameless = { ...body, features: [{ ...same[0], properties: { code: codes[0], name: "" } }] };
    await refusedLeavesNoRow("config.grids_import", () => call("POST", "/api/grids/import", nameless), 400);
  });

  it("config.routing_model: each retraining's decision, with who asked; a failed training writes nothing", async () => {
    const by = auditActor({ actor: { id: 1, username: "admin", role: "admin" }, ip: "10.0.0.9" });
    const failing = async () => {
      throw new Error("training failed");
    };
    await refusedLeavesNoRow(
      "config.routing_model",
      () =>
        retrainFromDistrict(t.ctx.db, new Date(), by, failing).then(
          () => ({ statusCode: 200 }),
          () => ({ statusCode: 500 }),
        ),
      500,
    );
    // A model trained on one text scores far worse than the active one: kept, but not promoted.
    const tiny = async () =>
      serializeArtefact(trainArtefact([NOISE], { ...HYPER_PARAMETERS, minDocumentFrequency: 1 }), "district");
    const outcome = await retrainFromDistrict(t.ctx.db, new Date(), by, tiny);
    expect((await rows("config.routing_model")).at(-1)).toMatchObject({
      actor_username: "admin",
      client: "10.0.0.9",
      target_id: outcome.version,
      before: { version: outcome.activeVersion },
      after: { version: outcome.version, promoted: false },
    });
  });
});

describe("operations and exports", () => {
  it("integration.outbox_retry: which messages were sent again; refused outside the whole district", async () => {
    const retried = await call("POST", "/api/outbox/retry", { ids: ["999999"] });
    expect(retried.statusCode).toBe(200);
    expect(await lastByAdmin("integration.outbox_retry")).toMatchObject({
      target_type: "outbox",
      after: { ids: ["999999"], retried: 0 },
    });
    const street = await t.login("street-dispatcher");
    const refused = () => call("POST", "/api/outbox/retry", { ids: ["999999"] }, street);
    await refusedLeavesNoRow("integration.outbox_retry", refused, 403);
  });

  it("export.outbox and export.assessment: who took which file", async () => {
    const outbox = await call("GET", `/api/outbox/export.xlsx?topic=${RESULT_TOPIC}`);
    expect(outbox.statusCode).toBe(200);
    expect(await lastByAdmin("export.outbox")).toMatchObject({ target_id: RESULT_TOPIC, after: { rows: 0 } });
    const report = await call("GET", "/api/assessment/report.xlsx?period=2026-11&region=610103001");
    expect(report.statusCode).toBe(200);
    expect(await lastByAdmin("export.assessment")).toMatchObject({
      target_type: "assessment_report",
      target_id: "610103001",
      after: { period: "2026-11", region: "610103001" },
    });
    const street = await t.login("street-dispatcher");
    const elsewhere = () => call("GET", "/api/assessment/report.xlsx?region=610103008", undefined, street);
    await refusedLeavesNoRow("export.assessment", elsewhere, 403);
  });
});
