import { type Kysely, sql } from "kysely";

/**
 * 民情日记 entries written without signal are queued on the phone and sent later, perhaps more than
 * once: an entry keeps the writer's Idempotency-Key and a hash of what was sent, so a second send of
 * the same key answers with the entry already written (the same rule as demand intake).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const STATEMENTS = [
  "ALTER TABLE diary_entries ADD COLUMN idempotency_key text, ADD COLUMN request_hash text",
  `CREATE UNIQUE INDEX diary_entries_idempotency ON diary_entries (author_id, idempotency_key)
     WHERE idempotency_key IS NOT NULL`,
];
