import { sql } from "kysely";
import type { Database } from "../../src/db/database.js";

/**
 * The URL of the server database a test database lives in, so a test can open more pools on it as
 * further "instances"; null on embedded PGlite, which has one connection only.
 */
export async function serverUrlOf(database: Database): Promise<string | null> {
  const server = process.env.DATABASE_URL;
  if (database.kind !== "postgres" || !server) return null;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  const url = new URL(server);
  url.pathname = `/${rows[0].name}`;
  return url.toString();
}
