import { type Kysely, sql } from "kysely";
import type { AttemptsTable, DB } from "../../db/schema.js";
import { fail } from "../errors.js";

/**
 * The one throttle for anything an attacker may guess: passwords, tracking codes, rating links
 * (and any one-time code to come). It counts recorded failures in PostgreSQL, so limits hold
 * across server instances and the record of attempts is the counter. Only failures count: a
 * right answer never brings anyone closer to a limit.
 */
export type AttemptKind = AttemptsTable["kind"];
export type AttemptOutcome = AttemptsTable["outcome"];

export interface Attempt {
  kind: AttemptKind;
  /** What is being tried: a username, an order number, or "" when there is nothing to name. */
  subject: string;
  /** clientKey() of the request's address. */
  client: string;
  now: Date;
}

/**
 * At most `max` failures within `windowMs`, counted per client address, per subject, or per
 * subject from one address. `exceptKnownClients`: a client that succeeded on this subject within
 * that many ms is not held by this limit — so a flood against an account from strangers cannot
 * lock its owner out on the addresses they use.
 */
export interface Limit {
  per: "client" | "subject" | "subject+client";
  max: number;
  windowMs: number;
  exceptKnownClients?: number;
}

/** Throws RATE_LIMITED with the seconds until a retry can succeed (and records the attempt) if any limit is reached. */
export async function checkThrottle(
  db: Kysely<DB>,
  attempt: Attempt,
  limits: readonly Limit[],
): Promise<void> {
  let wait = 0;
  for (const limit of limits) {
    if (limit.exceptKnownClients && (await isKnownClient(db, attempt, limit.exceptKnownClients))) continue;
    const since = new Date(attempt.now.getTime() - limit.windowMs);
    // The max-th most recent failure: once it leaves the window, fewer than max remain.
    const row = await db
      .selectFrom("attempts")
      .select("at")
      .where("kind", "=", attempt.kind)
      .$if(limit.per !== "client", (q) => q.where("subject", "=", attempt.subject))
      .$if(limit.per !== "subject", (q) => q.where("client", "=", attempt.client))
      .where("outcome", "=", "wrong")
      .where("at", ">", since)
      .orderBy("at", "desc")
      .offset(limit.max - 1)
      .limit(1)
      .executeTakeFirst();
    if (row) wait = Math.max(wait, new Date(row.at).getTime() + limit.windowMs - attempt.now.getTime());
  }
  if (wait <= 0) return;
  await recordAttempt(db, attempt, "throttled");
  throw fail("RATE_LIMITED", { retryAfter: Math.max(1, Math.ceil(wait / 1000)) });
}

export async function recordAttempt(
  db: Kysely<DB>,
  attempt: Attempt,
  outcome: AttemptOutcome,
): Promise<void> {
  await db
    .insertInto("attempts")
    .values({
      kind: attempt.kind,
      subject: attempt.subject,
      client: attempt.client,
      outcome,
      at: attempt.now,
    })
    .execute();
}

async function isKnownClient(db: Kysely<DB>, attempt: Attempt, withinMs: number): Promise<boolean> {
  const row = await db
    .selectFrom("attempts")
    .select("id")
    .where("kind", "=", attempt.kind)
    .where("subject", "=", attempt.subject)
    .where("client", "=", attempt.client)
    .where("outcome", "=", "ok")
    .where("at", ">", new Date(attempt.now.getTime() - withinMs))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * How long attempts are kept: the record of who tried what (an investigator looks back a quarter),
 * and longer than any limit looks back (see {@link spanOf}).
 */
export const ATTEMPTS_KEPT_MS = 90 * 24 * 60 * 60 * 1000;

/** How far back a set of limits reads the record: its longest window or known-client span. */
export function spanOf(limits: readonly Limit[]): number {
  return Math.max(0, ...limits.map((limit) => Math.max(limit.windowMs, limit.exceptKnownClients ?? 0)));
}

/** Rows deleted per statement, so pruning a large backlog never holds the embedded database long. */
const PRUNE_BATCH = 5_000;

/** Deletes attempts older than ATTEMPTS_KEPT_MS, in batches; returns how many went. */
export async function pruneAttempts(db: Kysely<DB>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ATTEMPTS_KEPT_MS);
  let deleted = 0;
  for (;;) {
    const result = await sql`DELETE FROM attempts WHERE id IN (
      SELECT id FROM attempts WHERE at < ${before} ORDER BY id LIMIT ${PRUNE_BATCH})`.execute(db);
    const count = Number(result.numAffectedRows ?? 0);
    deleted += count;
    if (count < PRUNE_BATCH) return deleted;
  }
}
