import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { InjectOptions } from "fastify";
import { sql } from "kysely";
import { openDatabase } from "../src/db/database.js";
import { buildApp } from "../src/http/app.js";
import { mulberry32 } from "../src/modules/regions/geometry/prng.js";
import { PhoneVault } from "../src/platform/privacy/phone.js";
import { DEMO_PASSWORD } from "../src/seed/demo-accounts.js";
import { createContext, prepareDatabase } from "../src/server/bootstrap.js";
import { DEMO_CALLERS } from "../test/helpers/demo-callers.js";
import {
  baseline,
  type Draft,
  encodeLoosely,
  type Mutation,
  mutationsOf,
  type Operation,
  operationsOf,
} from "./fuzz/requests.js";
import { byDesignSince, type Snapshot, takeSnapshot } from "./fuzz/snapshot.js";

/**
 * `npm run fuzz`: every route of the OpenAPI document × a corpus of hostile values × a stranger and
 * every role, in process (Fastify's inject, no sockets), on an embedded PGlite in a temporary folder.
 * Prints the 5xx (there must be none), every 2xx on a state change (every request is invalid in
 * some way, so there must be none), and the row counts and orders checksum before and after.
 * Exits non-zero on any 5xx, accepted state change or changed data.
 *
 *   npm run fuzz -- --seed 7 --requests 100000 --only "POST /api/demands"
 */
const { values: args } = parseArgs({
  options: {
    seed: { type: "string", default: "20261206" },
    requests: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "8" },
    only: { type: "string" },
  },
});
const SEED = Number(args.seed);
const TARGET = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);

const CALLERS = DEMO_CALLERS;
type Caller = (typeof CALLERS)[number];

/** A live stream answers forever: only callers refused at the door are sent to it. */
const STREAM = "GET /api/events/stream";

const started = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), "minhu-fuzz-"));
const database = await openDatabase({ dataDir });
const secretKey = randomBytes(32);
await prepareDatabase(database, new PhoneVault(secretKey), { demo: true });
const ctx = await createContext(database, { secretKey, tileUrl: null, tileAttribution: null });
const app = await buildApp(ctx);
// The cause of a 5xx, for the report (the client is told nothing): carried back in a header.
app.addHook("onError", async (_request, reply, error) => {
  reply.header(
    "x-fuzz-error",
    encodeURIComponent(`${error.message} @ ${error.stack?.split("\n")[1]?.trim()}`.slice(0, 400)),
  );
});
await app.ready();
const db = ctx.db;

const addressOf = (caller: Caller) => `10.77.${CALLERS.indexOf(caller)}.1`;
const cookies = new Map<Caller, string>();
async function signIn(caller: Exclude<Caller, null>): Promise<void> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: caller, password: DEMO_PASSWORD },
    remoteAddress: addressOf(caller),
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${caller}: ${response.body}`);
  const session = response.cookies.find((c) => c.name === "minhu_session");
  cookies.set(caller, `minhu_session=${session?.value}`);
}
for (const caller of CALLERS) if (caller) await signIn(caller);

const orderIds = await placeOrders();
const real = await realValues();
const access = new Map(app.routeTable.map((r) => [`${r.method} ${r.url}`, r.access]));
// The OpenAPI document as the server publishes it.
const openApi = await app.inject({ url: "/api/docs/json" });
const operations = operationsOf(openApi.json())
  .map((op) => ({ ...op, isPublic: access.get(`${op.method} ${op.path}`) === "public" }))
  .filter((op) => !args.only || `${op.method} ${op.path}`.includes(args.only));
console.log(
  `seed ${SEED} · ${operations.length} routes · ${CALLERS.length} callers · orders ${orderIds.join(", ")} · set up in ${seconds(started)} s`,
);

/** One request of the run: an operation, the mutations applied to its well-formed request, a caller. */
interface Case {
  op: Operation;
  mutations: Mutation[];
  caller: Caller;
  index: number;
}

function* cases(): Generator<Case> {
  const random = mulberry32(SEED);
  const all = operations.map((op) => ({ op, mutations: mutationsOf(op) }));
  let index = 0;
  for (const { op, mutations } of all)
    for (const mutation of mutations)
      for (const caller of CALLERS) {
        if (`${op.method} ${op.path}` === STREAM && caller) continue;
        yield { op, mutations: [mutation], caller, index: index++ };
      }
  // Then pairs of mutations, drawn by the seed, until the target is reached.
  const pool = all.filter(({ op }) => `${op.method} ${op.path}` !== STREAM);
  while (index < TARGET) {
    const { op, mutations } = pool[Math.floor(random() * pool.length)];
    const pick = () => mutations[Math.floor(random() * mutations.length)];
    const caller = CALLERS[Math.floor(random() * CALLERS.length)];
    yield { op, mutations: [pick(), pick()], caller, index: index++ };
  }
}

function requestOf(c: Case): InjectOptions {
  const draft: Draft = baseline(c.op, (name) => real(c.op.path, name, c.index));
  for (const m of c.mutations) m.apply(draft);
  const path = c.op.path.replace(/:(\w+)/g, (_, name: string) => draft.path[name] ?? "x");
  const query = [
    ...draft.query.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`),
    ...(draft.rawQuery ? [draft.rawQuery] : []),
  ].join("&");
  const headers: Record<string, string> = { ...draft.headers };
  const cookie = draft.cookie ?? (c.caller ? cookies.get(c.caller) : undefined);
  if (cookie) headers.cookie = cookie;
  const options: InjectOptions = {
    method: c.op.method as "GET",
    url: query ? `${path}?${query}` : path,
    headers,
    remoteAddress: addressOf(c.caller),
  };
  if (draft.body.kind === "json") {
    headers["content-type"] = "application/json";
    options.payload = JSON.stringify(draft.body.value);
  } else if (draft.body.kind === "raw") {
    if (draft.body.type !== undefined) headers["content-type"] = draft.body.type;
    options.payload = draft.body.text;
  }
  return options;
}

interface Finding {
  key: string;
  label: string;
  caller: string;
  index: number;
  status: number;
  request: string;
  answer: string;
}

const byClass = new Map<string, number>();
const serverErrors: Finding[] = [];
const acceptedChanges: Finding[] = [];
const thrown: Finding[] = [];
let sent = 0;

function finding(c: Case, status: number, options: InjectOptions, answer: string): Finding {
  const payload = typeof options.payload === "string" ? options.payload : "";
  return {
    key: `${c.op.method} ${c.op.path}`,
    label: c.mutations.map((m) => m.label).join(" + "),
    caller: c.caller ?? "anonymous",
    index: c.index,
    status,
    request: `${options.method} ${String(options.url).slice(0, 200)} ${JSON.stringify(options.headers).slice(0, 200)} ${payload.slice(0, 300)}`,
    answer: answer.slice(0, 300),
  };
}

async function send(c: Case): Promise<void> {
  const options = requestOf(c);
  sent += 1;
  let response: Awaited<ReturnType<typeof app.inject>>;
  try {
    response = await app.inject(options);
  } catch (error) {
    // light-my-request refusing to build the request (e.g. a header it cannot send) is no answer of ours.
    thrown.push(finding(c, 0, options, String(error)));
    bump("refused by inject");
    return;
  }
  const status = response.statusCode;
  bump(`${Math.floor(status / 100)}xx`);
  if (status >= 500) {
    const cause = decodeURIComponent(String(response.headers["x-fuzz-error"] ?? ""));
    serverErrors.push(finding(c, status, options, `${response.body} cause: ${cause}`));
  }
  if (status >= 200 && status < 300 && c.op.mutating) {
    acceptedChanges.push(finding(c, status, options, response.body));
    // A sign-out that went through ended the caller's session: sign in again for the rest of the run.
    if (c.op.path === "/api/auth/logout" && c.caller) await signIn(c.caller);
  }
}

function bump(key: string): void {
  byClass.set(key, (byClass.get(key) ?? 0) + 1);
}

const before = await takeSnapshot(db);
const since = new Date();
const runStarted = performance.now();
const queue = cases();
let lastReport = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      await send(next.value);
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        console.log(`  … ${sent} requests, ${serverErrors.length} 5xx`);
      }
    }
  }),
);
const runSeconds = (performance.now() - runStarted) / 1000;
const after = await takeSnapshot(db);
const byDesign = await byDesignSince(db, since);
await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });

const changed = report();
process.exit(serverErrors.length > 0 || acceptedChanges.length > 0 || changed ? 1 : 0);

/** Prints the run; returns whether the data changed beyond what rejected requests leave by design. */
function report(): boolean {
  console.log(
    `\nrequests: ${sent} in ${runSeconds.toFixed(1)} s = ${Math.round(sent / runSeconds)} requests/s`,
  );
  console.log(`by status class: ${[...byClass].map(([k, n]) => `${k} ${n}`).join(" · ")}`);
  console.log(`5xx: ${serverErrors.length}`);
  printFindings("5xx", serverErrors);
  console.log(`2xx on a state change: ${acceptedChanges.length}`);
  printFindings("accepted", acceptedChanges);
  if (thrown.length > 0) printFindings("not sent", thrown);
  return compare(before, after);
}

function printFindings(title: string, findings: Finding[]): void {
  const perRoute = new Map<string, Finding[]>();
  for (const f of findings) perRoute.set(f.key, [...(perRoute.get(f.key) ?? []), f]);
  for (const [key, list] of perRoute) {
    console.log(
      `  ${title} ${key}: ${list.length} (labels: ${[...new Set(list.map((f) => f.label))].slice(0, 12).join(", ")})`,
    );
    const first = list[0];
    console.log(
      `    e.g. case ${first.index} as ${first.caller}: ${first.request}\n    → ${first.status} ${first.answer}`,
    );
  }
}

function compare(a: Snapshot, b: Snapshot): boolean {
  let changed = false;
  console.log("\nrow counts (before → after):");
  const designed = new Map<string, number>();
  for (const [kind, n] of byDesign) {
    const table = kind.split(" ")[0];
    const allowed = table === "attempts" ? !kind.endsWith(" ok") : /auth\.login_failed|export\./.test(kind);
    if (allowed) designed.set(table, (designed.get(table) ?? 0) + n);
  }
  for (const [table, n] of a.rows) {
    const m = b.rows.get(table) ?? 0;
    const expected = designed.get(table) ?? 0;
    const ok = m - n === expected;
    if (!ok) changed = true;
    if (m !== n || !ok)
      console.log(
        `  ${table}: ${n} → ${m}${expected ? ` (by design: ${expected})` : ""}${ok ? "" : "  CHANGED"}`,
      );
  }
  const unchanged = [...a.rows].filter(([t, n]) => b.rows.get(t) === n).length;
  console.log(`  ${unchanged} of ${a.rows.size} tables unchanged`);
  for (const [kind, n] of byDesign) console.log(`  left by design: ${kind} ${n}`);
  for (const [table, sum] of a.checksums) {
    const now = b.checksums.get(table);
    console.log(`checksum ${table}: before ${sum} after ${now}${sum === now ? " (equal)" : "  CHANGED"}`);
    if (sum !== now) changed = true;
  }
  console.log(changed ? "\nDATA CHANGED" : "\ndata unchanged");
  return changed;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/** A few demands placed through the API, near (the grid worker's grid) and far (another street). */
async function placeOrders(): Promise<string[]> {
  const near = await regionCodeOf("gridworker");
  const far = (
    await db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "grid")
      .where("code", "not like", `${near.slice(0, 9)}%`)
      .orderBy("code")
      .executeTakeFirstOrThrow()
  ).code;
  const ids: string[] = [];
  for (const [caller, grid] of [
    ["resident", near],
    ["operator", near],
    ["operator", far],
    ["gridworker", near],
  ] as const) {
    const channel = { resident: "online", operator: "12345", gridworker: "grid_patrol" }[caller];
    const response = await app.inject({
      method: "POST",
      url: "/api/demands",
      headers: { cookie: cookies.get(caller) ?? "" },
      remoteAddress: addressOf(caller),
      payload: {
        channel,
        ...(channel === "12345" ? { channelFields: { workOrderNo: `W${grid}${ids.length}` } } : {}),
        content: "小区门口道路破损严重，雨天积水，请尽快修复",
        location: await pointIn(grid),
        caller: { name: "王先生", phone: "13700002222" },
      },
    });
    if (response.statusCode !== 201) throw new Error(`placing a demand: ${response.body}`);
    ids.push(response.json().id);
  }
  return ids;
}

async function regionCodeOf(username: string): Promise<string> {
  const row = await db
    .selectFrom("users")
    .select("region_code")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return row.region_code as string;
}

async function pointIn(grid: string): Promise<{ lng: number; lat: number }> {
  const box = await db
    .selectFrom("regions")
    .select(["min_lng", "min_lat", "max_lng", "max_lat"])
    .where("code", "=", grid)
    .executeTakeFirstOrThrow();
  for (let i = 1; i < 20; i++)
    for (let j = 1; j < 20; j++) {
      const lng = Number(box.min_lng) + ((Number(box.max_lng) - Number(box.min_lng)) * i) / 20;
      const lat = Number(box.min_lat) + ((Number(box.max_lat) - Number(box.min_lat)) * j) / 20;
      if (ctx.regions.locate(lng, lat)?.grid.code === grid) return { lng, lat };
    }
  throw new Error(`no point in ${grid}`);
}

/**
 * Path values that exist, so hostile values elsewhere in a request reach the route's handler:
 * orders in turn, and the first row of whatever table a route's id names.
 */
async function realValues(): Promise<(path: string, name: string, index: number) => string | undefined> {
  const first = async (table: string, column = "id") => {
    const result = await sql<{
      v: unknown;
    }>`select min(${sql.ref(column)})::text as v from ${sql.table(table)}`.execute(db);
    return result.rows[0]?.v === null ? undefined : String(result.rows[0]?.v);
  };
  const byPrefix: [string, string | undefined][] = [
    [
      "/api/users/",
      String(
        (
          await db
            .selectFrom("users")
            .select("id")
            .where("username", "=", "gridworker")
            .executeTakeFirstOrThrow()
        ).id,
      ),
    ],
    ["/api/places/", await first("places")],
    ["/api/units/", await first("units")],
    ["/api/catalogue/", await first("dispatch_catalogue")],
    ["/api/categories/", await first("categories", "code")],
    ["/api/regions/", await regionCodeOf("gridworker")],
    ["/api/holidays/", await first("holidays", "day")],
    ["/api/party/organisations/", await first("party_organisations")],
    ["/api/party/members/", await first("party_members")],
    ["/api/joint/councils/", await first("joint_councils")],
    ["/api/joint/meetings/", await first("joint_meetings")],
    ["/api/joint/projects/", await first("joint_projects")],
    ["/api/warnings/", await first("warnings")],
    ["/api/rules/", await first("institution_rules")],
  ];
  return (path, name, index) => {
    if (path.startsWith("/api/orders/:id") && name === "id") return orderIds[index % orderIds.length];
    if (name !== "id" && name !== "code" && name !== "day") return undefined;
    return byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1];
  };
}
