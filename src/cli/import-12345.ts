import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "../config.js";
import { cityActor } from "../modules/city-hotline/account.js";
import { DEFAULT_CITY_SOURCE } from "../modules/city-hotline/format.js";
import { formatOf } from "../modules/city-hotline/read.js";
import { queueImport, runImport } from "../modules/city-hotline/run.js";
import { PhoneVault } from "../platform/privacy/phone.js";
import { createContext, openConfiguredDatabase, prepareDatabase } from "../server/bootstrap.js";

/**
 * `minhu import-12345 FILE [--source NAME] [--dry-run]`: the same import as the page, run here with
 * progress on stderr, then the counts and every problem row.
 */
export async function importCityExport(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      source: { type: "string", default: DEFAULT_CITY_SOURCE },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error("usage: minhu import-12345 FILE [--source NAME] [--dry-run]");
    process.exitCode = 2;
    return;
  }
  const content = readFileSync(file);
  const database = await openConfiguredDatabase(config);
  try {
    await prepareDatabase(database, new PhoneVault(config.secretKey), { demo: false });
    const ctx = await createContext(database, config);
    const id = await queueImport(ctx, {
      source: values.source,
      fileName: basename(file),
      format: formatOf(file, content),
      content,
      dryRun: values["dry-run"],
      createdBy: (await cityActor(ctx)).id,
    });
    await runImport(ctx, id, (done, total) => process.stderr.write(`\r${done}/${total} rows`));
    process.stderr.write("\n");
    const run = await ctx.db
      .selectFrom("city_imports")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const verb = run.dry_run ? "would be " : "";
    console.log(
      `${run.state}${run.error ? ` (${run.error})` : ""}: ${run.rows_done} rows — ${verb}created ${run.created}, ` +
        `${verb}updated ${run.updated}, unchanged ${run.unchanged}, unplaced ${run.unplaced}, invalid ${run.invalid}`,
    );
    const problems = await ctx.db
      .selectFrom("city_import_problems")
      .select(["row_no", "work_order_no", "kind", "reason", "detail"])
      .where("import_id", "=", id)
      .orderBy("row_no")
      .execute();
    for (const p of problems)
      console.log(
        `row ${p.row_no}\t${p.work_order_no ?? "—"}\t${p.kind}\t${p.reason}${p.detail ? `\t${p.detail}` : ""}`,
      );
    if (run.state === "failed") process.exitCode = 1;
  } finally {
    await database.close();
  }
}
