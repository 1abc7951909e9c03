import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { ColumnMapping } from "./format.js";

type Executor = Kysely<DB> | Transaction<DB>;

export async function findMapping(db: Executor, source: string): Promise<ColumnMapping | undefined> {
  const row = await db
    .selectFrom("city_sources")
    .select("mapping")
    .where("name", "=", source)
    .executeTakeFirst();
  return row?.mapping;
}

export async function saveMapping(
  db: Executor,
  source: string,
  mapping: ColumnMapping,
  userId: number | null,
) {
  await db
    .insertInto("city_sources")
    .values({ name: source, mapping: JSON.stringify(mapping), updated_by: userId })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ mapping: JSON.stringify(mapping), updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

export async function listSources(db: Executor) {
  return db.selectFrom("city_sources").select(["name", "mapping", "updated_at"]).orderBy("name").execute();
}

/** The orders already made from these work-order numbers, with the hash of the row last applied. */
export async function linksOf(db: Executor, workOrderNos: string[]) {
  if (workOrderNos.length === 0) return new Map<string, { orderId: string; rowHash: string }>();
  const rows = await db
    .selectFrom("city_work_orders")
    .select(["work_order_no", "order_id", "row_hash"])
    .where("work_order_no", "in", workOrderNos)
    .execute();
  return new Map(rows.map((r) => [r.work_order_no, { orderId: r.order_id, rowHash: r.row_hash }]));
}

export async function insertLink(
  trx: Transaction<DB>,
  link: { workOrderNo: string; orderId: string; rowHash: string; source: string },
) {
  await trx
    .insertInto("city_work_orders")
    .values({
      work_order_no: link.workOrderNo,
      order_id: link.orderId,
      row_hash: link.rowHash,
      source: link.source,
    })
    .execute();
}

export async function updateLinkHash(trx: Transaction<DB>, workOrderNo: string, rowHash: string, now: Date) {
  await trx
    .updateTable("city_work_orders")
    .set({ row_hash: rowHash, updated_at: now })
    .where("work_order_no", "=", workOrderNo)
    .execute();
}

export interface NewProblem {
  importId: string | null;
  rowNo: number | null;
  workOrderNo: string | null;
  kind: "invalid" | "unplaced";
  reason: string;
  detail: string | null;
  record: Record<string, unknown> | null;
}

/**
 * Records problem rows. An unplaced work order already waiting in the queue is refreshed (its latest
 * row) instead of queued twice. A dry run's unplaced rows are listed with its result but stored as
 * superseded: they are no task for anyone.
 */
export async function insertProblems(db: Executor, problems: NewProblem[], queued: boolean) {
  for (const p of problems) {
    const values = {
      import_id: p.importId,
      row_no: p.rowNo,
      work_order_no: p.workOrderNo,
      kind: p.kind,
      reason: p.reason,
      detail: p.detail,
      record: p.record ? JSON.stringify(p.record) : null,
      state: p.kind === "unplaced" && !queued ? "superseded" : "open",
    };
    if (p.kind === "invalid" || values.state !== "open") {
      await db.insertInto("city_import_problems").values(values).execute();
      continue;
    }
    await db
      .insertInto("city_import_problems")
      .values(values)
      .onConflict((oc) =>
        oc
          .column("work_order_no")
          .where("kind", "=", "unplaced")
          .where("state", "=", "open")
          .doUpdateSet({ import_id: p.importId, row_no: p.rowNo, record: values.record, detail: p.detail }),
      )
      .execute();
  }
}

export async function openQueue(db: Executor, limit: number, offset: number) {
  return db
    .selectFrom("city_import_problems")
    .select(["id", "import_id", "row_no", "work_order_no", "reason", "detail", "record"])
    .where("kind", "=", "unplaced")
    .where("state", "=", "open")
    .orderBy("id")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countQueue(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("city_import_problems")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("kind", "=", "unplaced")
    .where("state", "=", "open")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const IMPORT_COLUMNS = [
  "id",
  "source",
  "file_name",
  "format",
  "dry_run",
  "state",
  "rows_total",
  "rows_done",
  "created",
  "updated",
  "unchanged",
  "unplaced",
  "invalid",
  "error",
  "created_at",
  "started_at",
  "finished_at",
] as const;

/** The latest imports, newest first. */
export async function latestImports(db: Executor, limit: number) {
  return db.selectFrom("city_imports").select(IMPORT_COLUMNS).orderBy("id", "desc").limit(limit).execute();
}

export async function findImport(db: Executor, id: string) {
  return db.selectFrom("city_imports").select(IMPORT_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** An import's problem rows, in row order. */
export async function problemsOfImport(db: Executor, importId: string, limit: number) {
  return db
    .selectFrom("city_import_problems")
    .select(["row_no", "work_order_no", "kind", "reason", "detail"])
    .where("import_id", "=", importId)
    .orderBy("row_no")
    .limit(limit)
    .execute();
}

/** A work order still waiting in the queue for a person to place it. */
export async function findQueued(db: Executor, id: string) {
  return db
    .selectFrom("city_import_problems")
    .select(["id", "work_order_no", "record", "import_id"])
    .where("id", "=", id)
    .where("kind", "=", "unplaced")
    .where("state", "=", "open")
    .executeTakeFirst();
}

export async function markPlaced(
  db: Executor,
  id: string,
  placed: { orderId: string; placedBy: number; placedAt: Date },
) {
  await db
    .updateTable("city_import_problems")
    .set({
      state: "placed",
      order_id: placed.orderId,
      placed_by: placed.placedBy,
      placed_at: placed.placedAt,
    })
    .where("id", "=", id)
    .execute();
}

/** Forgets the push nonces stored before a moment. */
export async function pruneNonces(db: Executor, before: Date) {
  await db.deleteFrom("city_push_nonces").where("at", "<", before).execute();
}

/** Stores a push nonce; false when it was stored already (a replay). */
export async function storeNonce(db: Executor, nonce: string, at: Date): Promise<boolean> {
  const stored = await db
    .insertInto("city_push_nonces")
    .values({ nonce, at })
    .onConflict((oc) => oc.column("nonce").doNothing())
    .returning("nonce")
    .executeTakeFirst();
  return stored !== undefined;
}
