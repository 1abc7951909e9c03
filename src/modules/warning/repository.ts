/** The `warnings` table: SQL only, plain rows out. */
import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { WarningCandidate, WarningRule } from "./types.js";

type Executor = Kysely<DB> | Transaction<DB>;
export type WarningState = "open" | "acknowledged" | "actioned" | "dismissed";

/** Rows per upsert statement: well below PostgreSQL's 65,535 parameters at 9 per row. */
const UPSERT_BATCH = 500;

/**
 * Stores the candidates by their dedupe key: new ones are inserted, known ones still waiting for a
 * person get the rule's latest title, detail and orders. A closed warning (actioned or dismissed) is
 * left as it was decided. Returns the regions of the rows that were new.
 */
export async function upsertWarnings(
  db: Executor,
  candidates: readonly WarningCandidate[],
  now: Date,
): Promise<string[]> {
  const inserted: string[] = [];
  for (let i = 0; i < candidates.length; i += UPSERT_BATCH) {
    const rows = await db
      .insertInto("warnings")
      .values(
        candidates.slice(i, i + UPSERT_BATCH).map((c) => ({
          rule: c.rule,
          dedupe_key: c.dedupeKey,
          region_code: c.regionCode,
          category_code: c.categoryCode,
          title: c.title,
          detail: JSON.stringify(c.detail),
          order_ids: c.orderIds,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .column("dedupe_key")
          .doUpdateSet((eb) => ({
            title: eb.ref("excluded.title"),
            detail: eb.ref("excluded.detail"),
            order_ids: eb.ref("excluded.order_ids"),
            region_code: eb.ref("excluded.region_code"),
            updated_at: eb.ref("excluded.updated_at"),
          }))
          .where("warnings.state", "in", ["open", "acknowledged"]),
      )
      // xmax is 0 on a freshly inserted row version: tells inserts from updates in one statement.
      .returning([sql<boolean>`xmax = 0`.as("inserted"), "region_code"])
      .execute();
    inserted.push(...rows.filter((r) => r.inserted).map((r) => r.region_code));
  }
  return inserted;
}

/** Dedupe keys and orders of the rules' warnings created since an instant. */
export async function recentWarnings(db: Executor, rules: readonly WarningRule[], since: Date) {
  return db
    .selectFrom("warnings")
    .select(["dedupe_key", "order_ids"])
    .where("rule", "in", [...rules])
    .where("created_at", ">=", since)
    .execute();
}

/**
 * Closes the due-soon warnings whose condition has ended by itself: the order left the running
 * states (replied, returned …) or its deadline moved (an approved extension). No person decided it,
 * so `handled_by` stays empty and the note says why. Returns the regions of the closed warnings.
 */
export async function dismissEndedDueSoon(
  db: Executor,
  runningStates: readonly string[],
  now: Date,
): Promise<string[]> {
  const rows = await db
    .updateTable("warnings as w")
    .set({
      state: "dismissed",
      handled_at: now,
      updated_at: now,
      action_note:
        "条件已解除（工单已答复或期限已变更），系统自动关闭 / ended: the order was answered or its deadline moved",
    })
    .where("w.rule", "=", "due_soon")
    .where("w.state", "in", ["open", "acknowledged"])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("orders as o")
            .select(sql`1`.as("one"))
            .whereRef("o.id", "=", sql`w.order_ids[1]`)
            .where("o.state", "in", [...runningStates])
            .whereRef("o.handling_due_at", "=", sql`(w.detail->>'dueAt')::timestamptz`),
        ),
      ),
    )
    .returning("w.region_code")
    .execute();
  return rows.map((r) => r.region_code);
}

/** A state, or "undecided": open or acknowledged, i.e. still waiting to be actioned or dismissed. */
export type WarningStateFilter = WarningState | "undecided";

export interface WarningFilter {
  state?: WarningStateFilter;
  rule?: WarningRule;
  page: number;
  pageSize: number;
}

function filtered(
  db: Executor,
  where: { scope?: string; id?: string; state?: WarningStateFilter; rule?: WarningRule },
) {
  let query = db.selectFrom("warnings as w");
  if (where.scope !== undefined) query = query.where("w.region_code", "like", `${where.scope}%`);
  if (where.id) query = query.where("w.id", "=", where.id);
  if (where.state === "undecided") query = query.where("w.state", "in", ["open", "acknowledged"]);
  else if (where.state) query = query.where("w.state", "=", where.state);
  if (where.rule) query = query.where("w.rule", "=", where.rule);
  return query;
}

function withNames(query: ReturnType<typeof filtered>) {
  return query
    .leftJoin("categories as c", "c.code", "w.category_code")
    .leftJoin("users as a", "a.id", "w.acknowledged_by")
    .leftJoin("users as h", "h.id", "w.handled_by")
    .selectAll("w")
    .select([
      "c.name as category_name",
      "a.display_name as acknowledged_by_name",
      "h.display_name as handled_by_name",
    ]);
}

/** The warnings inside a region prefix, most recently confirmed first, with the names a reader needs. */
export async function listWarnings(db: Executor, scope: string, filter: WarningFilter) {
  const query = filtered(db, { scope, state: filter.state, rule: filter.rule });
  const total = await query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const rows = await withNames(query)
    .orderBy("w.updated_at", "desc")
    .orderBy("w.id", "desc")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: total.n, rows };
}

/** One warning with names, or undefined. */
export async function findWarning(db: Executor, id: string) {
  return withNames(filtered(db, { id })).executeTakeFirst();
}

export type WarningView = NonNullable<Awaited<ReturnType<typeof findWarning>>>;

/** The warning's state, locked for the rest of the transaction so two decisions queue up. */
export async function lockWarning(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom("warnings")
    .select(["id", "state", "rule", "region_code", "order_ids"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export interface WarningDecision {
  state: WarningState;
  acknowledged_by?: number;
  acknowledged_at?: Date;
  handled_by?: number;
  handled_at?: Date;
  action_note?: string;
}

export async function updateWarning(
  trx: Transaction<DB>,
  id: string,
  decision: WarningDecision,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("warnings")
    .set({ ...decision, updated_at: now })
    .where("id", "=", id)
    .execute();
}
