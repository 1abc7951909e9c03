import { type Kysely, sql } from "kysely";

/**
 * The demo year filled in the background after the first start (seed/history/background.ts): the
 * year it covers and the size it was planned with, and when it was finished. One row at most; a row
 * without `finished_at` is a fill a restart resumes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE demo_history_fill (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    from_at timestamptz NOT NULL,
    to_at timestamptz NOT NULL CHECK (to_at > from_at),
    orders_per_year integer NOT NULL CHECK (orders_per_year >= 0),
    finished_at timestamptz
  )`.execute(db);
}
