import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../src/platform/calendar/china-time.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function write(user: string, body: object, key?: string) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/fieldwork/diary",
    payload: body,
    headers: { cookie: await t.login(user), ...(key ? { "idempotency-key": key } : {}) },
  });
  return {
    status: response.statusCode,
    body: response.json(),
    replayed: response.headers["idempotent-replayed"],
  };
}

const entries = async (household: string) =>
  (
    await t.ctx.db
      .selectFrom("diary_entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("household", "=", household)
      .executeTakeFirstOrThrow()
  ).n;

describe("民情日记 queued offline and sent again: the Idempotency-Key keeps it to one entry", () => {
  it("answers a resend with the entry already written, once per writer and key", async () => {
    const body = {
      writtenOn: chinaDate(new Date()),
      household: "离线补记1号",
      heard: "楼道灯坏了",
      mood: "worried",
    };
    const first = await write("gridworker", body, "offline-diary-0001");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.replayed).toBeUndefined();
    const again = await write("gridworker", body, "offline-diary-0001");
    expect(again.status).toBe(201);
    expect(again.replayed).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(Number(await entries("离线补记1号"))).toBe(1);

    // The same key with another body is refused; a new key is a new entry; no key, no replay.
    const changed = await write("gridworker", { ...body, heard: "别的事" }, "offline-diary-0001");
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe("IDEMPOTENCY_MISMATCH");
    expect((await write("gridworker", body, "offline-diary-0002")).body.id).not.toBe(first.body.id);
    expect((await write("gridworker", body)).status).toBe(201);
    expect(Number(await entries("离线补记1号"))).toBe(3);
  });

  it("resends racing each other still make one entry", async () => {
    const body = {
      writtenOn: chinaDate(new Date()),
      household: "离线补记2号",
      heard: "下水道堵了",
      mood: "upset",
    };
    const answers = await Promise.all([1, 2, 3].map(() => write("gridworker", body, "offline-diary-race")));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(Number(await entries("离线补记2号"))).toBe(1);
  });
});
