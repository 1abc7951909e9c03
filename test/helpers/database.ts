import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/database.js";
import { adminQuery } from "./global-setup.js";

/**
 * A database for one test file: in-memory PGlite by default, or a new database on the server named
 * by DATABASE_URL (created here and dropped on close), so parallel runs never collide. Empty, or with
 * `prepared` a copy of the run's migrated and seeded database (see global-setup.ts).
 */
export async function openTestDatabase(options: { prepared?: boolean } = {}): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const startFrom = options.prepared ? new Blob([await readFile(inject("prepared"))]) : undefined;
    return openDatabase({ dataDir: "memory://", startFrom });
  }
  const name = `minhu_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const template = options.prepared ? ` TEMPLATE ${inject("prepared")}` : "";
  await adminQuery(serverUrl, `CREATE DATABASE ${name}${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 8 });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The key the prepared database's phones are encrypted with. */
export const preparedKey = (): Buffer => Buffer.from(inject("preparedKey"), "hex");
