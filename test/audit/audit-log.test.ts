import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/modules/audit/verify.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

/**
 * Finding 12: who did what outside orders is recorded in the audit log, in the transaction of the
 * change (a refused change leaves no row), and only administrators may read or export it.
 */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
}, 180_000);
afterAll(() => t.close());

async function rows(action: string) {
  return t.ctx.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
}

async function call(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: admin } });
}

describe("audit log", () => {
  it("records failed logins with the username tried, logins and logouts, with the client address", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "no-such-user", password: "wrong-password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await rows("auth.login_failed")).at(-1)).toMatchObject({
      actor_username: "no-such-user",
      actor_id: null,
      client: "127.0.0.1",
    });
    const cookie = await t.login("community-staff");
    const login = (await rows("auth.login")).at(-1);
    expect(login).toMatchObject({ actor_username: "community-staff", actor_role: "staff" });
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await rows("auth.logout")).at(-1)).toMatchObject({ actor_username: "community-staff" });
  });

  it("records account creation and changes, never the password", async () => {
    const created = await call("POST", "/api/users", {
      username: "audited-user",
      displayName: "审计测试",
      password: "Quiet-Harbour-Lantern-77",
      role: "resident",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await rows("user.create")).at(-1)).toMatchObject({
      target_id: String(id),
      actor_username: "admin",
    });
    const changed = await call("PATCH", `/api/users/${id}`, {
      active: false,
      password: "Another-Quiet-Harbour-88",
    });
    expect(changed.statusCode).toBe(204);
    const update = (await rows("user.update")).at(-1);
    expect(update).toMatchObject({ before: { active: true }, after: { active: false, password: "changed" } });
    expect(JSON.stringify(await rows("user.create"))).not.toContain("Quiet-Harbour");
  });

  it("records configuration changes with before and after; a refused change writes no row", async () => {
    const added = await call("POST", "/api/holidays", { day: "2026-12-30", kind: "holiday", name: "测试" });
    expect(added.statusCode).toBe(200);
    expect((await rows("config.holiday")).at(-1)).toMatchObject({
      target_id: "2026-12-30",
      after: { kind: "holiday" },
    });
    const before = (await rows("config.holiday")).length;
    const missing = await call("DELETE", "/api/holidays/2026-12-29");
    expect(missing.statusCode).toBe(404);
    expect(await rows("config.holiday")).toHaveLength(before);

    const rules = (
      await t.app.inject({ method: "GET", url: "/api/time-limits", headers: { cookie: admin } })
    ).json().items;
    const put = await call("PUT", "/api/time-limits", { rules });
    expect(put.statusCode).toBe(200);
    const limits = (await rows("config.time_limits")).at(-1);
    expect(Array.isArray(limits?.before) && Array.isArray(limits?.after)).toBe(true);
    const refused = await call("PUT", "/api/time-limits", { rules: rules.slice(0, 1) });
    expect(refused.statusCode).toBe(400);
    expect(await rows("config.time_limits")).toHaveLength(1);

    const category = await call("POST", "/api/categories", {
      parentCode: null,
      code: "98",
      name: "审计测试类",
    });
    expect(category.statusCode).toBe(201);
    expect((await rows("config.category")).at(-1)).toMatchObject({ target_id: "98" });
    const duplicate = await call("POST", "/api/categories", {
      parentCode: null,
      code: "98",
      name: "重复",
    });
    expect(duplicate.statusCode).toBeGreaterThanOrEqual(400);
    expect(await rows("config.category")).toHaveLength(1);
  });

  it("records exports", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/ledgers/general/export.xlsx",
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    expect((await rows("export.ledger")).at(-1)).toMatchObject({
      target_id: "ledger-general",
      actor_username: "admin",
    });
  });

  it("lets administrators search and export it, and nobody else", async () => {
    const found = await t.app.inject({
      method: "GET",
      url: "/api/audit?actor=no-such-user&action=auth.&pageSize=10",
      headers: { cookie: admin },
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().total).toBe(1);
    expect(found.json().items[0]).toMatchObject({ action: "auth.login_failed", client: "127.0.0.1" });
    const none = await t.app.inject({
      method: "GET",
      url: "/api/audit?from=2000-01-01&to=2000-01-02",
      headers: { cookie: admin },
    });
    expect(none.json().total).toBe(0);
    const sheet = await t.app.inject({
      method: "GET",
      url: "/api/audit/export.xlsx?action=config.",
      headers: { cookie: admin },
    });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers["content-type"]).toContain("spreadsheetml");
    expect(await rows("export.audit")).toHaveLength(1);
    for (const url of ["/api/audit", "/api/audit/export.xlsx"]) {
      expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
      for (const user of ["supervisor", "district-dispatcher", "operator", "resident", "leader"]) {
        const denied = await t.app.inject({ method: "GET", url, headers: { cookie: await t.login(user) } });
        expect(denied.statusCode, `${user} ${url}`).toBe(403);
      }
    }
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  });
});
