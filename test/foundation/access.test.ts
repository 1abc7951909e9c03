import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function get(user: string | null, url: string) {
  const headers = user ? { cookie: await t.login(user) } : {};
  return t.app.inject({ url, headers });
}

/** A region of another street than the demo accounts' (they all sit in 610103001). */
const OTHER_STREET = "610103008";
async function otherGrid(): Promise<string> {
  const row = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "grid")
    .where("code", "like", `${OTHER_STREET}%`)
    .orderBy("code")
    .executeTakeFirstOrThrow();
  return row.code;
}
async function siblingGrid(user: string): Promise<string> {
  const own = (
    await t.ctx.db
      .selectFrom("users")
      .select("region_code")
      .where("username", "=", user)
      .executeTakeFirstOrThrow()
  ).region_code as string;
  const row = await t.ctx.db
    .selectFrom("regions")
    .select("code")
    .where("parent_code", "=", own.slice(0, 12))
    .where("code", "!=", own)
    .executeTakeFirstOrThrow();
  return row.code;
}

describe("sign-in", () => {
  it("refuses a wrong password with INVALID_CREDENTIALS and the same answer for an unknown user", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "nope" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody", password: "nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe("INVALID_CREDENTIALS");
  });

  it("sets an httpOnly SameSite session cookie and answers /api/me", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "minhu-demo" },
    });
    const cookie = login.cookies.find((c) => c.name === "minhu_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const me = await t.app.inject({ url: "/api/me", headers: { cookie: `minhu_session=${cookie?.value}` } });
    expect(me.json()).toMatchObject({
      username: "admin",
      role: "admin",
      regionCode: "610103",
      regionName: "碑林区",
    });
  });

  it("ends the session on logout", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "operator", password: "minhu-demo" },
    });
    const cookie = `minhu_session=${login.cookies.find((c) => c.name === "minhu_session")?.value}`;
    expect(
      (await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } })).statusCode,
    ).toBe(204);
    const me = await t.app.inject({ url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe("UNAUTHENTICATED");
  });

  it("validates the body and answers in English when asked", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en-US" },
      payload: { username: "admin" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
    expect(response.json().message).toMatch(/^Invalid input/);
  });

  it("never shows a stack trace: an unknown API path is a JSON 404", async () => {
    const response = await get(null, "/api/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: "NOT_FOUND", message: expect.any(String) });
  });
});

describe("every role is denied outside its role or jurisdiction", () => {
  it("nobody: regions need a session", async () => {
    expect((await get(null, "/api/regions")).statusCode).toBe(401);
  });

  it("resident: may not read the region tree", async () => {
    const response = await get("resident", "/api/regions");
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("FORBIDDEN");
  });

  it("grid worker: may not open a neighbouring grid's workers or polygons", async () => {
    const sibling = await siblingGrid("gridworker");
    expect((await get("gridworker", `/api/regions/${sibling}`)).statusCode).toBe(403);
    expect((await get("gridworker", `/api/grids?within=${sibling}`)).statusCode).toBe(403);
    const own = await get("gridworker", "/api/grids");
    expect(own.json().features).toHaveLength(1);
  });

  it("community staff: may not list another street's communities", async () => {
    expect((await get("community-staff", `/api/regions?parent=${OTHER_STREET}`)).statusCode).toBe(403);
  });

  it("street dispatcher: sees its own street's grids only", async () => {
    expect((await get("street-dispatcher", `/api/regions/${await otherGrid()}`)).statusCode).toBe(403);
    const grids = (await get("street-dispatcher", "/api/grids")).json().features;
    expect(
      grids.every((f: { properties: { streetCode: string } }) => f.properties.streetCode === "610103001"),
    ).toBe(true);
  });

  it("community dispatcher: may not open another street's grid", async () => {
    expect((await get("community-dispatcher", `/api/grids?within=${OTHER_STREET}`)).statusCode).toBe(403);
  });

  it("street-office handler: its unit's jurisdiction is its street", async () => {
    expect((await get("street-office-handler", `/api/regions/${await otherGrid()}`)).statusCode).toBe(403);
  });

  it("operator: may not list user accounts", async () => {
    expect((await get("operator", "/api/users")).statusCode).toBe(403);
  });

  it("supervisor: may not create accounts", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: await t.login("supervisor") },
      payload: {
        username: "x-user",
        displayName: "X",
        password: "long-enough-1",
        role: "operator",
        regionCode: "610103",
      },
    });
    expect(response.statusCode).toBe(403);
  });

  it("leader: may not open a region outside the linked community", async () => {
    expect((await get("leader", `/api/regions/${await otherGrid()}`)).statusCode).toBe(403);
  });

  it("unit handler of a department: may not list users", async () => {
    expect((await get("cgj-handler", "/api/users")).statusCode).toBe(403);
  });

  it("admin: may not read a region of another district", async () => {
    expect((await get("admin", "/api/regions?parent=610104")).statusCode).toBe(403);
  });

  it("admin: creates an account inside the district, which can then sign in", async () => {
    const cookie = await t.login("admin");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie },
      payload: {
        username: "new-operator",
        displayName: "新话务员",
        password: "long-enough-1",
        role: "operator",
        regionCode: "610103",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await t.login("new-operator", "long-enough-1")).toMatch(/^minhu_session=/);
  });
});

describe("OpenAPI", () => {
  it("describes the API at /api/docs", async () => {
    const response = await t.app.inject({ url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/regions", "/api/locate", "/api/auth/login", "/api/demands"]),
    );
  });

  it("health answers ok", async () => {
    expect((await get(null, "/api/health")).json()).toEqual({ status: "ok" });
  });
});
