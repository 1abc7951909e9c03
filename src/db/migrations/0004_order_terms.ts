import { type Kysely, sql } from "kysely";

/**
 * The distinct words of a demand's content (jieba, space-separated), stored once at intake so that
 * duplicate suggestions compare words inside the database instead of segmenting every candidate again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE orders ADD COLUMN terms text NOT NULL DEFAULT ''`.execute(db);
}
