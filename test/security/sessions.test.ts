import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { SseReader } from "../platform/sse-client.js";

/**
 * Finding 9: a live stream outlived its session (it still received an event 1.2 s after sign-out;
 * sessions were re-checked every 25 s). Now sign-out, deactivation and a new password end it at once.
 */
let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
}, 180_000);
afterAll(() => t.close());

async function openStream(user: string): Promise<SseReader> {
  const response = await fetch(`${base}/api/events/stream`, { headers: { cookie: await t.login(user) } });
  const reader = new SseReader(response);
  expect((await reader.nextEvent())?.event).toBe("ready");
  return reader;
}

/** Milliseconds until the server ends the stream; fails after 5 s (the ping re-check is 25 s away). */
async function endsWithin(reader: SseReader): Promise<number> {
  const started = Date.now();
  const ended = await Promise.race([
    reader.until(() => false).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000)),
  ]);
  expect(ended, "the stream ended").toBe(true);
  return Date.now() - started;
}

async function userId(username: string): Promise<number> {
  return (
    await t.ctx.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow()
  ).id;
}

describe("a live stream ends with its session", () => {
  it("on sign-out", async () => {
    const reader = await openStream("street-staff");
    const ending = endsWithin(reader);
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: await t.login("street-staff") },
    });
    expect(logout.statusCode).toBe(204);
    expect(await ending).toBeLessThan(5000);
  });

  it("on deactivation by an administrator", async () => {
    const reader = await openStream("community-staff");
    const ending = endsWithin(reader);
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${await userId("community-staff")}`,
      headers: { cookie: await t.login("admin") },
      payload: { active: false },
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(await ending).toBeLessThan(5000);
  });

  it("on a new password", async () => {
    const reader = await openStream("leader");
    const ending = endsWithin(reader);
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${await userId("leader")}`,
      headers: { cookie: await t.login("admin") },
      payload: { password: "Qx7#vLm2-tR9pZ!w" },
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(await ending).toBeLessThan(5000);
  });

  it("but not on a rename, which leaves the session valid", async () => {
    const reader = await openStream("supervisor");
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${await userId("supervisor")}`,
      headers: { cookie: await t.login("admin") },
      payload: { displayName: "督查考核 徐刚（新）" },
    });
    expect(response.statusCode, response.body).toBe(204);
    const ended = await Promise.race([
      reader.until(() => false).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000)),
    ]);
    expect(ended).toBe(false);
  });
});
