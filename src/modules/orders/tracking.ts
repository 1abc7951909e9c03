import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { fail } from "../../platform/errors.js";

/**
 * 进度查询 without an account: the order number and the random tracking code on the receipt. The
 * code holds 40 bits, so guessing is hopeless even without limits; the throttles below bound how
 * fast anyone may try, and every attempt is recorded (tracking_lookups).
 *
 * Both throttles count recorded failures in PostgreSQL, so they hold across server instances:
 * - per client address: 30 failed lookups an hour;
 * - per order number: 50 failed lookups an hour, from anywhere. An attacker can hold one order's
 *   page at 429 this way, but learns nothing, and the caller still tracks it signed in or by 12345.
 */
export const TRACKING_WINDOW_MS = 60 * 60 * 1000;
export const MAX_FAILURES_PER_CLIENT = 30;
export const MAX_FAILURES_PER_ORDER = 50;

/** Ten hexadecimal digits, as the database generates them (upper case). */
export const TRACKING_CODE_PATTERN = "^[0-9A-Fa-f]{10}$";

export type TrackingOutcome = "found" | "wrong" | "throttled";

/** Throws RATE_LIMITED (and records the attempt) when the client or the order has failed too often. */
export async function checkTrackingThrottle(
  db: Kysely<DB>,
  attempt: { orderNo: string; client: string; now: Date },
): Promise<void> {
  const since = new Date(attempt.now.getTime() - TRACKING_WINDOW_MS);
  const counts = await sql<{ client_failures: number; order_failures: number; oldest: Date | null }>`
    SELECT
      (SELECT count(*)::int FROM tracking_lookups
        WHERE client = ${attempt.client} AND at > ${since} AND outcome = 'wrong') AS client_failures,
      (SELECT count(*)::int FROM tracking_lookups
        WHERE order_no = ${attempt.orderNo} AND at > ${since} AND outcome = 'wrong') AS order_failures,
      (SELECT min(at) FROM tracking_lookups
        WHERE (client = ${attempt.client} OR order_no = ${attempt.orderNo})
          AND at > ${since} AND outcome = 'wrong') AS oldest`.execute(db);
  const row = counts.rows[0];
  if (row.client_failures < MAX_FAILURES_PER_CLIENT && row.order_failures < MAX_FAILURES_PER_ORDER) return;
  await recordLookup(db, attempt, "throttled");
  const oldest = row.oldest ? new Date(row.oldest).getTime() : attempt.now.getTime();
  const retryAfter = Math.max(1, Math.ceil((oldest + TRACKING_WINDOW_MS - attempt.now.getTime()) / 1000));
  throw fail("RATE_LIMITED", { retryAfter });
}

export async function recordLookup(
  db: Kysely<DB>,
  attempt: { orderNo: string; client: string; now: Date },
  outcome: TrackingOutcome,
): Promise<void> {
  await db
    .insertInto("tracking_lookups")
    .values({ order_no: attempt.orderNo, client: attempt.client, outcome, at: attempt.now })
    .execute();
}
