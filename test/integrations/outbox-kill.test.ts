import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MINHU_FROM_SOURCES } from "../helpers/cli.js";
import { FakeCityPlatform } from "./city-platform.js";

/**
 * The whole way out, across crashes: a real Minhu process (`minhu serve` on an embedded database in
 * a temporary folder) sends a 12345 order's results to a real HTTP server standing in for the city
 * platform. The platform is down, Minhu is killed (SIGKILL) with the result waiting; then killed
 * again while the platform is taking the result and before it answers. After each restart the
 * results arrive: none lost, each kept once by the platform (a re-sent copy carries the same key).
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SECRET = "kill-test-secret-0123456789";
const city = new FakeCityPlatform(SECRET);
/** The SMS gateway: the caller hears the reply and gets the rating link through the same outbox. */
const SMS_SECRET = "kill-test-sms-secret-0123456789";
const sms = new FakeCityPlatform(SMS_SECRET);
let dataDir: string;
let baseUrl: string;
let minhu: ChildProcess | null = null;
let log = "";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "minhu-outbox-"));
  await city.start();
  await city.stop();
  await sms.start();
  const probe = new FakeCityPlatform(SECRET);
  await probe.start();
  baseUrl = `http://127.0.0.1:${probe.port}`;
  await probe.stop();
});
afterAll(async () => {
  minhu?.kill("SIGKILL");
  await city.stop();
  await sms.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function startMinhu(): Promise<void> {
  const child = spawn(process.execPath, [...MINHU_FROM_SOURCES, "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Always the embedded database in its own folder, also when the suite runs on a server.
      DATABASE_URL: undefined,
      PORT: baseUrl.split(":").pop(),
      MINHU_DATA_DIR: dataDir,
      MINHU_DEMO_HISTORY: "off",
      MINHU_CITY_SECRET: SECRET,
      MINHU_CITY_RESULTS_URL: city.url,
      MINHU_CITY_RETRY_SECONDS: "1",
      MINHU_OUTBOX_EVERY_SECONDS: "1",
      MINHU_SMS_URL: sms.url,
      MINHU_SMS_SECRET: SMS_SECRET,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  minhu = child;
  await until(
    "Minhu healthy",
    async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status === 200,
  );
}

async function killMinhu(): Promise<void> {
  const child = minhu;
  minhu = null;
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await gone;
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (minhu && minhu.exitCode !== null) throw new Error(`Minhu exited while waiting for ${what}:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}:\n${log.slice(-3000)}`);
}

const sessions = new Map<string, string>();
async function call(user: string, method: string, path: string, body?: unknown) {
  let cookie = sessions.get(user);
  if (!cookie) {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user, password: "minhu-demo" }),
    });
    cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    sessions.set(user, cookie);
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${user} ${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** Takes an action with the version just read, as the web app does. */
async function act(user: string, id: string, action: string, input: Record<string, unknown> = {}) {
  const { version } = await call(user, "GET", `/api/orders/${id}`);
  return call(user, "POST", `/api/orders/${id}/actions/${action}`, { version, ...input });
}
const outbox = () => call("admin", "GET", "/api/outbox?limit=50&topic=city-12345.result");

// Minhu runs on its embedded database here whatever the suite runs on: once, in the PGlite run, is enough.
it.skipIf(Boolean(process.env.DATABASE_URL))(
  "delivers every result once across a platform outage and two kills of Minhu",
  {
    timeout: 300_000,
  },
  async () => {
    await startMinhu();
    const place = await call(
      "operator",
      "GET",
      `/api/places/geocode?address=${encodeURIComponent("钟楼附近")}`,
    );
    const order = await call("operator", "POST", "/api/demands", {
      channel: "12345",
      channelFields: { workOrderNo: "SX12345-KILL-0001" },
      content: "单位拖欠三个月工资不发，请求帮助讨薪",
      type: "complaint",
      regionCode: place.grid.code,
      caller: { name: "李女士", phone: "13700001111" },
    });
    const units = await call("district-dispatcher", "GET", "/api/units");
    const rsj = (units.items ?? units).find((u: { code: string }) => u.code === "rsj");
    await act("district-dispatcher", order.id, "accept");
    await act("district-dispatcher", order.id, "dispatch", { mainUnitId: rsj.id });
    await act("rsj-handler", order.id, "sign");
    await act("rsj-handler", order.id, "reply", { disposition: "solved", text: "已协调企业补发全部工资。" });

    // The platform is down: the reply waits, with failed attempts; then Minhu dies.
    await until("a failed attempt", async () =>
      (await outbox()).items.some((m: { attempts: number }) => m.attempts >= 1),
    );
    expect((await outbox()).counts).toMatchObject({ pending: 1, delivered: 0 });
    await killMinhu();

    // The platform comes back slow; Minhu restarts, sends, and dies before the answer.
    city.delayMs = 2_000;
    await city.start();
    await startMinhu();
    await until("the reply reaching the platform", () => city.requests >= 1);
    await killMinhu();
    city.delayMs = 0;

    await startMinhu();
    await until("the reply marked delivered", async () => (await outbox()).counts.delivered === 1);
    await act("district-dispatcher", order.id, "verify");
    const visited = await act("operator", order.id, "visit", { solved: "solved", satisfied: "satisfied" });
    expect(visited.state).toBe("closed");
    await until("all three delivered", async () => (await outbox()).counts.delivered === 3);

    expect(city.accepted.map((m) => [m.body.工单编号, m.body.反馈类型])).toEqual([
      ["SX12345-KILL-0001", "答复"],
      ["SX12345-KILL-0001", "回访"],
      ["SX12345-KILL-0001", "办结"],
    ]);
    const keys = city.accepted.map((m) => m.key);
    expect(new Set(keys).size).toBe(3);
    // The reply was taken before the kill and sent again after it, under the same key.
    expect(city.repeats).toBeGreaterThanOrEqual(1);
    expect(city.badSignatures).toBe(0);
    expect((await outbox()).counts).toEqual({ pending: 0, delivered: 3, failed: 0 });
    // The caller's SMS (the reply, then the rating link) arrived too, each kept once.
    await until("both SMS at the gateway", async () => sms.accepted.length >= 2);
    expect(sms.accepted.map((m) => m.body.phone)).toEqual(["13700001111", "13700001111"]);
    expect(sms.accepted[0].body.text).toContain("已协调企业补发全部工资");
    expect(sms.accepted[1].body.text).toMatch(/\/rate\/[A-Za-z0-9_-]{20,}/);
    expect(new Set(sms.accepted.map((m) => m.key)).size).toBe(2);
    expect(sms.badSignatures).toBe(0);
    await killMinhu();
  },
);
