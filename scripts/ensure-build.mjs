// Builds what `npm start` runs when it is missing or older than its sources: the server (TypeScript
// compiled to dist/, with the data files that sit beside the sources) and the web app (web/dist), so
// that `npm install && npm start` is all a fresh machine needs. `node scripts/ensure-build.mjs server`
// builds only the server (the browser harness builds the web app itself).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

function newestMtime(path) {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const stale = (built, sources) =>
  !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
const run = (script, args) => execFileSync(process.execPath, [script, ...args], { stdio: "inherit" });

async function buildServer() {
  if (!stale("dist/cli/main.js", ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"]))
    return;
  console.log("building the server (first start or changed sources)…");
  rmSync("dist", { recursive: true, force: true });
  run("node_modules/typescript/bin/tsc", ["-p", "tsconfig.build.json"]);
  // Files the server reads beside its modules at run time (classifier examples, the routing model).
  cpSync("src", "dist", { recursive: true, filter: (path) => !path.endsWith(".ts") });
  await prepareBaseDataDir();
}

/**
 * The data folder every embedded database starts as (migrated, reference data, demo places): a first
 * start copies it instead of running initdb, the migrations and that seed (db/database.ts). It is kept
 * unpacked, because copying files is several times faster than PGlite loading a tar. Nothing in it
 * depends on the install's secret key; the demo accounts are seeded at first start.
 */
async function prepareBaseDataDir() {
  const { openDatabase } = await import("../dist/db/database.js");
  const { migrateToLatest } = await import("../dist/db/migrate.js");
  const { seedReferenceData } = await import("../dist/seed/reference.js");
  const { seedDemoPlaces } = await import("../dist/seed/places.js");
  const database = await openDatabase({ dataDir: "dist/base-pgdata" });
  await migrateToLatest(database.db);
  await seedReferenceData(database.db);
  await seedDemoPlaces(database.db);
  await database.close();
}

function buildWeb() {
  if (!stale("web/dist/index.html", ["web/src", "web/index.html"])) return;
  console.log("building the web app (first start or changed sources)…");
  run("node_modules/vite/bin/vite.js", ["build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
}

const parts = process.argv.length > 2 ? process.argv.slice(2) : ["server", "web"];
if (parts.includes("server")) await buildServer();
if (parts.includes("web")) buildWeb();
