import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 3;

/**
 * Start-up as a newcomer meets it: `node bin/minhu.js serve` (what `npm start` runs once built) on a
 * new data folder, timed from the process's start to the first 200 from /api/health; the same with
 * MINHU_DEMO_HISTORY=off; and a restart on the folder a first start left. Three runs each, the
 * median printed with the spread. The demo's background fill runs meanwhile, as it does for a user.
 */
export async function benchStartup(): Promise<Record<string, number[]>> {
  execFileSync(process.execPath, ["scripts/ensure-build.mjs", "server"], { cwd: ROOT, stdio: "inherit" });
  const results: Record<string, number[]> = { first: [], firstWithoutYear: [], restart: [] };
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), "minhu-bench-startup-"));
    try {
      results.first.push(await timeToHealth(dir, {}));
      results.restart.push(await timeToHealth(dir, {}));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const bare = mkdtempSync(join(tmpdir(), "minhu-bench-startup-"));
    try {
      results.firstWithoutYear.push(await timeToHealth(bare, { MINHU_DEMO_HISTORY: "off" }));
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  }
  return results;
}

/** Milliseconds from spawning the server to its first healthy answer; the server is then stopped. */
async function timeToHealth(dataDir: string, env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/minhu.js", "serve"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), MINHU_DATA_DIR: dataDir },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function reportStartup(results: Record<string, number[]>): void {
  const labels: Record<string, string> = {
    first: "first start on a new folder, to /api/health",
    firstWithoutYear: "the same, MINHU_DEMO_HISTORY=off",
    restart: "restart on the existing folder, to /api/health",
  };
  for (const [key, times] of Object.entries(results)) {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const spread = sorted.map((ms) => Math.round(ms).toLocaleString("en-US")).join(", ");
    console.log(
      `${labels[key].padEnd(50)}${Math.round(median).toLocaleString("en-US").padStart(8)} ms  (runs: ${spread})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportStartup(await benchStartup());
}
