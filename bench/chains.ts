import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { openDatabase } from "../src/db/database.js";
import { chainExistingEvents } from "../src/db/migrations/0012_audit.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { seedDemoGridWorkers } from "../src/seed/demo-accounts.js";
import { DEMO_ORDERS_PER_YEAR, seedHistory } from "../src/seed/history/index.js";
import { createContext, prepareDatabase } from "../src/server/bootstrap.js";

export interface ChainTimings {
  orders: number;
  events: number;
  /** Storing the demo year, its events chained in one pass at the end. */
  storeMs: number;
  /** Migration 0012's backfill of the same events from scratch (every hash cleared first). */
  backfillMs: number;
}

/**
 * The cost of the per-order event hash chains (migration 0012) on the demo year, on in-memory PGlite:
 * the history's store (which chains its events as it writes them) and the migration's backfill of
 * every event.
 */
export async function benchChains(orders = DEMO_ORDERS_PER_YEAR): Promise<ChainTimings> {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    const secretKey = randomBytes(32);
    await prepareDatabase(database, new PhoneVault(secretKey), { demo: true });
    await seedDemoGridWorkers(database.db, new PhoneVault(secretKey));
    const ctx = await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
    const report = await seedHistory(ctx, { ordersPerYear: orders });
    await sql`UPDATE order_events SET prev_hash = NULL, hash = NULL`.execute(ctx.db);
    await sql`VACUUM order_events`.execute(ctx.db);
    const started = performance.now();
    await chainExistingEvents(ctx.db);
    const { rows } = await sql<{ chained: string }>`SELECT count(*) AS chained FROM order_events`.execute(
      ctx.db,
    );
    return {
      orders: report.rows.orders,
      events: Number(rows[0].chained),
      storeMs: Math.round(report.storeMs),
      backfillMs: Math.round(performance.now() - started),
    };
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(await benchChains());
