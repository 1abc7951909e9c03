import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { prepareTemplate } from "./harness.js";

/**
 * Runs every browser test script in this folder (each starts its own server and Chromium) one after
 * another, each server from a copy of one prepared data folder, and prints each script's time and a
 * closing "N passed, N failed" line.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
const scripts = readdirSync(here)
  .filter((name) => name.endsWith(".ts") && !["harness.ts", "run-all.ts"].includes(name))
  .sort();
const template = await prepareTemplate();
const failures: string[] = [];
for (const script of scripts) {
  console.log(`\n— browser: ${script}`);
  const startedAt = Date.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", `${here}${script}`], {
    stdio: "inherit",
    env: { ...process.env, ...template.env },
  });
  if (result.status !== 0) failures.push(script);
  console.log(
    `— ${script}: ${result.status === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - startedAt) / 1000)} s`,
  );
}
await rm(template.dataDir, { recursive: true, force: true });
console.log(
  `\nbrowser tests: ${scripts.length - failures.length} passed, ${failures.length} failed ${failures.join(" ")}`,
);
process.exit(failures.length === 0 ? 0 : 1);
