import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { type Database, openDatabase } from "../src/db/database.js";
import { cityActor } from "../src/modules/city-hotline/account.js";
import { queueImport, runImport } from "../src/modules/city-hotline/run.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { createContext, prepareDatabase } from "../src/server/bootstrap.js";
import { exportXlsx, generateCityExport } from "./city-hotline-export.js";
import { scratchServerDatabase } from "./server-database.js";

const ROWS = 10_000;

/**
 * 12345 导入基准 A 10,000-row export generated from the gazetteer (see city-hotline-export.ts),
 * imported into a fresh database, embedded and on the PostgreSQL server when one answers: time,
 * progress steps, rows placed on a grid; then the same file again, which must create no order and
 * no event.
 */
export async function benchCityImport(): Promise<Record<string, Record<string, number>>> {
  const results: Record<string, Record<string, number>> = {
    "embedded PGlite": await importInto(await openDatabase({ dataDir: "memory://" })),
  };
  const server = await scratchServerDatabase("city_import");
  if (server) {
    try {
      results["PostgreSQL server"] = await importInto(await openDatabase({ url: server.url }));
    } finally {
      await server.drop();
    }
  }
  return results;
}

async function importInto(database: Database): Promise<Record<string, number>> {
  try {
    const secretKey = randomBytes(32);
    await prepareDatabase(database, new PhoneVault(secretKey), { demo: false });
    const ctx = await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
    const file = await exportXlsx(generateCityExport(ctx.places, ROWS));
    const actor = await cityActor(ctx);
    const importOnce = async () => {
      const id = await queueImport(ctx, {
        source: "bench",
        fileName: "12345工单导出.xlsx",
        format: "xlsx",
        content: file,
        dryRun: false,
        createdBy: actor.id,
      });
      let steps = 0;
      const started = performance.now();
      await runImport(ctx, id, () => {
        steps += 1;
      });
      const seconds = (performance.now() - started) / 1000;
      const run = await ctx.db
        .selectFrom("city_imports")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return { seconds, steps, run };
    };
    const count = async (table: "orders" | "order_events") =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const first = await importOnce();
    const [orders, events] = [await count("orders"), await count("order_events")];
    const second = await importOnce();
    return {
      rows: ROWS,
      fileKb: Math.round(file.length / 1024),
      firstSeconds: first.seconds,
      progressSteps: first.steps,
      created: first.run.created,
      unplaced: first.run.unplaced,
      invalid: first.run.invalid,
      placedPercent: (100 * first.run.created) / ROWS,
      secondSeconds: second.seconds,
      secondCreatedOrders: (await count("orders")) - orders,
      secondNewEvents: (await count("order_events")) - events,
      secondUnchanged: second.run.unchanged,
    };
  } finally {
    await database.close();
  }
}

export function reportCityImport(results: Record<string, Record<string, number>>): void {
  for (const [where, r] of Object.entries(results)) reportOne(where, r);
}

function reportOne(where: string, r: Record<string, number>): void {
  console.log(`12345 import, ${r.rows} rows (${r.fileKb} KB XLSX), ${where}:`);
  console.log(
    `  first import: ${r.firstSeconds.toFixed(1)} s in ${r.progressSteps} progress steps; ` +
      `${r.created} created (${r.placedPercent.toFixed(1)} % placed on a grid), ${r.unplaced} queued for placement, ${r.invalid} invalid`,
  );
  console.log(
    `  second import of the same file: ${r.secondSeconds.toFixed(1)} s; ${r.secondCreatedOrders} orders and ` +
      `${r.secondNewEvents} events created, ${r.secondUnchanged} unchanged`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) reportCityImport(await benchCityImport());
