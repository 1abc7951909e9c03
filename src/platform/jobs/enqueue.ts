import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

/** A timer to store: what to run, when, with what. */
export interface NewJob {
  kind: string;
  runAt: Date;
  payload?: Record<string, unknown>;
  /**
   * Names the one pending timer of its sort (e.g. `order.deadline:42`): enqueueing the same key again
   * moves that timer instead of adding a second one.
   */
  dedupeKey?: string;
}

/**
 * Stores a job; pass the caller's transaction so the timer exists only if the change that needs it
 * commits. With a dedupe key an existing job is replaced — new kind, run_at and payload, a fresh
 * attempt budget — and revived if it had already finished. Returns the job id.
 */
export async function enqueueJob(db: Kysely<DB>, job: NewJob): Promise<string> {
  const row = await db
    .insertInto("jobs")
    .values({
      kind: job.kind,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload ?? {}),
      dedupe_key: job.dedupeKey ?? null,
    })
    .onConflict((conflict) =>
      // locked_until is left alone: a run in progress keeps its lock, so no other instance starts the
      // job twice at once; the reset attempts tell that run its job was replaced (see settle.ts).
      conflict.column("dedupe_key").doUpdateSet((eb) => ({
        kind: eb.ref("excluded.kind"),
        run_at: eb.ref("excluded.run_at"),
        payload: eb.ref("excluded.payload"),
        attempts: 0,
        done_at: null,
        last_error: null,
      })),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes the pending job with this dedupe key (e.g. a deadline of an order just closed); true if one was. */
export async function cancelJob(db: Kysely<DB>, dedupeKey: string): Promise<boolean> {
  const result = await db
    .deleteFrom("jobs")
    .where("dedupe_key", "=", dedupeKey)
    .where("done_at", "is", null)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
