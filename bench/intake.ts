import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { GridLocator } from "../src/modules/regions/geometry/locator.js";
import { mulberry32 } from "../src/modules/regions/geometry/prng.js";
import { percentile, request, runMinhu, signIn, startBenchServer } from "./http-load.js";

const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CONCURRENCY = 16;

interface Example {
  text: string;
  category: string;
}

/** Realistic calls: texts from the labelled examples, half with the operator's category, points across the district. */
async function buildCalls(baseUrl: string, agent: http.Agent, count: number) {
  const admin = await signIn(agent, baseUrl, "admin");
  const grids = JSON.parse(
    (await request(agent, `${baseUrl}/api/grids`, "GET", undefined, { cookie: admin })).body,
  );
  const locator = new GridLocator(
    grids.features.map((f: { properties: { code: string }; geometry: GeoJSON.Polygon }) => ({
      code: f.properties.code,
      geometry: f.geometry,
    })),
  );
  const bbox = grids.features
    .flatMap((f: { geometry: GeoJSON.Polygon }) => f.geometry.coordinates[0])
    .reduce(
      (b: number[], [x, y]: number[]) => [
        Math.min(b[0], x),
        Math.min(b[1], y),
        Math.max(b[2], x),
        Math.max(b[3], y),
      ],
      [180, 90, -180, -90],
    );
  const examples: Example[] = JSON.parse(
    readFileSync(new URL("../src/modules/demands/classify/examples.json", import.meta.url), "utf8"),
  );
  const random = mulberry32(20261126);
  const calls = [];
  while (calls.length < count) {
    const lng = bbox[0] + random() * (bbox[2] - bbox[0]);
    const lat = bbox[1] + random() * (bbox[3] - bbox[1]);
    if (!locator.locate(lng, lat)) continue;
    const example = examples[Math.floor(random() * examples.length)];
    calls.push({
      channel: "12345",
      channelFields: { workOrderNo: `B${calls.length}` },
      content: `${example.text}（来电${calls.length}）`,
      ...(calls.length % 2 === 0 ? { categoryCode: example.category } : {}),
      location: { lng, lat },
      caller: { name: "来电人", phone: `139${String(Math.floor(random() * 1e8)).padStart(8, "0")}` },
    });
  }
  return calls;
}

/** Sends every call with a fixed number in flight; returns throughput and latency percentiles. */
async function drive(baseUrl: string, agent: http.Agent, calls: unknown[]) {
  const cookie = await signIn(agent, baseUrl, "operator");
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < calls.length) {
        const call = calls[next++];
        const t0 = performance.now();
        const response = await request(agent, `${baseUrl}/api/demands`, "POST", call, { cookie });
        latencies.push(performance.now() - t0);
        if (response.status !== 201) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: calls.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

export async function benchEmbedded(count: number) {
  const dataDir = mkdtempSync(join(tmpdir(), "minhu-bench-intake-"));
  const server = await startBenchServer({ MINHU_DATA_DIR: dataDir, MINHU_DEMO_HISTORY: "off" });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const calls = await buildCalls(server.baseUrl, agent, count);
    await drive(server.baseUrl, agent, calls.slice(0, 200)); // warm-up: JIT, classifier, caches
    return await drive(server.baseUrl, agent, calls);
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchServer(count: number) {
  const name = `minhu_bench_intake_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), MINHU_SECRET_KEY: randomBytes(32).toString("hex") };
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    await runMinhu(["seed", "--demo"], env);
    const server = await startBenchServer(env);
    try {
      const calls = await buildCalls(server.baseUrl, agent, count);
      await drive(server.baseUrl, agent, calls.slice(0, 200));
      const intake = await drive(server.baseUrl, agent, calls);
      return { intake, rawInsertsPerSecond: await rawInsertRate(url.toString(), count) };
    } finally {
      await server.stop();
    }
  } finally {
    agent.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** What the server does with plain single-row INSERTs of an order-sized row, same concurrency: the ceiling. */
async function rawInsertRate(url: string, count: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  await pool.query(
    "CREATE TABLE raw_insert_bench (id bigserial PRIMARY KEY, order_no text UNIQUE, content text, region_code text, lng float8, lat float8, created_at timestamptz DEFAULT now())",
  );
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const n = next++;
        await pool.query(
          "INSERT INTO raw_insert_bench (order_no, content, region_code, lng, lat) VALUES ($1, $2, $3, $4, $5)",
          [`R${n}`, "小区门口的路灯坏了一个多月，晚上很黑，老人出行不安全", "610103001002001", 108.95, 34.25],
        );
      }
    }),
  );
  const perSecond = count / ((performance.now() - started) / 1000);
  await pool.end();
  return perSecond;
}

export async function benchIntake(
  count = Number(process.env.BENCH_INTAKE_ORDERS ?? 20_000),
): Promise<Record<string, number>> {
  const embedded = await benchEmbedded(count);
  const server = await benchServer(count);
  return {
    orders: count,
    concurrency: CONCURRENCY,
    pgliteOrdersPerSecond: embedded.perSecond,
    pgliteP50Ms: embedded.p50,
    pgliteP99Ms: embedded.p99,
    pgliteFailures: embedded.failures,
    postgresOrdersPerSecond: server.intake.perSecond,
    postgresP50Ms: server.intake.p50,
    postgresP99Ms: server.intake.p99,
    postgresFailures: server.intake.failures,
    rawInsertsPerSecond: server.rawInsertsPerSecond,
  };
}

export function reportIntake(r: Record<string, number>): void {
  const line = (label: string, value: number, unit: string) =>
    console.log(
      `${label.padEnd(52)}${value.toLocaleString("en-US", { maximumFractionDigits: 1 }).padStart(12)} ${unit}`,
    );
  console.log(`intake through HTTP: ${r.orders.toLocaleString("en-US")} demands, ${r.concurrency} in flight`);
  line("intake on PGlite", r.pgliteOrdersPerSecond, "orders/s");
  line(
    "intake on PGlite p50 / p99",
    r.pgliteP50Ms,
    `ms / ${r.pgliteP99Ms.toFixed(1)} ms (${r.pgliteFailures} failed)`,
  );
  line("intake on PostgreSQL", r.postgresOrdersPerSecond, "orders/s");
  line(
    "intake on PostgreSQL p50 / p99",
    r.postgresP50Ms,
    `ms / ${r.postgresP99Ms.toFixed(1)} ms (${r.postgresFailures} failed)`,
  );
  line("raw PostgreSQL single-row INSERT (same run)", r.rawInsertsPerSecond, "rows/s");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportIntake(await benchIntake());
}
