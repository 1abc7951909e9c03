import { type Kysely, sql } from "kysely";

/**
 * 链头签名 Keyed anchors for the hash chains (0012). Anyone who can write SQL can edit an entry and
 * recompute every hash after it, or delete the newest entries, and the plain chains still verify. An
 * anchor records the chains' heads at a moment — the audit log's last entry and a digest of every
 * order's last event — under an HMAC with the server's secret key, which is not in the database, so
 * a rewrite or removal of anything before the latest anchor shows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE chain_anchors (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    audit_last_id bigint,
    audit_last_hash text,
    events_last_id bigint,
    events_digest text NOT NULL,
    orders integer NOT NULL,
    mac text NOT NULL
  )`.execute(db);
}
