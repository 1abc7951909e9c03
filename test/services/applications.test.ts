import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { regionOf } from "../helpers/orders.js";

/**
 * 智慧云社区 online services through the API: a resident applies with answers and materials checked
 * against the service's own definition; the community's staff (and the street's, where the service
 * asks for it) review, ask for more (补正), approve or refuse; who may see and act is scoped.
 */
let t: TestApp;
let community: string;
let otherCommunity: string;
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
const file = (material: string, fileName: string, bytes = PNG) => ({
  material,
  fileName,
  content: bytes.toString("base64"),
});

async function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  const cookie = await t.login(user);
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function serviceId(code: string): Promise<number> {
  const row = await t.ctx.db
    .selectFrom("community_services")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return row.id;
}

const RESIDENCE = { address: "南院门街道某小区3号楼", years: "5", purpose: "子女入学" };

async function applyForResidence(user = "resident", where = community) {
  const response = await call(
    user,
    "POST",
    `/api/services/${await serviceId("residence_certificate")}/applications`,
    {
      community: where,
      answers: RESIDENCE,
      files: [file("id_card", "身份证.png"), file("lease", "租赁合同.pdf", PDF)],
    },
  );
  expect(response.statusCode, response.body).toBe(201);
  return String(response.json().id);
}

async function createUser(username: string, role: string, regionCode?: string) {
  const response = await call("admin", "POST", "/api/users", {
    username,
    displayName: username,
    password: "Lantern-quiet-river-58",
    role,
    ...(regionCode ? { regionCode } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function loginAs(username: string) {
  return t.login(username, "Lantern-quiet-river-58");
}

beforeAll(async () => {
  t = await createTestApp();
  // Friday 4 December 2026, 10:00 China time.
  t.setNow(new Date("2026-12-04T10:00:00+08:00"));
  community = await regionOf(t, "community-staff");
  const other = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "community")
    .where("code", "not like", `${community.slice(0, 9)}%`)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  otherCommunity = other.code;
  await createUser("other-community-staff", "staff", otherCommunity);
  await createUser("second-resident", "resident");
  await loginAs("other-community-staff");
  await loginAs("second-resident");
});
afterAll(() => t.close());

describe("applying", () => {
  it("offers the configured services of a community", async () => {
    const response = await call("resident", "GET", `/api/services?community=${community}`);
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((s: { name: string }) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["生育登记", "居住证明", "低保/临时救助申请", "活动场地预约"]),
    );
  });

  it("refuses answers and materials that do not fit the service's definition, and stores nothing", async () => {
    const id = await serviceId("residence_certificate");
    const before = await t.ctx.db.selectFrom("service_applications").select("id").execute();
    const cases = [
      { answers: { ...RESIDENCE, years: "five" }, files: [file("id_card", "a.png"), file("lease", "b.png")] },
      { answers: { ...RESIDENCE, nickname: "x" }, files: [file("id_card", "a.png"), file("lease", "b.png")] },
      { answers: RESIDENCE, files: [file("id_card", "a.png")] },
      { answers: RESIDENCE, files: [file("id_card", "a.pdf", PDF), file("lease", "b.png")] },
      {
        answers: RESIDENCE,
        files: [file("id_card", "a.png"), file("lease", "b.png", Buffer.from("MZ exe"))],
      },
    ];
    const statuses = [];
    for (const body of cases) {
      const response = await call("resident", "POST", `/api/services/${id}/applications`, {
        community,
        ...body,
      });
      statuses.push(response.statusCode);
    }
    // Not a number, a field not asked, a required material missing, a PDF where only photos go, not a file type.
    expect(statuses).toEqual([400, 400, 400, 415, 415]);
    expect(await t.ctx.db.selectFrom("service_applications").select("id").execute()).toEqual(before);
    const staff = await call("community-staff", "POST", `/api/services/${id}/applications`, {
      community,
      answers: RESIDENCE,
      files: [],
    });
    expect(staff.statusCode).toBe(403);
  });

  it("counts the time limit in working days from the day after submission", async () => {
    const id = await applyForResidence();
    const response = await call("resident", "GET", `/api/service-applications/${id}`);
    // 3 working days from Friday: Mon 7, Tue 8, Wed 9 December, to the end of the day.
    expect(response.json()).toMatchObject({
      state: "community_review",
      dueAt: "2026-12-09T15:59:59.999Z",
      answers: { address: RESIDENCE.address, years: 5, purpose: "子女入学" },
      actions: ["withdraw"],
    });
  });
});

describe("review by the community, 补正, result", () => {
  it("asks for more with a note, takes the resident's supplement, approves with the document's number", async () => {
    const id = await applyForResidence();
    const steps = (user: string, body: object) =>
      call(user, "POST", `/api/service-applications/${id}/steps`, body);
    expect((await steps("community-staff", { action: "request_more" })).statusCode).toBe(400);
    expect(
      (await steps("community-staff", { action: "request_more", note: "租赁合同缺少签字页" })).statusCode,
    ).toBe(200);
    expect((await steps("community-staff", { action: "approve" })).statusCode).toBe(409);
    const seen = (await call("resident", "GET", `/api/service-applications/${id}`)).json();
    expect(seen).toMatchObject({ state: "supplement", actions: ["supplement", "withdraw"] });
    expect(seen.steps.at(-1)).toMatchObject({ action: "request_more", note: "租赁合同缺少签字页" });

    t.setNow(new Date("2026-12-08T09:00:00+08:00"));
    expect((await steps("resident", { action: "supplement" })).statusCode).toBe(400);
    const added = await steps("resident", { action: "supplement", files: [file("lease", "签字页.png")] });
    expect(added.statusCode, added.body).toBe(200);
    const back = (await call("community-staff", "GET", `/api/service-applications/${id}`)).json();
    // Back with the community, the limit counted again from the supplement (补正后重新起算).
    expect(back).toMatchObject({ state: "community_review", dueAt: "2026-12-11T15:59:59.999Z" });
    expect(back.actions).toEqual(["approve", "request_more", "refuse"]);
    expect(back.files.map((f: { fileName: string }) => f.fileName)).toEqual([
      "租赁合同.pdf",
      "身份证.png",
      "签字页.png",
    ]);

    expect((await steps("community-staff", { action: "approve" })).statusCode).toBe(400);
    const approved = await steps("community-staff", {
      action: "approve",
      result: { documentNo: "南居证〔2026〕118号" },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const done = (await call("resident", "GET", `/api/service-applications/${id}`)).json();
    expect(done).toMatchObject({
      state: "approved",
      overdue: false,
      result: { kind: "document", documentNo: "南居证〔2026〕118号" },
      actions: [],
    });
    expect(done.steps.map((s: { action: string }) => s.action)).toEqual([
      "submit",
      "request_more",
      "supplement",
      "approve",
    ]);
    const png = done.files.find((f: { fileName: string }) => f.fileName === "身份证.png");
    const served = await call("resident", "GET", `/api/service-applications/${id}/files/${png.id}`);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.rawPayload.equals(PNG)).toBe(true);
  });

  it("refuses only with a reason", async () => {
    const id = await applyForResidence();
    const url = `/api/service-applications/${id}/steps`;
    expect((await call("community-staff", "POST", url, { action: "refuse", note: " " })).statusCode).toBe(
      400,
    );
    expect(
      (await call("community-staff", "POST", url, { action: "refuse", note: "非本社区居民" })).statusCode,
    ).toBe(200);
    expect((await call("resident", "GET", `/api/service-applications/${id}`)).json().state).toBe("refused");
  });

  it("passes a two-level service on to the street, whose staff decide it", async () => {
    const id = await call(
      "resident",
      "POST",
      `/api/services/${await serviceId("senior_card")}/applications`,
      {
        community,
        answers: { birth_date: "1960-05-01" },
        files: [file("id_card", "身份证.png"), file("portrait", "照片.png")],
      },
    );
    expect(id.statusCode, id.body).toBe(201);
    const url = `/api/service-applications/${id.json().id}/steps`;
    expect(
      (await call("street-staff", "POST", url, { action: "approve", result: { documentNo: "X" } }))
        .statusCode,
    ).toBe(403);
    expect((await call("community-staff", "POST", url, { action: "approve" })).statusCode).toBe(200);
    const detail = await call("community-staff", "GET", `/api/service-applications/${id.json().id}`);
    expect(detail.json()).toMatchObject({ state: "street_review", level: "street", actions: [] });
    expect((await call("community-staff", "POST", url, { action: "approve" })).statusCode).toBe(403);
    const decided = await call("street-staff", "POST", url, {
      action: "approve",
      result: { documentNo: "老年证 0001" },
    });
    expect(decided.statusCode, decided.body).toBe(200);
  });
});

describe("scope", () => {
  it("a community's staff see and review only their community's applications", async () => {
    const id = await applyForResidence();
    const other = await loginAs("other-community-staff");
    const get = (url: string) => t.app.inject({ method: "GET", url, headers: { cookie: other } });
    expect((await get(`/api/service-applications/${id}`)).statusCode).toBe(404);
    const list = (await get("/api/service-applications")).json().items;
    expect(list.map((a: { id: string }) => a.id)).not.toContain(id);
    const acted = await t.app.inject({
      method: "POST",
      url: `/api/service-applications/${id}/steps`,
      headers: { cookie: other },
      payload: { action: "refuse", note: "越权" },
    });
    expect(acted.statusCode).toBe(404);
    expect((await call("community-staff", "GET", `/api/service-applications/${id}`)).json().state).toBe(
      "community_review",
    );
    const mine = (await call("community-staff", "GET", "/api/service-applications")).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a: { communityCode: string }) => a.communityCode === community)).toBe(true);
  });

  it("a resident sees only their own applications", async () => {
    const id = await applyForResidence();
    const second = await loginAs("second-resident");
    const get = (url: string) => t.app.inject({ method: "GET", url, headers: { cookie: second } });
    expect((await get(`/api/service-applications/${id}`)).statusCode).toBe(404);
    expect((await get("/api/service-applications")).json().items).toEqual([]);
    const files = (await call("resident", "GET", `/api/service-applications/${id}`)).json().files;
    expect((await get(`/api/service-applications/${id}/files/${files[0].id}`)).statusCode).toBe(404);
    const withdraw = await t.app.inject({
      method: "POST",
      url: `/api/service-applications/${id}/steps`,
      headers: { cookie: second },
      payload: { action: "withdraw" },
    });
    expect(withdraw.statusCode).toBe(404);
  });
});

describe("assessment", () => {
  it("counts applications, open and overdue per service in the jurisdiction", async () => {
    t.setNow(new Date("2026-12-20T10:00:00+08:00"));
    const stats = (await call("street-staff", "GET", "/api/services/stats")).json().items;
    const residence = stats.find((s: { code: string }) => s.code === "residence_certificate");
    expect(residence).toMatchObject({
      timeLimitDays: 3,
      approved: 1,
      refused: 1,
      closed: 2,
      closedOnTime: 2,
    });
    expect(residence.open).toBe(residence.total - 2);
    expect(residence.overdue).toBe(residence.open);
    const other = (
      await t.app.inject({
        method: "GET",
        url: "/api/services/stats",
        headers: { cookie: await loginAs("other-community-staff") },
      })
    ).json().items;
    expect(other.find((s: { code: string }) => s.code === "residence_certificate").total).toBe(0);
    expect((await call("resident", "GET", "/api/services/stats")).statusCode).toBe(403);
  });
});
