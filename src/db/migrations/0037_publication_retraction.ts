import { type Kysely, sql } from "kysely";

/**
 * 碑林发布 an editor says why an item was withdrawn from the public pages; the reason stays with the
 * item until it is published again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE publications ADD COLUMN retracted_reason text`.execute(db);
}
