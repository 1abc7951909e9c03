import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { BUILT_ENV, buildWebApp, prepareTemplate } from "./harness.js";

/**
 * Runs every browser test script in this folder, each with its own server (started from a copy of
 * one prepared data folder) and Chromium, two at a time (MINHU_BROWSER_JOBS): a script mostly waits
 * on its pages, and one at a time left the two cores two-thirds idle. Each script's output is printed
 * whole when it ends, with its time; a closing line counts passes and names failures and flaky scripts.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
/** The longest first, so the last ones to finish are short. */
const LONGEST = ["public-privacy.ts", "every-page.ts", "command-live.ts", "accessibility.ts", "csp.ts"];
const scripts = readdirSync(here)
  .filter((name) => name.endsWith(".ts") && !["harness.ts", "run-all.ts"].includes(name))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
function rank(script: string): number {
  const index = LONGEST.indexOf(script);
  return index === -1 ? LONGEST.length : index;
}
const jobs = Math.max(1, Number(process.env.MINHU_BROWSER_JOBS ?? 2));

await buildWebApp();
const template = await prepareTemplate();
const env = { ...process.env, ...template.env, [BUILT_ENV]: "1" };

function run(script: string): Promise<boolean> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `${here}${script}`], { env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      const seconds = Math.round((Date.now() - startedAt) / 1000);
      console.log(
        `\n— browser: ${script} ${code === 0 ? "passed" : "FAILED"} in ${seconds} s\n${output.trimEnd()}`,
      );
      resolve(code === 0);
    });
  });
}

const queue = [...scripts];
const failedOnce: string[] = [];
async function worker(): Promise<void> {
  for (let script = queue.shift(); script; script = queue.shift())
    if (!(await run(script))) failedOnce.push(script);
}
await Promise.all(Array.from({ length: jobs }, worker));
// A script that failed beside another runs once more alone, and is named as flaky if it then passes:
// two at a time on two cores can push a step past its timeout. One that fails alone fails the suite.
const failures: string[] = [];
const flaky: string[] = [];
for (const script of failedOnce) {
  if (jobs === 1) {
    failures.push(script);
    continue;
  }
  console.log(`\n— browser: ${script} again, alone`);
  if (await run(script)) flaky.push(script);
  else failures.push(script);
}
await rm(template.dataDir, { recursive: true, force: true });
console.log(
  `\nbrowser tests: ${scripts.length - failures.length} passed, ${failures.length} failed ${failures.join(" ")}` +
    (flaky.length > 0 ? `; flaky (failed beside another, passed alone): ${flaky.join(" ")}` : ""),
);
process.exit(failures.length === 0 ? 0 : 1);
