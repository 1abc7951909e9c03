import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { AuditActor, AuditEntry } from "./rules.js";

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Appends an audit row. Call it with the transaction that makes the change, so a change that rolls
 * back leaves no row. The database fills `prev_hash`/`hash` and refuses later edits (migration 0012).
 */
export async function recordAudit(
  trx: Executor,
  actor: AuditActor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      at,
      actor_id: actor.id,
      actor_username: actor.username,
      actor_role: actor.role,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      client: actor.client,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  from?: Date;
  to?: Date;
}

function filtered(db: Executor, filter: AuditFilter) {
  let query = db.selectFrom("audit_log");
  if (filter.actor) query = query.where("actor_username", "=", filter.actor);
  if (filter.action) query = query.where("action", "like", `${filter.action.replace(/[\\%_]/g, "\\$&")}%`);
  if (filter.target) query = query.where("target_id", "=", filter.target);
  if (filter.from) query = query.where("at", ">=", filter.from);
  if (filter.to) query = query.where("at", "<", filter.to);
  return query;
}

/** A page of the log, newest first, and how many rows match. */
export async function searchAudit(
  db: Executor,
  filter: AuditFilter,
  page: { offset: number; limit: number },
) {
  const total = await filtered(db, filter)
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy("id", "desc")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: total.n, rows };
}

/**
 * Makes a change and writes its audit row in one transaction, so neither exists without the other:
 * `change` runs on the transaction and returns its result and what to record.
 */
export function recordChange<T>(
  db: Kysely<DB>,
  actor: AuditActor,
  at: Date,
  change: (trx: Transaction<DB>) => Promise<{ result: T; entry: AuditEntry }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { result, entry } = await change(trx);
    await recordAudit(trx, actor, entry, at);
    return result;
  });
}
