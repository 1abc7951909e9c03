import { sql } from "kysely";
import type { Actor } from "../../platform/auth/permissions.js";
import { enqueueJob } from "../../platform/jobs/enqueue.js";
import type { AppContext } from "../context.js";
import { cityActor } from "./account.js";
import { applyRecord, type RecordOutcome } from "./apply.js";
import { type CityField, type CityRecord, readRecord, recordHash, resolveMapping } from "./format.js";
import { type CityFileFormat, readRows } from "./read.js";
import { findMapping, insertProblems, linksOf, type NewProblem } from "./repository.js";

export const IMPORT_JOB_KIND = "city-hotline.import";

/** Rows per progress step (one lookup of links, one progress write). */
const CHUNK = 500;
/** Work orders applied at once: enough for intake's group commit to fill its batches. */
const IN_FLIGHT = 32;
/** A run holds its import this long per chunk; a crashed run's import is resumed after it lapses. */
const LOCK_MS = 10 * 60_000;

export interface NewImport {
  source: string;
  fileName: string;
  format: CityFileFormat;
  content: Buffer;
  dryRun: boolean;
  createdBy: number;
}

/** Stores an import and its job (the job runs it, and resumes it after a crash). Returns its id. */
export async function queueImport(ctx: AppContext, input: NewImport): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("city_imports")
      .values({
        source: input.source,
        file_name: input.fileName,
        format: input.format,
        content: input.content,
        dry_run: input.dryRun,
        created_by: input.createdBy,
        created_at: ctx.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await enqueueJob(trx, {
      kind: IMPORT_JOB_KIND,
      runAt: ctx.now(),
      payload: { importId: row.id },
      dedupeKey: `city-import:${row.id}`,
    });
    return row.id;
  });
}

/**
 * Runs a queued import (or resumes one whose run died): reads the file, maps its columns, applies
 * each work order, and writes progress after every chunk. "busy" when another run holds it,
 * "finished" when there is nothing left to run. Rows redone after a crash find their orders by number and change nothing.
 */
export async function runImport(
  ctx: AppContext,
  importId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<"ran" | "busy" | "finished"> {
  const now = ctx.now();
  const claimed = await ctx.db
    .updateTable("city_imports")
    .set({
      state: "running",
      started_at: sql`coalesce(started_at, ${now})`,
      locked_until: new Date(now.getTime() + LOCK_MS),
    })
    .where("id", "=", importId)
    .where((eb) =>
      eb.or([
        eb("state", "=", "queued"),
        eb.and([eb("state", "=", "running"), eb("locked_until", "<", now)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  if (!claimed?.content) {
    const state = await ctx.db
      .selectFrom("city_imports")
      .select("state")
      .where("id", "=", importId)
      .executeTakeFirst();
    return state?.state === "running" ? "busy" : "finished";
  }
  try {
    const rows = await readRows(claimed.content, claimed.format);
    const { mapping, missing } = resolveMapping(rows[0] ?? [], await findMapping(ctx.db, claimed.source));
    if (missing.length > 0) throw new ImportError(`missing_columns:${missing.join(",")}`);
    const total = rows.length - 1;
    await ctx.db.updateTable("city_imports").set({ rows_total: total }).where("id", "=", importId).execute();
    const actor = await cityActor(ctx);
    for (let start = claimed.rows_done; start < total; start += CHUNK) {
      const chunk = rows
        .slice(start + 1, start + 1 + CHUNK)
        .map((cells, i) => ({ rowNo: start + i + 2, cells }));
      const tally = await applyChunk(ctx, actor, chunk, mapping, claimed);
      const done = Math.min(start + CHUNK, total);
      await ctx.db
        .updateTable("city_imports")
        .set((eb) => ({
          rows_done: done,
          created: eb("created", "+", tally.created),
          updated: eb("updated", "+", tally.updated),
          unchanged: eb("unchanged", "+", tally.unchanged),
          unplaced: eb("unplaced", "+", tally.unplaced),
          invalid: eb("invalid", "+", tally.invalid),
          locked_until: new Date(ctx.now().getTime() + LOCK_MS),
        }))
        .where("id", "=", importId)
        .execute();
      onProgress?.(done, total);
    }
    await finish(ctx, importId, null);
  } catch (error) {
    await finish(
      ctx,
      importId,
      error instanceof ImportError ? error.message : `failed:${String(error).slice(0, 300)}`,
    );
    if (!(error instanceof ImportError)) throw error;
  }
  return "ran";
}

/** A problem with the file itself (not one row): the import fails with this code. */
class ImportError extends Error {}

async function finish(ctx: AppContext, importId: string, error: string | null) {
  await ctx.db
    .updateTable("city_imports")
    .set({
      state: error ? "failed" : "done",
      error,
      finished_at: ctx.now(),
      locked_until: null,
      content: null,
    })
    .where("id", "=", importId)
    .execute();
}

type Tally = Record<"created" | "updated" | "unchanged" | "unplaced" | "invalid", number>;

/**
 * Applies one chunk: rows are read, then grouped by work-order number (a number twice in the file is
 * applied in file order, one after the other) and the groups run IN_FLIGHT at a time.
 */
async function applyChunk(
  ctx: AppContext,
  actor: Actor,
  chunk: { rowNo: number; cells: string[] }[],
  mapping: Record<CityField, number | null>,
  run: { id: string; source: string; dry_run: boolean },
): Promise<Tally> {
  const tally: Tally = { created: 0, updated: 0, unchanged: 0, unplaced: 0, invalid: 0 };
  const problems: NewProblem[] = [];
  const groups = new Map<string, { rowNo: number; record: CityRecord }[]>();
  for (const { rowNo, cells } of chunk) {
    const read = readRecord(cells, mapping);
    if ("problem" in read) {
      tally.invalid += 1;
      problems.push({
        importId: run.id,
        rowNo,
        workOrderNo: read.workOrderNo,
        kind: "invalid",
        reason: read.problem,
        detail: null,
        record: null,
      });
      continue;
    }
    const group = groups.get(read.record.workOrderNo) ?? [];
    group.push({ rowNo, record: read.record });
    groups.set(read.record.workOrderNo, group);
  }
  const links = await linksOf(ctx.db, [...groups.keys()]);
  const record = (rowNo: number, outcome: RecordOutcome, row: CityRecord) => {
    tally[outcome.outcome] += 1;
    if (outcome.outcome === "unplaced")
      problems.push({
        importId: run.id,
        rowNo,
        workOrderNo: outcome.workOrderNo,
        kind: "unplaced",
        reason: outcome.reason,
        detail: outcome.detail,
        record: sealed(ctx, row),
      });
  };
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      let link = links.get(group[0].record.workOrderNo);
      for (const { rowNo, record: row } of group) {
        const outcome = await applyRecord(ctx, actor, row, { source: run.source, dryRun: run.dry_run, link });
        record(rowNo, outcome, row);
        // In a dry run a repeated number would be an update of the order its first row creates.
        if (outcome.outcome !== "unplaced")
          link = { orderId: outcome.orderId ?? "", rowHash: recordHash(row) };
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await insertProblems(ctx.db, problems, !run.dry_run);
  return tally;
}

/** A row kept for the placement queue, its phone encrypted like every stored phone. */
export function sealed(ctx: AppContext, row: CityRecord): Record<string, unknown> {
  const { phone, ...rest } = row;
  return { ...rest, phone: null, phoneCipher: phone ? ctx.vault.encrypt(phone) : null };
}

/** The row back from the queue, phone decrypted for intake. */
export function unsealed(ctx: AppContext, stored: Record<string, unknown>): CityRecord {
  const { phoneCipher, ...rest } = stored;
  return {
    ...(rest as unknown as CityRecord),
    phone: typeof phoneCipher === "string" ? ctx.vault.decrypt(phoneCipher) : null,
  };
}
