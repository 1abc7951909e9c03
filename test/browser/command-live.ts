import { statSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  type Api,
  apiAs,
  assert,
  buildWebApp,
  launchBrowser,
  login,
  type RunningServer,
  screenshot,
  startServer,
  watchProblems,
} from "./harness.js";

/**
 * The live command centre, end to end in the browser against the real server:
 * the street dispatcher's page is open; a resident submits a street-level demand through the API and
 * the new order appears in the queue without a reload; the dispatcher accepts it and dispatches it
 * through the dialog (the catalogue's suggestion preselected); the unit handler signs and replies in
 * the unit inbox; the dispatcher verifies. Screenshots of each role's main page (zh-CN, the command
 * centre once in en-US) go to test-results/. Any console error fails the run.
 * Run with `npx tsx test/browser/command-live.ts`.
 */

const DESKTOP = { width: 1440, height: 900 };
const PASSWORD = "minhu-demo";
const STREET = "610103001";
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
];

type Ring = number[][];
interface GridFeature {
  properties: { code: string; streetCode: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

/** A point inside a grid of the street: a ring's vertex average, confirmed by /api/locate. */
async function pointsInStreet(
  api: Api,
  count: number,
): Promise<Array<{ lng: number; lat: number; grid: string }>> {
  const grids = await api<{ features: GridFeature[] }>(`/api/grids?within=${STREET}`);
  const points: Array<{ lng: number; lat: number; grid: string }> = [];
  for (const feature of grids.features) {
    const ring =
      feature.geometry.type === "Polygon"
        ? feature.geometry.coordinates[0]
        : feature.geometry.coordinates[0][0];
    const lng = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
    const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
    const located = await api<{ street: { code: string }; grid: { code: string } }>(
      `/api/locate?lng=${lng}&lat=${lat}`,
    ).catch(() => null);
    if (located?.street.code === STREET && located.grid.code === feature.properties.code) {
      points.push({ lng, lat, grid: located.grid.code });
      if (points.length === count) break;
    }
  }
  assert(points.length === count, `found ${count} interior points in ${STREET}`);
  return points;
}

interface CatalogueRow {
  categoryCode: string;
  categoryName: string;
  regionCode: string | null;
  handlingLevel: string;
  unit: { id: number; name: string } | null;
}

/** A category the dispatch catalogue routes to the street level (with a unit, so a suggestion exists). */
async function streetCategory(admin: Api): Promise<CatalogueRow> {
  const { items } = await admin<{ items: CatalogueRow[] }>("/api/catalogue");
  const row =
    items.find(
      (r) => r.handlingLevel === "street" && r.regionCode === null && r.unit && r.categoryCode.length === 6,
    ) ?? items.find((r) => r.handlingLevel === "street" && r.regionCode === null);
  assert(row, "the catalogue has a street-level category");
  return row;
}

async function submitDemand(
  resident: Api,
  category: string,
  point: { lng: number; lat: number },
  text: string,
) {
  return resident<{ id: string; orderNo: string; handlingLevel: string; holderRegionCode: string }>(
    "/api/demands",
    {
      method: "POST",
      body: {
        channel: "online",
        content: text,
        categoryCode: category,
        type: "complaint",
        location: { lng: point.lng, lat: point.lat },
        caller: { name: "李女士", phone: "13800001234" },
      },
    },
  );
}

async function newPage(
  browser: Browser,
  problems: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    deviceScaleFactor: 1,
    timezoneId: "Asia/Shanghai",
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const found = watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
  page.on("close", () => problems.push(...found));
  // Collected at the end through `problems` of each page (see flush below).
  (page as Page & { problems?: string[] }).problems = found;
  return { context, page };
}

const row = (page: Page, orderNo: string) => page.locator(`[data-order-no="${orderNo}"]`);

/** Runs one action through the shared dialog: click the row's button, fill, confirm, wait for it to close. */
async function actInRow(page: Page, orderNo: string, action: string, fill?: (page: Page) => Promise<void>) {
  await row(page, orderNo).locator(`[data-testid="action-${action}"]`).click();
  const dialog = page.getByTestId(`action-dialog-${action}`);
  await dialog.waitFor();
  if (fill) await fill(page);
  await page.getByTestId("action-submit").click();
  await dialog.waitFor({ state: "detached", timeout: 15_000 });
}

async function openQueue(page: Page, queue: string) {
  await page.locator(`[data-queue="${queue}"]`).click();
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    console.log(`server ready at ${base} after ${Date.now() - startedAt} ms`);
    const admin = await apiAs(base, "admin");
    const resident = await apiAs(base, "resident");
    const category = await streetCategory(admin);
    const points = await pointsInStreet(admin, 4);
    console.log(
      `street-level category ${category.categoryCode} ${category.categoryName} → ${category.unit?.name ?? "no unit"}`,
    );

    // A few earlier demands so the map, the KPIs and the dashboard have something to show.
    const background = [];
    for (const [index, point] of points.slice(1).entries()) {
      background.push(
        await submitDemand(
          resident,
          category.categoryCode,
          point,
          `背景诉求${index + 1}：小区门口商户油烟扰民，请尽快处理。`,
        ),
      );
    }
    // One of them already dispatched (through the API), for the supervisor to urge.
    const streetDispatcher = await apiAs(base, "street-dispatcher");
    const urgeTarget = background[0];
    await streetDispatcher(`/api/orders/${urgeTarget.id}/actions/accept`, {
      method: "POST",
      body: { version: 1 },
    });
    await streetDispatcher(`/api/orders/${urgeTarget.id}/actions/dispatch`, {
      method: "POST",
      body: { version: 2, mainUnitId: category.unit?.id ?? 1 },
    });

    browser = await launchBrowser();
    const problems: string[] = [];
    const dispatcher = await newPage(browser, problems);
    pages.push(dispatcher.page);
    const d = dispatcher.page;
    await login(d, base, "street-dispatcher", PASSWORD);
    await d.goto(`${base}/command`);
    await d.getByTestId("command-page").waitFor();
    await d.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    await d.locator('[data-testid="command-map"][data-grid-count]').waitFor({ timeout: 30_000 });

    // The resident submits; the order must appear in the open queue by itself.
    const order = await submitDemand(
      resident,
      category.categoryCode,
      points[0],
      "楼下餐馆油烟直排，家里窗户都不敢开，请街道协调处理。",
    );
    assert(
      order.handlingLevel === "street" && order.holderRegionCode === STREET,
      `order held by the street, got ${order.handlingLevel} ${order.holderRegionCode}`,
    );
    const liveStart = Date.now();
    await row(d, order.orderNo).waitFor({ timeout: 15_000 });
    console.log(
      `new order ${order.orderNo} appeared in the queue after ${Date.now() - liveStart} ms (no reload)`,
    );
    await d.locator('[data-kpi="newToday"]').getByText("4", { exact: true }).waitFor({ timeout: 10_000 });
    await d.waitForTimeout(600);
    await screenshot(d, "command-centre-zh.png");

    // Accept, then dispatch through the dialog with the catalogue's suggestion preselected.
    await actInRow(d, order.orderNo, "accept");
    await openQueue(d, "dispatch");
    await row(d, order.orderNo).waitFor();
    await row(d, order.orderNo).locator('[data-testid="action-dispatch"]').click();
    await d.getByTestId("action-dialog-dispatch").waitFor();
    const suggestion = d.getByTestId("dispatch-suggestion");
    await suggestion.waitFor({ timeout: 10_000 });
    const suggestedName = ((await suggestion.locator("strong").textContent()) ?? "").trim();
    const mainUnit = d.locator('[data-testid="action-dialog-dispatch"] .ant-select').first();
    await mainUnit.waitFor();
    const selectedName = ((await mainUnit.textContent()) ?? "").trim();
    assert(
      suggestedName.length > 0 && selectedName === suggestedName,
      `suggestion "${suggestedName}" preselected, got "${selectedName}"`,
    );
    await screenshot(d, "command-dispatch-dialog-zh.png");
    await d.getByTestId("action-submit").click();
    await d.getByTestId("action-dialog-dispatch").waitFor({ state: "detached", timeout: 15_000 });
    const dispatched = await admin<{ state: string; mainUnit: { id: number; name: string } | null }>(
      `/api/orders/${order.id}`,
    );
    assert(
      dispatched.state === "dispatched" && dispatched.mainUnit?.name === suggestedName,
      `dispatched to ${suggestedName}`,
    );
    console.log(`dispatched ${order.orderNo} to ${suggestedName}`);

    // The unit handler signs and replies in the unit inbox.
    const units = await admin<{ items: Array<{ id: number; code: string }> }>("/api/units");
    const unitCode = units.items.find((u) => u.id === dispatched.mainUnit?.id)?.code;
    const handlerName = unitCode === `jd${STREET}` ? "street-office-handler" : `${unitCode}-handler`;
    const handler = await newPage(browser, problems);
    pages.push(handler.page);
    const h = handler.page;
    await login(h, base, handlerName, PASSWORD);
    await h.goto(`${base}/unit`);
    await h.getByTestId("unit-inbox").waitFor();
    await row(h, order.orderNo).waitFor({ timeout: 15_000 });
    await h.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    await screenshot(h, "unit-inbox-zh.png");
    await actInRow(h, order.orderNo, "sign");
    await openQueue(h, "handling");
    await row(h, order.orderNo).waitFor();
    await actInRow(h, order.orderNo, "reply", async (page) => {
      await page
        .getByTestId("action-reply-text")
        .fill("已联系餐馆加装油烟净化设备并改道排放，街道将持续跟踪检查。");
    });
    // The order's full history in the drawer.
    await openQueue(h, "replied");
    await row(h, order.orderNo).locator("td").nth(1).click();
    await h.getByTestId("order-detail").waitFor();
    await h.locator('[data-testid="order-detail"][data-state="replied"]').waitFor();
    await h.waitForTimeout(300);
    await screenshot(h, "unit-order-history-zh.png");
    await h.keyboard.press("Escape");

    // The dispatcher verifies: the replied order shows up in the 待审核 queue by itself.
    await openQueue(d, "verify");
    await row(d, order.orderNo).waitFor({ timeout: 15_000 });
    await actInRow(d, order.orderNo, "verify");
    const verified = await admin<{ state: string }>(`/api/orders/${order.id}`);
    assert(verified.state === "verified", `order verified, got ${verified.state}`);
    console.log(`${order.orderNo}: accepted → dispatched → signed → replied → verified`);

    // The command centre in English.
    await d.evaluate(() => localStorage.setItem("minhu.locale", "en-US"));
    await d.reload();
    await d.getByRole("heading", { name: /Command centre/ }).waitFor();
    await d.locator('[data-testid="command-map"][data-grid-count]').waitFor({ timeout: 30_000 });
    await d.waitForTimeout(400);
    await screenshot(d, "command-centre-en.png");

    // Supervisor, admin and dashboard pages.
    const supervisor = await newPage(browser, problems);
    pages.push(supervisor.page);
    const s = supervisor.page;
    await login(s, base, "supervisor", PASSWORD);
    await s.goto(`${base}/supervision`);
    await s.getByTestId("supervisor-page").waitFor();
    await s.getByTestId("spot-checks").waitFor();
    // 催办: urge an order in progress; it is then under supervision.
    await s.locator('[data-queue="inProgress"]').click();
    await row(s, urgeTarget.orderNo).waitFor({ timeout: 15_000 });
    await actInRow(s, urgeTarget.orderNo, "urge", async (page) => {
      await page.getByTestId("action-reason").fill("请承办单位加快处理，三日内反馈进展。");
    });
    await s.locator('[data-queue="supervised"]').click();
    await row(s, urgeTarget.orderNo).waitFor({ timeout: 15_000 });
    // A spot check recorded from the order's drawer shows in the records below.
    await row(s, urgeTarget.orderNo).locator("td").nth(1).click();
    const spotForm = s.getByTestId("spot-check-form");
    await spotForm.waitFor();
    await spotForm.getByLabel("抽查人").fill("第三方评估 王敏");
    await spotForm.getByRole("button", { name: /保存抽查记录/ }).click();
    await s.getByTestId("spot-checks").getByText("第三方评估 王敏").waitFor({ timeout: 15_000 });
    await s.keyboard.press("Escape");
    await s.waitForTimeout(600);
    await screenshot(s, "supervisor-zh.png");

    const adminPage = await newPage(browser, problems);
    pages.push(adminPage.page);
    const a = adminPage.page;
    await login(a, base, "admin", PASSWORD);
    for (const tab of ["categories", "catalogue", "units", "users", "holidays", "grids"]) {
      await a.goto(`${base}/admin?tab=${tab}`);
      await a.locator(`[data-testid="admin-page"][data-tab="${tab}"]`).waitFor();
      const ready =
        {
          categories: "[data-category]",
          grids: '[data-grid-count]:not([data-grid-count="0"])',
        }[tab] ?? ".ant-table-row";
      await a.locator(ready).first().waitFor({ timeout: 30_000 });
      await a.waitForTimeout(400);
      await screenshot(a, `admin-${tab}-zh.png`);
    }
    // A grid import with a broken feature: the dry run lists the feature's problems.
    await a.getByTestId("grid-file").setInputFiles({
      name: "bad-grids.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(
        JSON.stringify({
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              properties: { code: "999", name: "" },
              geometry: { type: "Point", coordinates: [108.9, 34.2] },
            },
          ],
        }),
      ),
    });
    await a.getByRole("button", { name: /检\s*查/ }).click();
    const report = a.getByTestId("grid-import-report");
    await report.waitFor({ timeout: 15_000 });
    assert(Number(await report.getAttribute("data-errors")) > 0, "the broken feature is reported");
    await screenshot(a, "admin-grid-import-zh.png");

    // An admin write and delete: a holiday added for next year's calendar, then removed again.
    await a.goto(`${base}/admin?tab=holidays`);
    await a.locator('[data-testid="admin-page"][data-tab="holidays"]').waitFor();
    const nextYear = new Date().getFullYear() + 1;
    await a.getByPlaceholder("日期").fill(`${nextYear}-01-02`);
    await a.keyboard.press("Enter");
    await a.getByPlaceholder("名称").fill("浏览器测试假日");
    await a.getByRole("button", { name: /添加/ }).click();
    const holiday = a.locator(".ant-table-row", { hasText: "浏览器测试假日" });
    await holiday.waitFor({ timeout: 15_000 });
    await a.getByText("已保存").first().waitFor();
    await holiday.getByRole("button", { name: "删除" }).click();
    await a
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /确\s*定|OK/ })
      .click();
    await holiday.waitFor({ state: "detached", timeout: 15_000 });
    console.log(`admin added and deleted the holiday ${nextYear}-01-02 in the UI`);

    // 四本台账 / 四张清单: this month's demands in the general ledger and the problem list, exported.
    await a.goto(`${base}/ledgers`);
    await a.getByTestId("ledgers-page").waitFor();
    await a.getByTestId("ledger-table").locator(".ant-table-row").first().waitFor({ timeout: 15_000 });
    await a.getByText("问题清单").click();
    await a.locator('[data-testid="ledgers-page"][data-book="problems"]').waitFor();
    await a.getByTestId("ledger-table").getByText(order.orderNo).first().waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([
      a.waitForEvent("download"),
      a.getByTestId("ledger-export").click(),
    ]);
    const saved = await download.path();
    assert(
      saved && statSync(saved).size > 1000,
      `the problem list downloads as Excel (${download.suggestedFilename()})`,
    );
    await screenshot(a, "ledgers-zh.png");
    console.log(`problem list exported as ${download.suggestedFilename()} (${statSync(saved).size} bytes)`);

    await a.goto(`${base}/dashboard`);
    await a.getByTestId("dashboard-page").waitFor();
    await a.locator('[data-testid="chart-trend"] canvas').waitFor({ timeout: 30_000 });
    await a.locator('[data-testid="heat-map"][data-grid-count]').waitFor({ timeout: 30_000 });
    await a.locator('[data-testid="ranking"] .ant-table-row').first().waitFor({ timeout: 30_000 });
    await a.waitForTimeout(800);
    await screenshot(a, "dashboard-zh.png");
    await a.getByTestId("ranking").scrollIntoViewIfNeeded();
    await a.waitForTimeout(300);
    await screenshot(a, "dashboard-ranking-zh.png");
    // The monthly report downloads; the admin changes the score weights (a wrong sum is refused as typed).
    const [monthly] = await Promise.all([
      a.waitForEvent("download"),
      a.getByTestId("assessment-report").click(),
    ]);
    assert(
      monthly.suggestedFilename().endsWith(".xlsx"),
      `the report is Excel: ${monthly.suggestedFilename()}`,
    );
    await a.getByTestId("weights-button").click();
    const response = a.getByTestId("weight-response");
    await response.waitFor();
    await a.waitForFunction(
      () => (document.querySelector('[data-testid="weight-response"]') as HTMLInputElement)?.value === "10",
    );
    await response.fill("20");
    await a.getByText("四项权重之和须为 100（当前 110）").first().waitFor();
    await a.getByTestId("weight-resolution").fill("25");
    await a.getByTestId("weights-save").click();
    await a.getByText("已保存").first().waitFor();
    const settings = await admin<{ response: number; resolution: number }>("/api/assessment/settings");
    assert(
      settings.response === 20 && settings.resolution === 25,
      `weights saved: ${JSON.stringify(settings)}`,
    );
    console.log(`report ${monthly.suggestedFilename()} downloaded; weights set to 20/20/25/35 in the UI`);

    for (const page of pages) problems.push(...((page as Page & { problems?: string[] }).problems ?? []));
    assert(problems.length === 0, `no console or page errors:\n${problems.join("\n")}`);
    console.log(`command-live browser test passed in ${Date.now() - startedAt} ms`);
  } catch (error) {
    for (const page of pages) {
      const found = (page as Page & { problems?: string[] }).problems ?? [];
      if (found.length > 0) console.error(`--- page problems ---\n${found.join("\n")}`);
    }
    for (const [index, page] of pages.entries()) {
      await screenshot(page, `command-live-failure-${index}.png`).catch(() => undefined);
    }
    if (server) console.error(`--- server output ---\n${server.output().slice(-1500)}`);
    throw error;
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
