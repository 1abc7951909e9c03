import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { openTestDatabase } from "../helpers/database.js";

/** LISTEN/NOTIFY as the live event stream and the configuration reloads use it. */
let database: Database;
const heard: string[] = [];
const CHANNEL = "minhu_test_channel";

beforeAll(async () => {
  database = await openTestDatabase();
  await database.listen(CHANNEL, (payload) => heard.push(payload));
});
afterAll(() => database.close());

const notify = (payload: string) => sql`SELECT pg_notify(${CHANNEL}, ${payload})`.execute(database.db);

async function eventuallyHeard(payload: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!heard.includes(payload)) {
    if (Date.now() - started > timeoutMs) throw new Error(`"${payload}" not heard within ${timeoutMs} ms`);
    await notify(payload);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("database notifications", () => {
  it("delivers a notification committed through the pool", async () => {
    await notify("first");
    await eventuallyHeard("first");
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "listens again after the server drops the LISTEN connection",
    async () => {
      const terminated = await sql<{ done: boolean }>`
        SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%'`.execute(database.db);
      expect(terminated.rows.map((r) => r.done)).toEqual([true]);
      await eventuallyHeard("after the drop");
    },
    20_000,
  );
});
