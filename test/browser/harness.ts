import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const RESULTS_DIR = join(REPO_ROOT, "test-results");
const HEALTH_TIMEOUT_MS = 240_000;

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed so far, for failure reports. */
  output: () => string;
  /** Stops the server and removes its data folder (kept with `keepData`, to start others from it). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

/**
 * A data folder a first server left behind (migrated, reference data, demo accounts, its secret key):
 * run-all.ts makes one and names it here, and each script's server starts from a copy instead of
 * seeding again. A server asked for the demo year seeds its own.
 */
const TEMPLATE_ENV = "MINHU_BROWSER_TEMPLATE";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not healthy after ${HEALTH_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Set by run-all.ts once it has built both: scripts running side by side must not rebuild under each other. */
export const BUILT_ENV = "MINHU_BROWSER_BUILT";

/**
 * Builds web/dist when its sources changed since the last build (`npm ci` builds it, and CI ran
 * that just before), so the server under test serves the current sources.
 */
export async function buildWebApp(): Promise<void> {
  if (process.env[BUILT_ENV]) return;
  execFileSync(process.execPath, ["scripts/ensure-build.mjs", "web"], { cwd: REPO_ROOT, stdio: "inherit" });
}

/** Compiles the server to dist/ when the sources changed: the browser tests run what `npm start` runs. */
function buildServer(): void {
  if (process.env[BUILT_ENV]) return;
  execFileSync(process.execPath, ["scripts/ensure-build.mjs", "server"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
}

/**
 * Starts `node bin/minhu.js serve` (the compiled server) on a free port with a fresh data directory
 * and waits until it is healthy.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  buildServer();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "minhu-browser-"));
  const template = process.env[TEMPLATE_ENV];
  if (template && env.MINHU_DEMO_HISTORY === undefined) await cp(template, dataDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["bin/minhu.js", "serve"], {
    cwd: REPO_ROOT,
    // Browser tests count what they create, so they start without the demo year unless asked.
    env: { ...process.env, MINHU_DEMO_HISTORY: "off", ...env, PORT: String(port), MINHU_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log;

  const stop = async (options: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(killTimer);
    }
    if (!options.keepData) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output, stop };
}

/** Starts and stops one server to leave a data folder the scripts' servers start from (see TEMPLATE_ENV). */
export async function prepareTemplate(): Promise<{ dataDir: string; env: Record<string, string> }> {
  const server = await startServer();
  await server.stop({ keepData: true });
  return { dataDir: server.dataDir, env: { [TEMPLATE_ENV]: server.dataDir } };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface ProblemOptions {
  /** Failed HTTP responses that the scenario expects (e.g. the 401 of the session probe before login). */
  expectedHttpErrors?: Array<{ status: number; url: RegExp }>;
}

/**
 * Collects console errors and uncaught page errors. Chromium also logs every failed HTTP response as a
 * console error; those listed in `expectedHttpErrors` are left out.
 */
export function watchProblems(page: Page, options: ProblemOptions = {}): string[] {
  const problems: string[] = [];
  const expected = options.expectedHttpErrors ?? [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location().url;
    const status = /status of (\d{3})/.exec(message.text())?.[1];
    const isExpected = expected.some((rule) => String(rule.status) === status && rule.url.test(url));
    if (!isExpected) problems.push(`console error: ${message.text()} (${url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name);
  await page.screenshot({ path, animations: "disabled" });
  return path;
}

export const MOBILE = { width: 375, height: 812 };
export const DESKTOP = { width: 1440, height: 900 };

/**
 * A fresh zh-CN context at a viewport (a phone below 800 px), signed in as a demo account, with its
 * console and page errors collected.
 */
export async function signedInAt(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport: typeof MOBILE,
  options: ProblemOptions & { timezoneId?: string } = {},
) {
  const mobile = viewport.width < 800;
  const context = await browser.newContext({
    viewport,
    ...(mobile ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
    locale: "zh-CN",
    timezoneId: options.timezoneId ?? "Asia/Shanghai",
  });
  const page = await context.newPage();
  const problems = watchProblems(page, options);
  await login(page, baseUrl, username, "minhu-demo");
  return { context, page, problems };
}

/** Signs in through the login form and waits for the shell. */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

/** A signed-in API client for setting up the scenario (the resident's submission, lookups). */
export async function apiAs(baseUrl: string, username: string, password = "minhu-demo") {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  assert(response.ok, `API login as ${username}: ${response.status}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? "GET",
      headers: { cookie, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${answer.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export type Api = Awaited<ReturnType<typeof apiAs>>;

/** The serious and critical WCAG 2 A/AA violations axe-core finds on the page, one line each. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${label}: ${v.id} (${v.impact}) ${v.help} — ${node.target.join(" ")}\n    ${node.failureSummary?.split("\n").join(" ")}`,
      ),
    );
}
