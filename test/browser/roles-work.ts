import type { Browser } from "playwright-core";
import {
  type Api,
  apiAs,
  assert,
  buildWebApp,
  DESKTOP,
  launchBrowser,
  MOBILE,
  type RunningServer,
  screenshot,
  signedInAt,
  startServer,
} from "./harness.js";

/**
 * Issue 10, each role's working day: the findings walked again at the viewport they were found at.
 * One server and one Chromium for all of them; each check signs in as its role in a fresh context.
 * Run with `npx tsx test/browser/roles-work.ts`.
 */

const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
];

interface CatalogueRow {
  categoryCode: string;
  categoryName: string;
  regionCode: string | null;
  handlingLevel: string;
}

async function signedIn(
  browser: Browser,
  base: string,
  user: string,
  viewport: typeof MOBILE,
  timezoneId?: string,
) {
  const signed = await signedInAt(browser, base, user, viewport, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    timezoneId,
  });
  return { ...signed, own: signed.problems };
}

/** Finding 1: 就地办结 is offered only where the catalogue keeps the matter at grid level, and says why. */
async function onTheSpot(browser: Browser, base: string, catalogue: CatalogueRow[]) {
  const { context, page, own } = await signedIn(browser, base, "gridworker", MOBILE);
  await page.goto(`${base}/grid/report`);
  await page.locator('[data-testid="grid-report"]').waitFor();
  const streetMatter = catalogue.find((row) => row.categoryCode === "020503");
  assert(streetMatter && streetMatter.handlingLevel !== "grid", "井盖问题 is not a grid-level matter");
  await page.getByTestId("report-content").fill("小区门口的井盖松动了，车辆经过时响动很大，存在安全隐患");
  const manhole = page.locator('[data-testid="category-chip"][data-code="020503"]');
  await manhole.click({ timeout: 15_000 });
  const reason = page.locator('[data-testid="solve-on-spot-reason"][data-allowed="false"]');
  await reason.getByText("不能就地办结").waitFor({ timeout: 10_000 });
  assert(await page.getByTestId("solve-on-spot").isDisabled(), "the on-the-spot switch is off for 井盖问题");
  await page.getByTestId("on-spot-matters").click();
  const list = page.getByTestId("on-spot-matter-list");
  await list.getByText("楼道堆物").waitFor();
  await screenshot(page, "roles-on-spot-refused-zh.png");
  await page.keyboard.press("Escape");

  await page.getByTestId("report-content").fill("3号楼楼道里堆放了纸箱杂物，影响通行，已当场劝导清理");
  await page.locator('[data-testid="category-chip"][data-code="110403"]').click({ timeout: 15_000 });
  await page
    .locator('[data-testid="solve-on-spot-reason"][data-allowed="true"]')
    .waitFor({ timeout: 10_000 });
  await page.getByTestId("solve-on-spot").click();
  await page.getByTestId("solve-on-spot-fields").waitFor();
  await context.close();
  assert(own.length === 0, `no console errors on the grid report, got:\n${own.join("\n")}`);
  console.log("finding 1: 井盖问题 refused with the reason before filling, 楼道堆物 offered");
}

/** Finding 6: a street's 待受理 lists only what it holds; what the district holds is under 上级处置, with who acts. */
async function streetQueues(browser: Browser, base: string, operator: Api, catalogue: CatalogueRow[]) {
  const districtMatter = catalogue.find((row) => row.handlingLevel === "district" && row.regionCode === null);
  const streetMatter = catalogue.find((row) => row.handlingLevel === "street" && row.regionCode === null);
  assert(districtMatter && streetMatter, "the catalogue has district- and street-level matters");
  const file = async (categoryCode: string, content: string) =>
    (
      await operator<{ orderNo: string }>("/api/demands", {
        method: "POST",
        body: {
          channel: "12345",
          channelFields: { workOrderNo: `R10-${categoryCode}` },
          content,
          categoryCode,
          regionCode: "610103001",
          caller: { name: "孙先生", phone: "13700003333" },
        },
      })
    ).orderNo;
  const held = await file(districtMatter.categoryCode, "反映一件需要区级部门处理的事情，请尽快安排");
  const own = await file(streetMatter.categoryCode, "反映一件街道可以处理的事情，请尽快安排人员");

  const { context, page, own: errors } = await signedIn(browser, base, "street-dispatcher", DESKTOP);
  await page.goto(`${base}/command`);
  const queue = page.getByTestId("command-queue");
  await queue.locator(`[data-order-no="${own}"]`).waitFor({ timeout: 20_000 });
  assert(
    (await queue.locator(`[data-order-no="${held}"]`).count()) === 0,
    `the district's ${held} is not in the street's 待受理`,
  );
  await queue.locator('[data-queue="above"]').click();
  await page.getByTestId("queue-above-note").waitFor();
  const row = queue.locator(`[data-order-no="${held}"]`);
  await row.waitFor({ timeout: 10_000 });
  await row.getByTestId("row-held-by").getByText("碑林区").waitFor();
  await screenshot(page, "roles-street-held-above-zh.png");
  await context.close();
  assert(errors.length === 0, `no console errors on the command centre, got:\n${errors.join("\n")}`);
  console.log(`finding 6: ${held} (district) under 上级处置 with who holds it, ${own} in 待受理`);
}

/** `MM-DD HH:mm` of an instant on China's clock. */
function chinaShort(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(5, 10)} ${shifted.slice(11, 16)}`;
}

/**
 * Findings 12 and 14 (time zone): in a browser set to UTC, a ledger row shows the China time the
 * Excel shows, and opens its order with the demand's text.
 */
async function ledgerRowsOpen(browser: Browser, base: string, operator: Api) {
  const order = await operator<{ orderNo: string; createdAt: string }>("/api/demands", {
    method: "POST",
    body: {
      channel: "12345",
      channelFields: { workOrderNo: "R10-LEDGER" },
      content: "小区东门路灯坏了一个多月，晚上出入很不安全，希望尽快修好",
      regionCode: "610103001",
      caller: { name: "钱女士", phone: "13700004444" },
    },
  });
  const { context, page, own } = await signedIn(browser, base, "street-dispatcher", DESKTOP, "UTC");
  await page.goto(`${base}/ledgers`);
  await page.getByTestId("ledgers-page").waitFor();
  const row = page.getByTestId("ledger-table").locator("tr", { hasText: order.orderNo }).first();
  await row.waitFor({ timeout: 15_000 });
  const text = (await row.textContent()) ?? "";
  const expected = chinaShort(order.createdAt);
  assert(text.includes(expected), `the row shows China time ${expected} in a UTC browser, got "${text}"`);
  await row.click();
  await page.locator(".ant-drawer").getByText("路灯坏了一个多月").first().waitFor({ timeout: 10_000 });
  await screenshot(page, "roles-ledger-row-opens-zh.png");
  await context.close();
  assert(own.length === 0, `no console errors on the ledgers, got:\n${own.join("\n")}`);
  console.log(
    `findings 12, 14: ledger row ${order.orderNo} at ${expected} (China time, UTC browser) opens the order`,
  );
}

/** Finding 14: an action dialog submitted empty marks its fields and throws nothing. */
async function emptyDialog(browser: Browser, base: string) {
  const { context, page, own } = await signedIn(browser, base, "street-dispatcher", DESKTOP);
  await page.goto(`${base}/command`);
  const queue = page.getByTestId("command-queue");
  await queue.locator('[data-testid="action-accept"]').first().waitFor({ timeout: 20_000 });
  // 不予受理 needs a reason: submit it empty.
  const row = queue.locator("[data-order-no]").first();
  await row.click({ position: { x: 5, y: 5 } });
  const drawer = page.locator(".ant-drawer");
  await drawer.getByTestId("action-reject").click();
  await page.getByTestId("action-dialog-reject").waitFor();
  await page.getByTestId("action-submit").click();
  await page.locator(".order-dialog .ant-form-item-has-error").first().waitFor();
  await page.waitForTimeout(300);
  await context.close();
  assert(own.length === 0, `submitting an empty dialog raises no error, got:\n${own.join("\n")}`);
  console.log("finding 14: the empty 不予受理 dialog marks its field, no page error");
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    const admin = await apiAs(base, "admin");
    const operator = await apiAs(base, "operator");
    const catalogue = (await admin<{ items: CatalogueRow[] }>("/api/catalogue")).items;
    browser = await launchBrowser();
    const only = process.argv[2];
    const checks: Record<string, () => Promise<void>> = {
      onTheSpot: () => onTheSpot(browser as Browser, base, catalogue),
      streetQueues: () => streetQueues(browser as Browser, base, operator, catalogue),
      ledgerRowsOpen: () => ledgerRowsOpen(browser as Browser, base, operator),
      emptyDialog: () => emptyDialog(browser as Browser, base),
    };
    for (const [name, check] of Object.entries(checks)) {
      if (only && only !== name) continue;
      const started = Date.now();
      await check();
      console.log(`  ${name}: ${Date.now() - started} ms`);
    }
    console.log(`roles browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
