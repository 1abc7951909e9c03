import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Runs every browser test script in this folder (each starts its own server and Chromium) one after
 * another, and prints a closing "N passed, N failed" line.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
const scripts = readdirSync(here)
  .filter((name) => name.endsWith(".ts") && !["harness.ts", "run-all.ts"].includes(name))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n— browser: ${script}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `${here}${script}`], { stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
console.log(`\nbrowser tests: ${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
