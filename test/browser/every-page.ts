import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import {
  type Api,
  apiAs,
  axeViolations,
  buildWebApp,
  launchBrowser,
  login,
  REPO_ROOT,
  type RunningServer,
  screenshot,
  startServer,
  watchProblems,
} from "./harness.js";

/**
 * Issue 10: every page of every demo role's menu. At 375×812 no page may scroll sideways and no
 * console or page error may appear; at 1440×900 no page may grow past three screens (the tallest
 * panel is named). The pages come from the app's own navigation data (web/src/navigation/pages.ts),
 * so a new menu entry is walked without touching this script. zh-CN at 375 on every page of every
 * account (what a page shows depends on the account's scope); en-US at 375 and zh-CN at 1440 on every
 * page once, by the first account whose menu has it (the widest scope: tables are paged, so the
 * height does not grow with the scope). At 1440 axe-core must also find no serious or critical WCAG 2
 * A/AA violation (contrast, names of controls), as accessibility.ts asks of resident pages. Run with `node --import tsx test/browser/every-page.ts [username …]`.
 */

const MOBILE = { width: 375, height: 812 };
const DESKTOP = { width: 1440, height: 900 };
const MAX_SCREENS = 3;
const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];

/** The README's demo accounts and their roles. */
const ACCOUNTS: ReadonlyArray<{ user: string; role: string }> = [
  { user: "admin", role: "admin" },
  { user: "operator", role: "operator" },
  { user: "district-dispatcher", role: "dispatcher" },
  { user: "street-dispatcher", role: "dispatcher" },
  { user: "community-dispatcher", role: "dispatcher" },
  { user: "street-staff", role: "staff" },
  { user: "community-staff", role: "staff" },
  { user: "gridworker", role: "grid_worker" },
  { user: "cgj-handler", role: "unit_handler" },
  { user: "supervisor", role: "supervisor" },
  { user: "leader", role: "leader" },
  { user: "resident", role: "resident" },
];

interface NavPage {
  path: string;
  roles: readonly string[];
}

/** Read at run time (not a static import: the web app's sources are not part of the Node project). */
async function navPages(): Promise<readonly NavPage[]> {
  const url = pathToFileURL(join(REPO_ROOT, "web/src/navigation/pages.ts")).href;
  const module = (await import(url)) as { NAV_PAGES: readonly NavPage[] };
  return module.NAV_PAGES;
}

/** Orders in every queue the walk passes: new at the street, dispatched to 城管局, one long title. */
async function seedOrders(base: string): Promise<void> {
  const operator = await apiAs(base, "operator");
  const dispatcher = await apiAs(base, "street-dispatcher");
  const file = (content: string, n: number) =>
    operator<{ id: string }>("/api/demands", {
      method: "POST",
      body: {
        channel: "12345",
        channelFields: { workOrderNo: `EP-${n}` },
        content,
        regionCode: "610103001",
        caller: { name: "周先生", phone: `1370000${String(1000 + n)}` },
      },
    });
  const texts = [
    "南院门小区东门外的人行道上长期堆放建筑垃圾和废旧家具，占用盲道，老人和孩子出行只能走机动车道，非常危险，请尽快清理",
    "小区楼下餐馆油烟直排，晚上十点后还有噪音，影响休息",
    "路灯坏了一个多月，晚上出入很不安全",
  ];
  const created = [];
  for (const [index, text] of texts.entries()) created.push(await file(text, index));
  const units = await dispatcher<{ items: Array<{ id: number; code: string }> }>("/api/units");
  const cgj = units.items.find((unit) => unit.code === "cgj");
  if (!cgj) throw new Error("no 城管局 unit");
  await act(dispatcher, created[0].id, "accept");
  await act(dispatcher, created[0].id, "dispatch", { mainUnitId: cgj.id, note: "请尽快清运" });
}

async function act(api: Api, id: string, action: string, input: Record<string, unknown> = {}) {
  const order = await api<{ version: number }>(`/api/orders/${id}`);
  await api(`/api/orders/${id}/actions/${action}`, {
    method: "POST",
    body: { version: order.version, ...input },
  });
}

/**
 * Waits until the page has drawn its data: the page's content is there and no spinner or skeleton
 * is left (not "network idle": the live order stream stays open), then a short settle.
 */
async function settle(page: Page): Promise<void> {
  const started = Date.now();
  await page
    .waitForFunction(
      () =>
        document.querySelector(".shell__content *, .resident-page") !== null &&
        !document.querySelector(
          ".ant-skeleton, .ant-table .ant-spin-spinning, .shell__content > .ant-flex .ant-spin",
        ),
      undefined,
      { timeout: 8_000, polling: 100 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(400);
  if (Date.now() - started > 5_000)
    console.log(`    slow to settle: ${page.url()} ${Date.now() - started} ms`);
}

/**
 * The element that makes the page wider than the screen, for the failure message: the outermost one
 * whose right edge passes the screen's and that no ancestor clips (a scroll box or overflow hidden
 * that itself fits keeps its content inside; a fixed box does not widen the page).
 */
function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const widening = new Set<Element>();
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= limit + 1) continue;
      let counts = getComputedStyle(element).position !== "fixed";
      for (let parent = element.parentElement; counts && parent && parent !== document.body; ) {
        const style = getComputedStyle(parent);
        if (style.position === "fixed") counts = false;
        else if (style.overflowX !== "visible" && parent.getBoundingClientRect().right <= limit + 1)
          counts = false;
        parent = parent.parentElement;
      }
      if (counts) widening.add(element);
    }
    // The outermost: its parent does not widen the page itself.
    const outer = [...widening].find((element) => !widening.has(element.parentElement as Element));
    if (!outer) return "?";
    const right = Math.round(outer.getBoundingClientRect().right);
    const testId = outer.getAttribute("data-testid");
    const classes = String(outer.className).split(" ").filter(Boolean).slice(0, 3).join(".");
    return `${outer.tagName.toLowerCase()}${classes ? `.${classes}` : ""}${testId ? `[data-testid=${testId}]` : ""} (right edge ${right} px)`;
  });
}

/** The tallest panel of a page (card, table or section), for the failure message. */
function tallestPanel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const panels = [
      ...document.querySelectorAll<HTMLElement>(".shell__content .ant-card, .shell__content section"),
    ];
    const tallest = panels.sort((a, b) => b.offsetHeight - a.offsetHeight)[0];
    if (!tallest) return "?";
    const title = tallest.querySelector(".ant-card-head-title")?.textContent ?? tallest.dataset.testid ?? "";
    return `${title || String(tallest.className).split(" ")[0]} (${tallest.offsetHeight} px)`;
  });
}

interface Walk {
  failures: string[];
  pages: number;
}

async function walk(
  browser: Browser,
  base: string,
  account: { user: string; role: string },
  paths: readonly string[],
  locale: "zh-CN" | "en-US",
  result: Walk,
  desktopPaths: readonly string[] = [],
): Promise<void> {
  const context = await browser.newContext({
    viewport: MOBILE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: "Asia/Shanghai",
  });
  await context.addInitScript((chosen) => localStorage.setItem("minhu.locale", chosen), locale);
  const page = await context.newPage();
  const problems = watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
  await login(page, base, account.user, "minhu-demo");
  const where = (path: string, size: string) => `${account.user} ${locale} ${size} ${path}`;
  for (const path of paths) {
    await page.goto(`${base}${path}`);
    await settle(page);
    result.pages += 1;
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    if (scrollWidth > clientWidth) {
      result.failures.push(
        `${where(path, "375")}: scrolls sideways (${scrollWidth} > ${clientWidth} px), widest: ${await widest(page)}`,
      );
      await screenshot(page, `every-page-${account.user}-${path.replace(/\W+/g, "_")}-375.png`);
    }
    for (const problem of problems.splice(0)) result.failures.push(`${where(path, "375")}: ${problem}`);
  }
  if (desktopPaths.length > 0) {
    await page.setViewportSize(DESKTOP);
    for (const path of desktopPaths) {
      await page.goto(`${base}${path}`);
      await settle(page);
      result.pages += 1;
      const height = await page.evaluate(() => (document.scrollingElement as HTMLElement).scrollHeight);
      if (height > MAX_SCREENS * DESKTOP.height)
        result.failures.push(
          `${where(path, "1440")}: ${height} px tall (> ${MAX_SCREENS} screens), tallest panel: ${await tallestPanel(page)}`,
        );
      result.failures.push(...(await axeViolations(page, where(path, "1440"))));
      for (const problem of problems.splice(0)) result.failures.push(`${where(path, "1440")}: ${problem}`);
    }
  }
  await context.close();
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    const pages = await navPages();
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    await seedOrders(base);
    browser = await launchBrowser();
    const result: Walk = { failures: [], pages: 0 };
    // English is longer than Chinese: every page is also walked once in en-US at 375, and once at
    // 1440, by the first account whose menu has it.
    const englishDone = new Set<string>();
    const desktopDone = new Set<string>();
    // `every-page.ts admin street-dispatcher` walks only those accounts.
    const only = process.argv.slice(2);
    const walks = ACCOUNTS.filter((a) => only.length === 0 || only.includes(a.user)).map((account) => {
      const paths = pages.filter((page) => page.roles.includes(account.role)).map((page) => page.path);
      if (paths.length === 0)
        throw new Error(`${account.user}: no page in the menu for role ${account.role}`);
      const english = paths.filter((path) => !englishDone.has(path));
      for (const path of english) englishDone.add(path);
      const desktop = paths.filter((path) => !desktopDone.has(path));
      for (const path of desktop) desktopDone.add(path);
      return { account, paths, english, desktop };
    });
    for (const { account, paths, english, desktop } of walks) {
      const started = Date.now();
      await walk(browser, base, account, paths, "zh-CN", result, desktop);
      if (english.length > 0) await walk(browser, base, account, english, "en-US", result);
      console.log(`  ${account.user}: ${paths.length} pages in ${Date.now() - started} ms`);
    }
    if (result.failures.length > 0)
      throw new Error(`${result.failures.length} page problems:\n${result.failures.join("\n")}`);
    console.log(`every page: ${result.pages} page views passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
