import type { Browser, Page } from "playwright-core";
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
 * Issue 11 §3 through the UI: the street's and the district's command centres are open; a 12345
 * operator types a call about a gas smell (and leaves urgency alone) and submits it. Both command
 * centres raise the 紧急诉求 alert for the new order without a reload; the order carries the urgent
 * time limit. The operator's suggestions show the words behind them. Run with `npx tsx test/browser/urgent-alert.ts`.
 */

const PASSWORD = "minhu-demo";
const DESKTOP = { width: 1440, height: 900 };
const STREET = "610103001";
const CALL = "我家楼道里一股很浓的煤气味，邻居家敲门也没人应，我们都不敢开灯，快派人来看看";
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
];

type Ring = number[][];
interface GridFeature {
  properties: { code: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

/** A point inside a grid of the street (a ring's vertex average, confirmed by /api/locate). */
async function pointInStreet(api: Api): Promise<{ latitude: number; longitude: number }> {
  const grids = await api<{ features: GridFeature[] }>(`/api/grids?within=${STREET}`);
  for (const feature of grids.features) {
    const ring =
      feature.geometry.type === "Polygon"
        ? feature.geometry.coordinates[0]
        : feature.geometry.coordinates[0][0];
    const lng = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
    const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
    const located = await api<{ street: { code: string } }>(`/api/locate?lng=${lng}&lat=${lat}`).catch(
      () => null,
    );
    if (located?.street.code === STREET) return { latitude: lat, longitude: lng };
  }
  throw new Error(`no interior point in ${STREET}`);
}

async function commandCentre(
  browser: Browser,
  base: string,
  username: string,
  problems: string[][],
): Promise<Page> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  problems.push(watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS }));
  await login(page, base, username, PASSWORD);
  await page.goto(`${base}/command`);
  await page.getByTestId("command-page").waitFor();
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
  return page;
}

async function main(): Promise<void> {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let current: Page | undefined;
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    const admin = await apiAs(base, "admin");
    const point = await pointInStreet(admin);

    browser = await launchBrowser();
    const problems: string[][] = [];
    const street = await commandCentre(browser, base, "street-dispatcher", problems);
    const district = await commandCentre(browser, base, "district-dispatcher", problems);

    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: "zh-CN",
      geolocation: point,
      permissions: ["geolocation"],
    });
    const operator = await context.newPage();
    current = operator;
    problems.push(watchProblems(operator, { expectedHttpErrors: EXPECTED_HTTP_ERRORS }));
    await login(operator, base, "operator", PASSWORD);
    await operator.getByRole("menuitem", { name: "来电登记" }).click();
    await operator.getByTestId("operator-intake").waitFor();
    await operator.getByTestId("caller-phone-input").fill("13900139000");
    await operator.getByTestId("caller-name-input").fill("赵女士");
    await operator.getByTestId("work-order-no").fill("GD202612050001");
    await operator.getByTestId("call-content").fill(CALL);
    await operator.locator('[data-testid="category-chip"]').first().waitFor({ timeout: 15_000 });
    // Each suggestion says which words led to it.
    const words = (await operator.locator('[data-testid="category-words"]').first().textContent()) ?? "";
    assert(words.trim().length > 0, "the first suggestion lists the words behind it");
    console.log(`first suggestion because of: ${words}`);
    await operator.getByTestId("locate-me").click();
    await operator
      .locator('[data-testid="located-place"][data-status="located"]')
      .waitFor({ timeout: 15_000 });
    await operator.keyboard.press("Control+Enter");
    const orderNo = (
      (await operator.getByTestId("call-order-no").textContent({ timeout: 20_000 })) ?? ""
    ).trim();
    assert(/^BL\d{12}$/.test(orderNo), `the operator registered an order, got "${orderNo}"`);
    const submittedAt = Date.now();

    for (const [name, page] of [
      ["street", street],
      ["district", district],
    ] as const) {
      current = page;
      const item = page.locator('[data-testid="urgent-alert-item"]').filter({ hasText: orderNo });
      await item.waitFor({ timeout: 15_000 });
      console.log(
        `${name} command centre: urgent alert for ${orderNo} after ${Date.now() - submittedAt} ms (no reload)`,
      );
    }
    await screenshot(street, "urgent-alert-street-zh.png");

    const { items } = await admin<{ items: Array<{ id: string; orderNo: string }> }>(
      `/api/orders?q=${orderNo}`,
    );
    const order = await admin<{ urgent: boolean; region: { street?: { code: string } } }>(
      `/api/orders/${items[0].id}`,
    );
    assert(order.urgent, "the order is urgent");
    assert(order.region.street?.code === STREET, `the order lies in ${STREET}`);

    // The alert stays until acknowledged.
    current = street;
    await street
      .locator('[data-testid="urgent-alert-item"]')
      .filter({ hasText: orderNo })
      .getByRole("button", { name: "知 悉" })
      .or(
        street
          .locator('[data-testid="urgent-alert-item"]')
          .filter({ hasText: orderNo })
          .getByRole("button", { name: "知悉" }),
      )
      .click();
    await street
      .locator('[data-testid="urgent-alert-item"]')
      .filter({ hasText: orderNo })
      .waitFor({ state: "hidden" });

    const found = problems.flat();
    assert(found.length === 0, `no console errors, got:\n${found.join("\n")}`);
    console.log("urgent alert test passed");
  } catch (error) {
    if (current) await screenshot(current, "urgent-alert-failure.png").catch(() => undefined);
    throw error;
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

await main();
