import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/seed/demo-accounts.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { MINHU_FROM_SOURCES } from "../helpers/cli.js";

/**
 * Finding 11: weak passwords (`1234567890`, `password12`, `minhu-demo`) were accepted, create-admin
 * skipped the API's username pattern, and `q=%` listed every user (LIKE wildcards).
 */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
}, 180_000);
afterAll(() => t.close());

function createUser(username: string, password: string, language = "zh-CN") {
  return t.app.inject({
    method: "POST",
    url: "/api/users",
    headers: { cookie: admin, "accept-language": language },
    payload: { username, displayName: "王建国", password, role: "operator", regionCode: "610103" },
  });
}

describe("password rules in the API", () => {
  it.each([
    ["1234567890", "new-op-1"],
    ["password12", "new-op-2"],
    ["minhu-demo", "new-op-3"],
    ["qwertyuiop", "new-op-4"],
    ["woaini1314520", "new-op-5"],
    ["new-op-6-2024", "new-op-6"],
  ])("refuses %s (WEAK_PASSWORD) and creates nothing", async (password, username) => {
    const response = await createUser(username, password);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe("WEAK_PASSWORD");
    expect(response.json().message).toMatch(/密码太容易被猜到/);
    const row = await t.ctx.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it("explains the refusal in the reader's language", async () => {
    const response = await createUser("new-op-8", "password12", "en-US");
    expect(response.json().message).toMatch(/too easy to guess/);
  });

  it("accepts a long unpredictable password", async () => {
    const response = await createUser("new-op-9", "Lantern-quiet-river-58");
    expect(response.statusCode, response.body).toBe(201);
    expect(await t.login("new-op-9", "Lantern-quiet-river-58")).toMatch(/^minhu_session=/);
  });

  it("refuses a weak new password on reset, and the old one keeps working", async () => {
    const user = await t.ctx.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "operator")
      .executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { password: "operator123" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("WEAK_PASSWORD");
    expect(await t.login("operator", DEMO_PASSWORD)).toMatch(/^minhu_session=/);
  });
});

describe("search text is literal", () => {
  it.each(["%", "_", "%%"])("q=%s lists no user (no name contains it), not everyone", async (q) => {
    const response = await t.app.inject({
      url: `/api/users?q=${encodeURIComponent(q)}`,
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(0);
  });

  it("q= still finds a name part", async () => {
    const response = await t.app.inject({ url: "/api/users?q=dispatcher", headers: { cookie: admin } });
    expect(response.json().items.map((u: { username: string }) => u.username)).toContain("street-dispatcher");
  });
});

describe("minhu create-admin", () => {
  const dataDir = join(tmpdir(), `minhu-create-admin-${process.pid}`);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [...MINHU_FROM_SOURCES, "create-admin", ...args], {
      encoding: "utf8",
      // Refused before any database is opened: the data directory is never created.
      env: {
        ...process.env,
        MINHU_DATA_DIR: join(tmpdir(), `minhu-create-admin-${process.pid}`),
        DATABASE_URL: "",
      },
      timeout: 60_000,
    });

  it("refuses a username the API would refuse", () => {
    const result = run("bad name!", "--password", "Lantern-quiet-river-58");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: minhu create-admin/);
  });

  it("refuses a weak password with the API's rule", () => {
    const result = run("chief", "--password", "chief12345");
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/密码太容易被猜到|too easy to guess/);
    // Refused before any database is opened.
    expect(existsSync(join(dataDir, "db"))).toBe(false);
  });
});
