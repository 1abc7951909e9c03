import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/helpers/database.js";
import type { Database } from "./database.js";
import { OUTER_DATABASE_IN_TRANSACTION } from "./transaction-guard.js";

describe("the outer database inside a transaction", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("fails at once instead of waiting for a second connection (forever on PGlite)", async () => {
    const { db } = database;
    const started = Date.now();
    const attempt = db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      await sql`SELECT 2`.execute(db);
    });
    await expect(attempt).rejects.toThrow(OUTER_DATABASE_IN_TRANSACTION);
    // Nothing near the pool's 30 s connection timeout: the guard answered, not the pool.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("also refuses a nested transaction on the outer database, and rolls the outer one back", async () => {
    const { db } = database;
    await sql`CREATE TABLE IF NOT EXISTS guard_probe (n int)`.execute(db);
    const attempt = db.transaction().execute(async (trx) => {
      await sql`INSERT INTO guard_probe VALUES (1)`.execute(trx);
      await db.transaction().execute(async (inner) => sql`SELECT 1`.execute(inner));
    });
    await expect(attempt).rejects.toThrow(OUTER_DATABASE_IN_TRANSACTION);
    const rows = await sql<{ n: number }>`SELECT n FROM guard_probe`.execute(db);
    expect(rows.rows).toEqual([]);
  });

  it("leaves queries outside the callback alone: before, after, and alongside in other work", async () => {
    const { db } = database;
    let release = () => {};
    const holding = db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return "committed";
    });
    // Another request's query waits its turn for the connection (PGlite) or takes another (server).
    const alongside = sql<{ n: number }>`SELECT 3 AS n`.execute(db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await holding).toBe("committed");
    expect((await alongside).rows).toEqual([{ n: 3 }]);
    const after = await sql<{ n: number }>`SELECT 4 AS n`.execute(db);
    expect(after.rows).toEqual([{ n: 4 }]);
  });
});
