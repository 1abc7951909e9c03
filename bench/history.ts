import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Database, openDatabase } from "../src/db/database.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { seedDemoGridWorkers } from "../src/seed/demo-accounts.js";
import { DEMO_ORDERS_PER_YEAR, seedHistory } from "../src/seed/history/index.js";
import { createContext, prepareDatabase } from "../src/server/bootstrap.js";
import { scratchServerDatabase } from "./server-database.js";

export interface HistoryTimings {
  /** Open, migrate, reference data and demo accounts: the first start without history. */
  prepareMs: number;
  generateMs: number;
  storeMs: number;
  /** The first start with the history: prepare + generate + store. */
  firstStartMs: number;
  orders: number;
  events: number;
}

/**
 * The demo year (64,000 orders) on a fresh database: on embedded PGlite in a temporary folder, as
 * the first start builds it, and on the PostgreSQL server when one answers (DATABASE_URL, or the
 * local test server).
 */
export async function benchHistory(orders = DEMO_ORDERS_PER_YEAR): Promise<Record<string, HistoryTimings>> {
  const results: Record<string, HistoryTimings> = {};
  const dir = mkdtempSync(join(tmpdir(), "minhu-bench-history-"));
  try {
    results.pglite = await timeHistory(() => openDatabase({ dataDir: join(dir, "db") }), orders);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await scratchServerDatabase("history");
  if (server) {
    try {
      results.postgres = await timeHistory(() => openDatabase({ url: server.url }), orders);
    } finally {
      await server.drop();
    }
  }
  return results;
}

async function timeHistory(open: () => Promise<Database>, orders: number): Promise<HistoryTimings> {
  const started = performance.now();
  const database = await open();
  try {
    const secretKey = randomBytes(32);
    await prepareDatabase(database, new PhoneVault(secretKey), { demo: true });
    await seedDemoGridWorkers(database.db, new PhoneVault(secretKey));
    const ctx = await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
    const prepareMs = performance.now() - started;
    const report = await seedHistory(ctx, { ordersPerYear: orders });
    return {
      prepareMs,
      generateMs: report.generateMs,
      storeMs: report.storeMs,
      firstStartMs: performance.now() - started,
      orders: report.rows.orders,
      events: report.rows.events,
    };
  } finally {
    await database.close();
  }
}

export function reportHistory(results: Record<string, HistoryTimings>): void {
  const line = (label: string, value: number, unit = "ms") =>
    console.log(`${label.padEnd(52)}${Math.round(value).toLocaleString("en-US").padStart(10)} ${unit}`);
  for (const [where, r] of Object.entries(results)) {
    console.log(
      `demo history on ${where}: ${r.orders.toLocaleString("en-US")} orders, ${r.events.toLocaleString("en-US")} events`,
    );
    line(`  ${where}: prepare (migrate, reference data, accounts)`, r.prepareMs);
    line(`  ${where}: generate the year in memory`, r.generateMs);
    line(`  ${where}: store it`, r.storeMs);
    line(`  ${where}: first start with the year`, r.firstStartMs);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportHistory(await benchHistory(process.argv[2] ? Number(process.argv[2]) : undefined));
}
