import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { LOGIN_LIMITS } from "../../src/modules/accounts/login-limits.js";
import { TRACKING_LIMITS } from "../../src/modules/orders/tracking.js";
import { RATING_LIMITS } from "../../src/modules/visits/routes.js";
import { ATTEMPTS_KEPT_MS, pruneAttempts, spanOf } from "../../src/platform/throttle/throttle.js";
import { openTestDatabase } from "../helpers/database.js";

/** The record of guesses is pruned, but never while a limit could still count it. */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await migrateToLatest(database.db);
});
afterAll(() => database.close());

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-06T10:00:00+08:00");

describe("pruning the attempts record", () => {
  it("keeps attempts longer than any throttle limit looks back", () => {
    for (const limits of [LOGIN_LIMITS, TRACKING_LIMITS, RATING_LIMITS]) {
      expect(spanOf(limits)).toBeLessThan(ATTEMPTS_KEPT_MS);
    }
    expect(spanOf(LOGIN_LIMITS)).toBe(30 * DAY);
  });

  it("deletes only attempts older than the retention, across batches", async () => {
    const old = new Date(now.getTime() - ATTEMPTS_KEPT_MS - DAY);
    const recent = new Date(now.getTime() - ATTEMPTS_KEPT_MS + DAY);
    const rows = (at: Date, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        kind: "login" as const,
        subject: `user-${i % 7}`,
        client: `198.51.100.${i % 200}`,
        outcome: "wrong" as const,
        at,
      }));
    for (let i = 0; i < 3; i++) await database.db.insertInto("attempts").values(rows(old, 4_000)).execute();
    await database.db.insertInto("attempts").values(rows(recent, 50)).execute();

    expect(await pruneAttempts(database.db, now)).toBe(12_000);

    const left = await database.db
      .selectFrom("attempts")
      .select(({ fn }) => [fn.countAll<number>().as("n"), fn.min("at").as("oldest")])
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(50);
    expect(new Date(left.oldest as Date).getTime()).toBe(recent.getTime());
    expect(await pruneAttempts(database.db, now)).toBe(0);
  });
});
