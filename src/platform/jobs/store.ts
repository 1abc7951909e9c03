import { type Kysely, sql, type Updateable } from "kysely";
import type { DB, JobsTable } from "../../db/schema.js";

/** A job this instance has claimed: its lock (`lockedUntil`, `attempts`) is the proof of the claim. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Runs so far, this one included. */
  attempts: number;
  dedupeKey: string | null;
  lockedUntil: Date;
}

/** The columns a run may change when it ends. */
export type JobChanges = Pick<Updateable<JobsTable>, "run_at" | "done_at" | "attempts" | "last_error">;

/**
 * Atomically claims up to `limit` due jobs for `lockMs`. SKIP LOCKED lets concurrent instances each take
 * different rows instead of queueing on the same ones; the lock time lets a crashed instance's jobs be
 * claimed again once it lapses.
 */
export async function claimDueJobs(
  db: Kysely<DB>,
  now: Date,
  limit: number,
  lockMs: number,
  /** Kinds whose runs are short and must be taken over soon after a crash: their own lock. */
  lockMsByKind: ReadonlyMap<string, number> = new Map(),
): Promise<ClaimedJob[]> {
  const until = (ms: number) => new Date(now.getTime() + ms);
  const lock =
    lockMsByKind.size === 0
      ? sql<Date>`${until(lockMs)}`
      : sql<Date>`CASE kind ${sql.join(
          [...lockMsByKind].map(([kind, ms]) => sql`WHEN ${kind} THEN ${until(ms)}::timestamptz`),
          sql` `,
        )} ELSE ${until(lockMs)}::timestamptz END`;
  const due = db
    .selectFrom("jobs")
    .select("id")
    .where("done_at", "is", null)
    .where("run_at", "<=", now)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
    .orderBy("run_at")
    .orderBy("id")
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable("jobs")
    .set((eb) => ({ locked_until: lock, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", due)
    .returning(["id", "kind", "payload", "attempts", "dedupe_key", "locked_until"])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    dedupeKey: row.dedupe_key,
    lockedUntil: row.locked_until as Date,
  }));
}

/**
 * Ends a claimed run: applies `changes` and releases the lock. The changes apply only if the claim is
 * still this run's and the job was not replaced meanwhile (enqueueJob resets attempts); otherwise only
 * the lock is released, so a replaced job runs again with its new payload at its new time.
 */
export async function settleJob(db: Kysely<DB>, job: ClaimedJob, changes: JobChanges): Promise<void> {
  const applied = await db
    .updateTable("jobs")
    .set({ ...changes, locked_until: null })
    .where("id", "=", job.id)
    .where("locked_until", "=", job.lockedUntil)
    .where("attempts", "=", job.attempts)
    .executeTakeFirst();
  if (applied.numUpdatedRows > 0n) return;
  await db
    .updateTable("jobs")
    .set({ locked_until: null })
    .where("id", "=", job.id)
    .where("locked_until", "=", job.lockedUntil)
    .execute();
}

/** The dedupe key of a recurring kind's one row. */
export function recurringKey(kind: string): string {
  return `recurring:${kind}`;
}

/**
 * Makes sure a recurring kind has its row: created due now, pulled forward when it is scheduled further
 * out than one interval (the interval was shortened), revived if something had finished it.
 */
export async function ensureRecurringJob(
  db: Kysely<DB>,
  kind: string,
  everyMs: number,
  now: Date,
): Promise<void> {
  const latest = new Date(now.getTime() + everyMs);
  await db
    .insertInto("jobs")
    .values({ kind, dedupe_key: recurringKey(kind), run_at: now, payload: "{}" })
    .onConflict((conflict) =>
      conflict.column("dedupe_key").doUpdateSet((eb) => ({
        kind,
        run_at: eb
          .case()
          .when("jobs.done_at", "is", null)
          .then(eb.fn<Date>("least", [eb.ref("jobs.run_at"), eb.val(latest)]))
          .else(eb.val(now))
          .end(),
        done_at: null,
      })),
    )
    .execute();
}
