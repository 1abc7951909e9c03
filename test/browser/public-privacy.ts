import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import type { Page } from "playwright-core";
import { openDatabase } from "../../src/db/database.js";
import { buildApp } from "../../src/http/app.js";
import { maskPhone, normalizePhone, PhoneVault } from "../../src/platform/privacy/phone.js";
import { createContext } from "../../src/server/bootstrap.js";
import {
  assert,
  buildWebApp,
  DESKTOP,
  launchBrowser,
  type RunningServer,
  startServer,
  watchProblems,
} from "./harness.js";

/**
 * Issue 14, what the district publishes: over the whole demo year (about 64,000 orders), no public
 * page and no public JSON holds a caller's name or phone. A server is started WITH the demo year and
 * waited on until its background fill is done; Chromium visits every public page (no sign-in),
 * keeping every response the pages fetch and each rendered page; every public API route is also
 * fetched directly. Then the server stops, and its data folder is opened here, with the secret key
 * given to the server, to read every caller name and phone (decrypted), their masked forms, and the
 * residents' names and phones, which the recorded text must not contain.
 *
 * Names are 2 to 4 characters, and a 2-character name (surname + one character: 黄海, 王国, 林东) is
 * also an ordinary word or part of a street, road or category name. So:
 * - phones (11 digits, also written with spaces or dashes) and masked phones (138****1234) must never
 *   occur, anywhere;
 * - names of 3 characters or more (王先生, 张秀英, 欧阳明月) must never occur, not even inside a longer
 *   run of Chinese text: a coincidence is rare enough, and a name in a sentence is a leak;
 * - a 2-character name fails only where a person's name stands: a run of Chinese characters that is the
 *   name alone (a JSON value, a table cell, after 来电人：), or right after a word that introduces a
 *   person (市民王建, 来电人王建). Inside a longer word (黄海路, 王国平安) it is a coincidence.
 * A self-check first proves the scanner finds each kind of leak it is meant to find.
 * Run with `node --import tsx test/browser/public-privacy.ts`.
 */

const FILL_TIMEOUT_MS = 30 * 60_000;
/** Words that introduce a person right before the name, inside one run of Chinese text. */
const PERSON_MARKERS = ["来电人", "联系人", "反映人", "申请人", "市民", "居民", "群众", "代表"];

/** Every public API route, with what this test fetches of it; null: not fetched, and why. */
type Fetches = (ctx: { projects: number[]; orderNos: string[]; months: string[] }) => string[];
const PUBLIC_ROUTES: Record<string, Fetches | string> = {
  "GET /api/health": () => ["/api/health"],
  "GET /api/config": () => ["/api/config"],
  "GET /api/locate": () => ["/api/locate?lng=108.91027&lat=34.24851"],
  "GET /api/track": () => ["/api/track", "/api/track?orderNo=BL202612060001&code=ABCDEFGHJK"],
  "GET /api/visits/:token": () => ["/api/visits/0000000000000000"],
  "GET /api/public/projects": () => ["/api/public/projects"],
  "GET /api/public/projects/:id": ({ projects }) => projects.map((id) => `/api/public/projects/${id}`),
  "GET /api/public/photos/:photoId": "an image, not text",
  "GET /api/public/demand-map": () => ["/api/public/demand-map", "/api/public/demand-map?days=366"],
  "GET /api/public/topics": () => ["/api/public/topics"],
  "GET /api/public/rates": ({ months }) => months.map((m) => `/api/public/rates?month=${m}`),
  "GET /open311/v2/discovery.json": () => ["/open311/v2/discovery.json"],
  "GET /open311/v2/discovery.xml": () => ["/open311/v2/discovery.xml"],
  "GET /open311/v2/services.json": () => ["/open311/v2/services.json"],
  "GET /open311/v2/services.xml": () => ["/open311/v2/services.xml"],
  "GET /open311/v2/services/:file": () => [
    "/open311/v2/services/020501.json",
    "/open311/v2/services/020501.xml",
  ],
  "GET /open311/v2/requests.json": () => [
    "/open311/v2/requests.json",
    `/open311/v2/requests.json?start_date=${encodeURIComponent(new Date(Date.now() - 366 * 86_400_000).toISOString())}`,
  ],
  "GET /open311/v2/requests.xml": () => ["/open311/v2/requests.xml"],
  "GET /open311/v2/requests/:file": ({ orderNos }) => orderNos.map((no) => `/open311/v2/requests/${no}.json`),
  "GET /open311/v2/tokens/:file": () => ["/open311/v2/tokens/0000000000000000.json"],
  "POST /api/auth/login": "writes (signs in); answers the account's own data only",
  "POST /api/auth/logout": "writes (signs out)",
  "POST /api/auth/phone/code": "writes (sends a code)",
  "POST /api/auth/phone/sign-in": "writes (signs in)",
  "POST /api/visits/:token": "writes (a rating through its link)",
  "POST /api/integrations/12345/orders": "writes (the city's signed push)",
  "POST /open311/v2/requests.json": "writes (a client's request)",
  "POST /open311/v2/requests.xml": "writes (a client's request)",
};

/** The public pages, visited in Chromium with no account. */
function publicPages(projects: number[], months: string[]): { path: string; ready: string }[] {
  return [
    { path: "/public/projects", ready: "[data-testid=public-project-card]" },
    ...projects
      .slice(0, 3)
      .map((id) => ({ path: `/public/projects/${id}`, ready: "[data-testid=public-project]" })),
    { path: "/public/map", ready: "[data-testid=public-heat-map][data-grid-count]" },
    { path: "/public/topics", ready: "[data-testid=public-topic]" },
    { path: "/public/rates", ready: "[data-testid=public-rates-table]" },
    { path: `/public/rates?month=${months.at(-1)}`, ready: "[data-testid=public-rates-table]" },
    { path: "/track", ready: "[data-testid=track-page]" },
    { path: "/rate/0000000000000000", ready: ".ant-result" },
    { path: "/login", ready: "form" },
  ];
}

interface Recorded {
  source: string;
  text: string;
}

/** What must not be published: callers' and residents' names and phones, and the masked phones. */
interface Secrets {
  names: Set<string>;
  phones: Set<string>;
  masked: Set<string>;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const PHONE = /(?<!\d)1\d{2}[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
const MASKED = /(?<!\d)1\d{2}\*{4}\d{4}(?!\d)/g;

/** The leaks in one text, as "what (where)". One pass per pattern; names by substring lookups in Sets. */
function leaksIn(text: string, secrets: Secrets, lengths: number[]): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(PHONE))
    if (secrets.phones.has(match[0].replace(/\D/g, ""))) found.push(`phone ${match[0]}`);
  for (const match of text.matchAll(MASKED))
    if (secrets.masked.has(match[0])) found.push(`masked phone ${match[0]}`);
  for (const [run] of text.matchAll(HAN_RUN)) {
    if (run.length === 2 && secrets.names.has(run)) found.push(`name ${run} standing alone`);
    for (const marker of PERSON_MARKERS) {
      for (let at = run.indexOf(marker); at !== -1; at = run.indexOf(marker, at + 1)) {
        const name = run.slice(at + marker.length, at + marker.length + 2);
        if (secrets.names.has(name)) found.push(`name ${name} after ${marker}`);
      }
    }
    for (const length of lengths)
      for (let i = 0; i + length <= run.length; i++) {
        const part = run.slice(i, i + length);
        if (secrets.names.has(part)) found.push(`name ${part} in “${run.slice(0, 40)}”`);
      }
  }
  return found;
}

/** Reads every caller and resident of the stopped server's data folder; lists its public routes. */
async function readDataFolder(dataDir: string, secretKey: string) {
  const database = await openDatabase({ dataDir: `${dataDir}/db` });
  try {
    const vault = new PhoneVault(Buffer.from(secretKey, "hex"));
    const secrets: Secrets = { names: new Set(), phones: new Set(), masked: new Set() };
    let callers = 0;
    const addName = (name: string | null) => {
      const han = (name ?? "").match(HAN_RUN) ?? [];
      // "居民 胡玉兰": the name is the last run of Chinese characters of a display name.
      const last = han.at(-1);
      if (last && last.length >= 2) secrets.names.add(last);
    };
    const addPhone = (cipher: string | null, masked: string | null) => {
      if (cipher) {
        const phone = normalizePhone(vault.decrypt(cipher));
        secrets.phones.add(phone);
        secrets.masked.add(maskPhone(phone));
      }
      if (masked) secrets.masked.add(masked);
    };
    const orders = await database.db
      .selectFrom("orders")
      .select(["caller_name", "caller_phone_cipher", "caller_phone_masked", "channel_fields"])
      .execute();
    for (const order of orders) {
      if (order.caller_name || order.caller_phone_cipher) callers += 1;
      addName(order.caller_name);
      addPhone(order.caller_phone_cipher, order.caller_phone_masked);
      // A deputy's or an inspector's name in the channel's fields is a person's name too.
      const fields = (order.channel_fields ?? {}) as Record<string, unknown>;
      for (const key of ["deputyName", "inspector"])
        if (typeof fields[key] === "string") addName(fields[key] as string);
    }
    const residents = await database.db
      .selectFrom("users")
      .select(["display_name", "phone_cipher"])
      .where("role", "=", "resident")
      .execute();
    for (const resident of residents) {
      addName(resident.display_name);
      addPhone(resident.phone_cipher, null);
    }
    // The routes as the server registers them, with their declared access.
    const ctx = await createContext(database, {
      secretKey: Buffer.from(secretKey, "hex"),
      tileUrl: null,
      tileAttribution: null,
    });
    const app = await buildApp(ctx);
    await app.ready();
    const routes = app.routeTable.filter((r) => r.access === "public").map((r) => `${r.method} ${r.url}`);
    await app.close();
    return { secrets, callers: callers, orders: orders.length, residents: residents.length, routes };
  } finally {
    await database.close();
  }
}

/** Waits for the demo year's background fill to finish; returns how long it took. */
async function waitForFill(server: RunningServer): Promise<number> {
  const started = Date.now();
  let last = -1;
  while (Date.now() - started < FILL_TIMEOUT_MS) {
    const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as {
      demoHistory?: { state: string; percent: number };
    };
    const fill = health.demoHistory;
    assert(fill?.state !== "failed", `the demo year's fill failed:\n${server.output().slice(-4000)}`);
    if (fill?.state === "done") return Date.now() - started;
    if (fill && fill.percent >= last + 25) {
      last = fill.percent;
      console.log(`demo year: ${fill.percent} % after ${Math.round((Date.now() - started) / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the demo year was not filled after ${FILL_TIMEOUT_MS / 60_000} minutes`);
}

async function visit(page: Page, base: string, path: string, ready: string, recorded: Recorded[]) {
  await page.goto(`${base}${path}`, { waitUntil: "domcontentloaded" });
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  recorded.push({ source: `page ${path}`, text: await page.content() });
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const secretKey = randomBytes(32).toString("hex");
  await buildWebApp();
  // The demo year asked for: the server seeds its own folder instead of copying the template.
  const server = await startServer({ MINHU_DEMO_HISTORY: "on", MINHU_SECRET_KEY: secretKey });
  const filling = Date.now();
  let dataKept = false;
  const browser = await launchBrowser();
  try {
    const base = server.baseUrl;
    const fillMs = await waitForFill(server);
    console.log(
      `demo year filled in ${Math.round(fillMs / 1000)} s (server built and started in ${Math.round((filling - startedAt) / 1000)} s)`,
    );

    const recorded: Recorded[] = [];
    const projects = (
      (await (await fetch(`${base}/api/public/projects`)).json()) as { items: { id: number }[] }
    ).items.map((p) => p.id);
    assert(projects.length > 0, "the public pages show a published project");
    const months = ((await (await fetch(`${base}/api/public/rates`)).json()) as { months: string[] }).months;
    const requests = (await (await fetch(`${base}/open311/v2/requests.json`)).json()) as {
      service_request_id: string;
    }[];
    const orderNos = requests.slice(0, 20).map((r) => r.service_request_id);
    assert(orderNos.length > 0, "Open311 lists requests of the demo year");

    // Chromium, no account: every public page, every response it fetches.
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    const page = await context.newPage();
    const problems = watchProblems(page, {
      expectedHttpErrors: [
        { status: 401, url: /\/api\/me$/ },
        { status: 400, url: /\/api\/visits\/0{16}$/ },
      ],
    });
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (!/json|xml|text\/plain/.test(type)) return;
      pending.push(
        response
          .text()
          .then((text) => {
            recorded.push({ source: `fetched by a page: ${response.url()}`, text });
          })
          .catch(() => undefined),
      );
    });
    const pages = publicPages(projects, months);
    for (const p of pages) await visit(page, base, p.path, p.ready, recorded);
    await Promise.all(pending);
    const shown = recorded.find((r) => r.source === "page /public/projects")?.text ?? "";
    assert(shown.includes("public-project-card"), "/public/projects shows a published project");
    assert(problems.length === 0, `console errors on the public pages:\n${problems.join("\n")}`);
    await context.close();

    // Every public API route directly (the route table is checked against this list below).
    let endpoints = 0;
    for (const [route, fetches] of Object.entries(PUBLIC_ROUTES)) {
      if (typeof fetches === "string") continue;
      for (const path of fetches({ projects, orderNos, months })) {
        const response = await fetch(`${base}${path}`);
        recorded.push({ source: `${route} → ${path} (${response.status})`, text: await response.text() });
        endpoints += 1;
      }
    }

    await server.stop({ keepData: true });
    dataKept = true;
    const data = await readDataFolder(server.dataDir, secretKey);
    const unlisted = data.routes.filter((route) => !(route in PUBLIC_ROUTES));
    assert(
      unlisted.length === 0,
      `public routes this test does not know (add each to PUBLIC_ROUTES, fetched or with a reason): ${unlisted.join(", ")}`,
    );
    const stale = Object.keys(PUBLIC_ROUTES).filter((route) => !data.routes.includes(route));
    assert(
      stale.length === 0,
      `PUBLIC_ROUTES names routes that are gone or no longer public: ${stale.join(", ")}`,
    );
    assert(data.callers > 10_000 && data.secrets.phones.size > 1_000, "the demo year's callers were read");

    const lengths = [...new Set([...data.secrets.names].map((n) => n.length).filter((n) => n >= 3))];
    // The scanner finds what it looks for: a caller's name, phone and masked phone written into a page.
    const [aName] = [...data.secrets.names].filter((n) => n.length >= 3);
    const [aPhone] = data.secrets.phones;
    const [aShort] = [...data.secrets.names].filter((n) => n.length === 2);
    const probe = `<td>${aName}反映</td><td>${aPhone.slice(0, 3)} ${aPhone.slice(3, 7)} ${aPhone.slice(7)}</td><td>${maskPhone(aPhone)}</td><td>${aShort ?? aName}</td>`;
    const caught = leaksIn(probe, data.secrets, lengths);
    assert(
      caught.length >= 4,
      `the scanner finds a planted name, phone and masked phone: ${caught.join("; ")}`,
    );

    const leaks: string[] = [];
    let bytes = 0;
    for (const { source, text } of recorded) {
      bytes += Buffer.byteLength(text);
      for (const leak of leaksIn(text, data.secrets, lengths)) leaks.push(`${source}: ${leak}`);
    }
    console.log(
      `searched ${recorded.length} texts (${(bytes / 1e6).toFixed(1)} MB: ${pages.length} pages with what they fetched, ${endpoints} direct fetches of ${Object.keys(PUBLIC_ROUTES).length} public routes) for ${data.secrets.names.size} names and ${data.secrets.phones.size} phones (${data.secrets.masked.size} masked forms) of ${data.callers} callers in ${data.orders} orders and ${data.residents} residents`,
    );
    assert(
      leaks.length === 0,
      `${leaks.length} personal data on public pages:\n${leaks.slice(0, 50).join("\n")}`,
    );
    console.log(`public privacy browser test passed in ${Math.round((Date.now() - startedAt) / 1000)} s`);
  } finally {
    await browser.close();
    if (dataKept) await rm(server.dataDir, { recursive: true, force: true });
    else await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
