import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { pointInGrid, regionOf, submit } from "../helpers/orders.js";

/** 碑林发布: key projects published, scheduled and retracted with their history; the public demand map. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.setNow(new Date("2026-12-04T10:00:00+08:00"));
});
afterAll(() => t.close());

const anonymous = (url: string) => t.app.inject({ method: "GET", url });
async function editor(method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const cookie = await t.login("admin");
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

describe("key projects", () => {
  it("shows the 15 published key projects without sign-in", async () => {
    const response = await anonymous("/api/public/projects");
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toHaveLength(15);
  });

  it("shows a draft's change only once published, keeps the history, hides a retracted item", async () => {
    const [first] = (await anonymous("/api/public/projects")).json().items;
    const draft = { ...first, progress: first.progress + 5 };
    for (const key of ["id", "version", "publishedAt", "history"]) delete draft[key];
    expect((await editor("PUT", `/api/publications/${first.id}`, draft)).statusCode).toBe(200);
    expect((await anonymous(`/api/public/projects/${first.id}`)).json().progress).toBe(first.progress);

    // Scheduled for tomorrow: not yet public.
    const at = new Date("2026-12-05T09:00:00+08:00").toISOString();
    expect((await editor("POST", `/api/publications/${first.id}/publish`, { at })).statusCode).toBe(200);
    expect((await anonymous(`/api/public/projects/${first.id}`)).json().progress).toBe(first.progress);
    const listed = (await editor("GET", "/api/publications"))
      .json()
      .items.find((i: { id: number }) => i.id === first.id);
    expect(listed.status).toBe("published");
    t.setNow(new Date("2026-12-05T10:00:00+08:00"));
    const shown = (await anonymous(`/api/public/projects/${first.id}`)).json();
    expect(shown.progress).toBe(first.progress + 5);
    expect(shown.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);

    // The editors' history: each version with what it changed from the one before.
    const versions = (await editor("GET", `/api/publications/${first.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].changed).toEqual(["progress"]);
    expect(versions[0].content.progress).toBe(first.progress + 5);
    expect(versions[1].content.progress).toBe(first.progress);

    expect((await editor("POST", `/api/publications/${first.id}/retract`, { reason: "" })).statusCode).toBe(
      400,
    );
    const reason = "项目调整，待重新核实";
    expect((await editor("POST", `/api/publications/${first.id}/retract`, { reason })).statusCode).toBe(200);
    expect((await anonymous(`/api/public/projects/${first.id}`)).statusCode).toBe(404);
    expect((await anonymous("/api/public/projects")).json().items).toHaveLength(14);
    const retracted = (await editor("GET", "/api/publications"))
      .json()
      .items.find((i: { id: number }) => i.id === first.id);
    expect(retracted).toMatchObject({ status: "retracted", publicVersion: null, retractedReason: reason });
  });

  it("shows a draft's photo to its editors only, not to the public", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const photos = [{ fileName: "工地.png", content: png.toString("base64") }];
    const added = await editor("POST", "/api/publications/2/photos", { photos });
    expect(added.statusCode, added.body).toBe(201);
    const [photoId] = added.json().ids;
    expect((await editor("GET", `/api/publications/photos/${photoId}`)).statusCode).toBe(200);
    expect((await anonymous(`/api/public/photos/${photoId}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/publications/photos/${photoId}`)).statusCode).toBe(401);
  });

  it("lets only editors change what is published", async () => {
    const cookie = await t.login("community-staff");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/publications/1/retract",
      headers: { cookie },
      payload: { reason: "试一试" },
    });
    expect(response.statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: "/api/publications/1/retract" })).statusCode).toBe(401);
  });
});

describe("the public demand map", () => {
  it("counts demands by grid and category with no caller, text or point", async () => {
    const grid = await regionOf(t, "gridworker");
    const created = await submit(t, "operator", {
      channel: "12345",
      channelFields: { workOrderNo: "PUB-1" },
      content: "胡同口路灯不亮已经一周，晚上走路很危险",
      categoryCode: "020501",
      type: "help",
      location: await pointInGrid(t, grid),
      caller: { name: "欧阳明月", phone: "13912345678" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await anonymous("/api/public/demand-map");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.counts).toContainEqual({ grid, category: "02", open: 1, closed: 0 });
    for (const secret of ["欧阳明月", "13912345678", "5678", "路灯不亮", '"lng"', '"lat"'])
      expect(response.body).not.toContain(secret);
  });
});
