import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/database.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { createContext, prepareDatabase } from "../src/server/bootstrap.js";

/**
 * Start-up of the embedded database: the first start (create, migrate, seed the region tree and the
 * demo accounts) and a restart on the existing data folder.
 */
export async function benchStartup(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "minhu-bench-startup-"));
  const secretKey = randomBytes(32);
  try {
    let started = performance.now();
    let database = await openDatabase({ dataDir: join(dir, "db") });
    const openFirstMs = performance.now() - started;
    await prepareDatabase(database, new PhoneVault(secretKey), { demo: true });
    await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
    const firstStartMs = performance.now() - started;
    await database.close();

    started = performance.now();
    database = await openDatabase({ dataDir: join(dir, "db") });
    const reopenMs = performance.now() - started;
    await prepareDatabase(database, new PhoneVault(secretKey), { demo: true });
    await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
    const restartMs = performance.now() - started;
    await database.close();
    return { openFirstMs, firstStartMs, reopenMs, restartMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reportStartup(r: Record<string, number>): void {
  const line = (label: string, value: number) =>
    console.log(`${label.padEnd(52)}${Math.round(value).toLocaleString("en-US").padStart(10)} ms`);
  line("embedded PGlite: open a new database", r.openFirstMs);
  line("embedded PGlite: first start (migrate + seed + demo)", r.firstStartMs);
  line("embedded PGlite: reopen existing data folder", r.reopenMs);
  line("embedded PGlite: restart until ready", r.restartMs);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportStartup(await benchStartup());
}
