import { type Kysely, sql } from "kysely";

/**
 * Tracking without an account asked for the order number and the caller's phone, which made the
 * endpoint an oracle for the phone (10,000 guesses recover it). Each order now carries a random
 * tracking code (40 bits, given on the receipt) and every lookup is recorded, which is also what
 * the per-order and per-client throttles count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE orders ADD COLUMN tracking_code text NOT NULL
    DEFAULT upper(substr(md5(gen_random_uuid()::text), 1, 10))`.execute(db);
  await sql`CREATE TABLE tracking_lookups (
    id bigserial PRIMARY KEY,
    order_no text NOT NULL,
    client text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('found', 'wrong', 'throttled')),
    at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX tracking_lookups_order ON tracking_lookups (order_no, at)`.execute(db);
  await sql`CREATE INDEX tracking_lookups_client ON tracking_lookups (client, at)`.execute(db);
}
