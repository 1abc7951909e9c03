import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/database.js";
import type { DB } from "../src/db/schema.js";
import { categories, channels, heat, summary, trend } from "../src/modules/assessment/dashboard.js";
import { DEFAULT_WEIGHTS } from "../src/modules/assessment/formulas.js";
import type { Level } from "../src/modules/assessment/scope.js";
import { assess } from "../src/modules/assessment/service.js";
import { pageOrders } from "../src/modules/ledgers/repository.js";
import { RegionDirectory } from "../src/modules/regions/directory.js";
import { chinaDateTime, periodRange } from "../src/platform/calendar/china-time.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { prepareDatabase } from "../src/server/bootstrap.js";

const BENCH_DATABASE = "minhu_bench";
const ORDERS = 1_000_000;
/** Twelve China months of history, December 2025 to "now", noon on 28 November 2026. */
const HISTORY_START = chinaDateTime("2025-12-01", "00:00");
const NOW = chinaDateTime("2026-11-28", "12:00");
const MONTH = "2026-11";
const RUNS = 5;

/**
 * 督查考核 at scale, on PostgreSQL: a database of its own filled with 1,000,000 orders over twelve months
 * (with their events and return visits) by set-based SQL, then the monthly rankings and every dashboard
 * query timed (median of 5 runs after a warm-up). Targets: ranking < 300 ms, each dashboard < 500 ms.
 */
export async function benchAssessment(): Promise<Record<string, number>> {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${BENCH_DATABASE}`);
  // A bulk load: no need to wait for each commit's WAL flush; room to sort for the index builds.
  await adminQuery(serverUrl, `ALTER DATABASE ${BENCH_DATABASE} SET synchronous_commit = off`);
  await adminQuery(serverUrl, `ALTER DATABASE ${BENCH_DATABASE} SET maintenance_work_mem = '256MB'`);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  let database: Database | null = null;
  try {
    database = await openDatabase({ url: url.toString(), poolSize: 4 });
    await prepareDatabase(database, new PhoneVault(randomBytes(32)), { demo: false });
    const results: Record<string, number> = {};
    let started = performance.now();
    const rows = await fill(database.db);
    results.fillMs = performance.now() - started;
    started = performance.now();
    await sql`VACUUM ANALYZE`.execute(database.db);
    results.vacuumAnalyzeMs = performance.now() - started;
    Object.assign(results, rows, await timeQueries(database.db));
    return results;
  } finally {
    await database?.close();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  }
}

/** The queries behind GET /api/assessment and /api/dashboard/*, as the routes run them. */
async function timeQueries(db: Kysely<DB>): Promise<Record<string, number>> {
  const regions = await RegionDirectory.load(db);
  const range = periodRange(MONTH);
  const ranking =
    (level: Level, prefix = "") =>
    () =>
      assess(db, { level, prefix, range }, DEFAULT_WEIGHTS);
  const queries: Record<string, () => Promise<unknown>> = {
    "ranking: streets, month (district)": ranking("street"),
    "ranking: communities, month (district)": ranking("community"),
    "ranking: units, month (district)": ranking("unit"),
    "ranking: communities, month (one street)": ranking("community", "610103001"),
    "ranking: streets, quarter (district)": () =>
      assess(db, { level: "street", prefix: "", range: periodRange("2026-Q4") }, DEFAULT_WEIGHTS),
    "dashboard: trend, 12 months": () => trend(db, "", 12, NOW),
    "dashboard: trend, 12 months (one street)": () => trend(db, "610103001", 12, NOW),
    "dashboard: categories, month": () => categories(db, "", range),
    "dashboard: channels, month": () => channels(db, "", range),
    "dashboard: heat, month": () => heat(db, regions, "", range, NOW),
    "dashboard: heat, month (one street)": () => heat(db, regions, "610103001", range, NOW),
    "dashboard: summary, month": () => summary(db, "", range, NOW),
    "dashboard: summary, month (one street)": () => summary(db, "610103001", range, NOW),
    "ledger: general, month, first page": () =>
      pageOrders(db, { kind: "ledger", ledger: "general" }, { prefix: "", range }, { limit: 20, offset: 0 }),
  };
  const timings: Record<string, number> = {};
  for (const [name, run] of Object.entries(queries)) timings[name] = await medianMs(run);
  return timings;
}

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/**
 * Fills orders, events and visits; returns the row counts and each phase's time. The secondary indexes
 * are dropped for the fill and rebuilt after it (a bulk build is several times faster than a million
 * index insertions); the ones backing constraints stay.
 */
async function fill(db: Kysely<DB>): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  const timed = async (name: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    phases[name] = performance.now() - started;
  };
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename IN ('orders', 'order_events', 'visits')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db);
  for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  // One connection for the fill, so that setseed makes the data the same on every run.
  await db.connection().execute(async (connection) => {
    // The rows reference each other correctly by construction; "replica" skips the per-row foreign-key
    // triggers, ~6 million lookups (it needs a superuser; otherwise the fill is just slower).
    const replica = await sql`SET session_replication_role = replica`.execute(connection).then(
      () => true,
      () => false,
    );
    try {
      await sql`SELECT setseed(0.610103)`.execute(connection);
      await timed("fillOrdersMs", () => sql.raw(ORDERS_SQL).execute(connection));
      await timed("fillEventsMs", () => sql.raw(EVENTS_SQL).execute(connection));
      await timed("fillVisitsMs", () => sql.raw(VISITS_SQL).execute(connection));
    } finally {
      if (replica) await sql`RESET session_replication_role`.execute(connection);
    }
  });
  await timed("rebuildIndexesMs", () =>
    Promise.all(
      halves(indexes).map(async (part) => {
        for (const index of part) await sql.raw(index.definition).execute(db);
      }),
    ),
  );
  const count = async (table: "orders" | "order_events" | "visits") =>
    Number((await db.selectFrom(table).select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
  return {
    ...phases,
    orders: await count("orders"),
    events: await count("order_events"),
    visits: await count("visits"),
  };
}

/** Two lists to build side by side on the two cores. */
function halves<T>(items: T[]): T[][] {
  return [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];
}

const at = (instant: Date) => `'${instant.toISOString()}'::timestamptz`;

/**
 * One million orders spread evenly over the twelve months, on grids chosen with a skew (some grids are
 * busier), over every level-3 category, channel and demand type. 3% are rejected, 20% solved on the spot
 * by the grid; the rest are dispatched to a department (60%), street office (25%) or community committee,
 * signed in time 90% of the time, replied within the limit 88%, closed a few days after the reply.
 * Whatever would happen after "now" has not happened: those orders are still open.
 */
const ORDERS_SQL = `
WITH ref AS (
  SELECT
    (SELECT array_agg(code ORDER BY code) FROM regions WHERE level = 'grid') AS grids,
    (SELECT array_agg(code ORDER BY code) FROM categories WHERE level = 3) AS cats,
    (SELECT array_agg(code ORDER BY code) FROM units WHERE kind = 'department') AS depts,
    ARRAY['12345','12345','12345','12345','12345','online','online','online','grid_patrol','grid_patrol','household_visit',
          'window','deputy','media','petition','field_inspection','forum','grassroots_report'] AS chans,
    ARRAY['consult','help','help','complaint','complaint','complaint','report','suggestion','praise'] AS types,
    ARRAY['楼道堆放杂物影响通行','小区路灯损坏夜间无照明','老旧小区水管漏水','噪音扰民影响休息','拖欠工资三个月','道路坑洼积水',
          '燃气管道改造进度','垃圾清运不及时','违章停车堵塞通道','油烟扰民'] AS titles
),
base AS (
  SELECT g,
    ref.grids[1 + floor(power(random(), 1.7) * array_length(ref.grids, 1))::int] AS grid,
    ref.cats[1 + floor(random() * array_length(ref.cats, 1))::int] AS category,
    ref.depts[1 + floor(random() * array_length(ref.depts, 1))::int] AS dept,
    ref.chans[1 + floor(random() * array_length(ref.chans, 1))::int] AS channel,
    ref.types[1 + floor(random() * array_length(ref.types, 1))::int] AS type,
    ref.titles[1 + floor(random() * array_length(ref.titles, 1))::int] AS title,
    ${at(HISTORY_START)} + (${at(NOW)} - ${at(HISTORY_START)}) * ((g - random()) / ${ORDERS}) AS created,
    random() AS fate, random() AS level, random() AS sign, random() AS reply, random() AS flags, random() AS outcome,
    random() AS incident
  FROM generate_series(1, ${ORDERS}) g, ref
),
planned AS (
  SELECT *,
    CASE WHEN fate < 0.03 THEN 'rejected' WHEN fate < 0.23 THEN 'spot' ELSE 'dispatch' END AS path,
    -- 办理时限 in calendar days, roughly the working-day limits of 咨询 2, 求助 5, 建议 10, 投诉/举报 15.
    CASE type WHEN 'consult' THEN 3 WHEN 'help' THEN 7 WHEN 'suggestion' THEN 14 ELSE 21 END AS limit_days
  FROM base
),
timed AS (
  SELECT *,
    CASE path WHEN 'spot' THEN created + interval '30 minutes'
              WHEN 'dispatch' THEN created + (0.5 + 3 * level) * interval '1 hour' END AS d_at,
    CASE WHEN path = 'dispatch' AND level >= 0.85 THEN 'sq' || left(grid, 12)
         WHEN path = 'dispatch' AND level >= 0.60 THEN 'jd' || left(grid, 9)
         WHEN path = 'dispatch' THEN dept END AS unit_code
  FROM planned
),
clocked AS (
  SELECT *,
    d_at + interval '2 hours' AS resp_due,
    CASE path WHEN 'spot' THEN d_at
              WHEN 'dispatch' THEN d_at + CASE WHEN sign < 0.9 THEN sign / 0.9 * interval '2 hours'
                                               ELSE interval '2 hours' + (sign - 0.9) * interval '200 hours' END END AS s_at,
    CASE path WHEN 'spot' THEN d_at + interval '3 days' WHEN 'dispatch' THEN d_at + limit_days * interval '1 day' END AS h_due
  FROM timed
),
replied AS (
  SELECT *,
    CASE path WHEN 'spot' THEN d_at
              WHEN 'dispatch' THEN greatest(s_at + interval '1 hour', d_at + limit_days * interval '1 day'
                * CASE WHEN reply < 0.88 THEN 0.15 + 0.85 * reply / 0.88 ELSE 1 + (reply - 0.88) * 5 END) END AS r_at
  FROM clocked
),
closing AS (
  SELECT *,
    CASE WHEN path = 'rejected' THEN created + interval '2 hours'
         WHEN outcome < 0.97 THEN r_at + (1 + 4 * flags) * interval '1 day' END AS c_at
  FROM replied
),
known AS (
  -- Nothing after "now" has happened yet.
  SELECT *,
    CASE WHEN d_at <= ${at(NOW)} THEN d_at END AS dispatched_at,
    CASE WHEN s_at <= ${at(NOW)} THEN s_at END AS signed_at,
    CASE WHEN r_at <= ${at(NOW)} THEN r_at END AS replied_at,
    CASE WHEN c_at <= ${at(NOW)} THEN c_at END AS closed_at
  FROM closing
)
INSERT INTO orders (order_no, channel, channel_fields, demand_type, category_code, ledger, title, content, region_code, grid_code,
  community_code, street_code, confidential, state, handling_level, holder_region_code, main_unit_id, solved_on_spot, disposition,
  accepted_at, dispatched_at, signed_at, replied_at, closed_at, response_due_at, handling_due_at, original_handling_due_at,
  warning_level, supervised_at, reopen_count, return_count, urge_count, created_at, updated_at)
SELECT
  'BN' || lpad(g::text, 8, '0'), channel, '{}', type, category,
  CASE WHEN type = 'suggestion' THEN 'suggestion' WHEN flags < 0.90 THEN 'general' WHEN flags < 0.96 THEN 'difficult' ELSE 'common' END,
  title, title || '，已多次反映仍未解决，影响居民正常生活，希望相关部门尽快核实处理并及时答复，谢谢。', grid, grid,
  left(grid, 12), left(grid, 9), false,
  CASE WHEN path = 'rejected' THEN 'rejected' WHEN k.closed_at IS NOT NULL THEN 'closed' WHEN k.replied_at IS NOT NULL THEN 'verified'
       WHEN k.signed_at IS NOT NULL THEN 'handling' WHEN k.dispatched_at IS NOT NULL THEN 'dispatched' ELSE 'accepted' END,
  CASE WHEN path = 'spot' THEN 'grid' WHEN path = 'rejected' THEN 'community' WHEN level >= 0.85 THEN 'community'
       WHEN level >= 0.60 THEN 'street' ELSE 'district' END,
  CASE WHEN path <> 'dispatch' OR level >= 0.85 THEN left(grid, 12) WHEN level >= 0.60 THEN left(grid, 9) ELSE left(grid, 6) END,
  u.id, path = 'spot',
  CASE WHEN k.replied_at IS NULL THEN NULL WHEN outcome < 0.80 THEN 'solved' WHEN outcome < 0.95 THEN 'explained' ELSE 'handled_by_law' END,
  created + interval '10 minutes', k.dispatched_at, k.signed_at, k.replied_at, k.closed_at,
  CASE WHEN k.dispatched_at IS NOT NULL THEN resp_due END,
  CASE WHEN k.dispatched_at IS NOT NULL THEN h_due END, CASE WHEN k.dispatched_at IS NOT NULL THEN h_due END,
  CASE WHEN path = 'dispatch' AND h_due < ${at(NOW)} AND coalesce(k.replied_at, 'infinity') > h_due THEN 'red' ELSE 'none' END,
  CASE WHEN path = 'dispatch' AND h_due < ${at(NOW)} AND coalesce(k.replied_at, 'infinity') > h_due THEN h_due + interval '10 minutes' END,
  CASE WHEN k.closed_at IS NOT NULL AND path = 'dispatch' AND outcome >= 0.92 THEN 1 ELSE 0 END,
  CASE WHEN k.dispatched_at IS NOT NULL AND path = 'dispatch' AND incident < 0.03 THEN 1 ELSE 0 END,
  CASE WHEN k.dispatched_at IS NOT NULL AND path = 'dispatch' AND incident >= 0.03 AND incident < 0.08 THEN 1 ELSE 0 END,
  created, coalesce(k.closed_at, k.replied_at, k.signed_at, k.dispatched_at, created)
FROM known k LEFT JOIN units u ON u.code = k.unit_code`;

/**
 * The history the KPIs read (and the bulk a real history has): register, dispatch, sign, reply and close
 * of every order that got there, 退单 with the redispatch, 催办, automatic 督办, 重办, 就地办结.
 */
const EVENTS_SQL = `
INSERT INTO order_events (order_id, action, from_state, to_state, actor_role, unit_id, data, at)
SELECT id, 'register', NULL, 'registered', 'operator', NULL, '{}'::jsonb, created_at FROM orders
UNION ALL SELECT id, 'dispatch', 'accepted', 'dispatched', 'dispatcher', main_unit_id, '{}', dispatched_at
  FROM orders WHERE dispatched_at IS NOT NULL AND NOT solved_on_spot
UNION ALL SELECT id, 'return', 'dispatched', 'accepted', 'unit_handler', main_unit_id, '{}', dispatched_at + interval '1 hour'
  FROM orders WHERE return_count > 0
UNION ALL SELECT id, 'dispatch', 'accepted', 'dispatched', 'dispatcher', main_unit_id, '{}', dispatched_at + interval '3 hours'
  FROM orders WHERE return_count > 0
UNION ALL SELECT id, 'solve_on_spot', 'registered', 'replied', 'grid_worker', NULL, '{}', replied_at
  FROM orders WHERE solved_on_spot AND replied_at IS NOT NULL
UNION ALL SELECT id, 'sign', 'dispatched', 'handling', 'unit_handler', main_unit_id, '{}', signed_at
  FROM orders WHERE signed_at IS NOT NULL AND NOT solved_on_spot
UNION ALL SELECT id, 'reply', 'handling', 'replied', 'unit_handler', main_unit_id, '{}', replied_at
  FROM orders WHERE replied_at IS NOT NULL AND NOT solved_on_spot
UNION ALL SELECT id, 'urge', 'handling', 'handling', 'supervisor', main_unit_id, '{}', dispatched_at + interval '2 days'
  FROM orders WHERE urge_count > 0
UNION ALL SELECT id, 'supervise', 'handling', 'handling', 'system', main_unit_id, '{}', supervised_at
  FROM orders WHERE supervised_at IS NOT NULL
UNION ALL SELECT id, 'reopen', 'visited', 'handling', 'dispatcher', NULL, '{}', replied_at - interval '1 day'
  FROM orders WHERE reopen_count > 0
UNION ALL SELECT id, 'close', 'visited', 'closed', 'dispatcher', NULL, '{}', closed_at FROM orders WHERE state = 'closed'`;

/** 一事一评: a done visit for every closed order (8% unsolved, 8% unsatisfied), a pending one per verified order. */
const VISITS_SQL = `
INSERT INTO visits (order_id, round, token_hash, state, method, solved, satisfied, visited_at, created_at)
SELECT id, 1, 'bench-' || id, 'done', 'phone',
  CASE WHEN r < 0.78 THEN 'solved' WHEN r < 0.92 THEN 'partly' ELSE 'unsolved' END,
  CASE WHEN s < 0.72 THEN 'satisfied' WHEN s < 0.92 THEN 'basically' ELSE 'unsatisfied' END,
  closed_at - interval '1 hour', replied_at
FROM (SELECT id, closed_at, replied_at, random() AS r, random() AS s FROM orders WHERE state = 'closed') closed
UNION ALL SELECT id, 1, 'bench-' || id, 'pending', NULL, NULL, NULL, NULL, replied_at FROM orders WHERE state = 'verified'`;

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Prints the fill and the timings. */
export function reportAssessment(r: Record<string, number>): void {
  const line = (label: string, value: number, unit: string) =>
    console.log(`${label.padEnd(52)}${Math.round(value).toLocaleString("en-US").padStart(12)} ${unit}`);
  line("fill: orders", r.orders, "rows");
  line("fill: events", r.events, "rows");
  line("fill: visits", r.visits, "rows");
  line("fill: INSERT … SELECT orders", r.fillOrdersMs, "ms");
  line("fill: INSERT … SELECT events", r.fillEventsMs, "ms");
  line("fill: INSERT … SELECT visits", r.fillVisitsMs, "ms");
  line("fill: rebuild indexes", r.rebuildIndexesMs, "ms");
  line("fill: total", r.fillMs, "ms");
  line("VACUUM ANALYZE", r.vacuumAnalyzeMs, "ms");
  console.log(`median of ${RUNS} runs after a warm-up (targets: ranking < 300 ms, each dashboard < 500 ms):`);
  for (const [name, value] of Object.entries(r)) {
    if (name.includes(":")) console.log(`  ${name.padEnd(50)}${value.toFixed(1).padStart(12)} ms`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  reportAssessment(await benchAssessment());
}
