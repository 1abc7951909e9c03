import { type Kysely, sql } from "kysely";

/**
 * One record of guessable attempts — sign-ins, tracking lookups and rating links — which is also
 * what the one throttle counts (src/platform/throttle). Tracking's own table (0009) moves into it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE attempts (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('login', 'tracking', 'rating')),
    subject text NOT NULL,
    client text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('ok', 'wrong', 'throttled')),
    at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`INSERT INTO attempts (kind, subject, client, outcome, at)
    SELECT 'tracking', order_no, client, CASE outcome WHEN 'found' THEN 'ok' ELSE outcome END, at
    FROM tracking_lookups ORDER BY id`.execute(db);
  await sql`DROP TABLE tracking_lookups`.execute(db);
  await sql`CREATE INDEX attempts_subject ON attempts (kind, subject, at)`.execute(db);
  await sql`CREATE INDEX attempts_client ON attempts (kind, client, at)`.execute(db);
}
