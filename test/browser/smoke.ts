import type { Browser, BrowserContext, Page } from "playwright-core";
import {
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
 * Browser smoke test of the web app against the real server:
 * login (wrong then right password), the regions map with every grid, a grid's details,
 * the English UI and the 375 px mobile layout. Run with `npx tsx test/browser/smoke.ts`.
 */

const EXPECTED_GRIDS = 383;
const DESKTOP = { width: 1440, height: 900 };
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
];

interface GridFeatureJson {
  properties: { code: string; name: string; communityName: string; streetName: string };
}

async function checkLogin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/regions`);
  await page.waitForURL(/\/login\?next=%2Fregions/);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  const error = page.getByTestId("login-error");
  await error.waitFor();
  assert(((await error.textContent()) ?? "").trim().length > 0, "login error shows the server's message");
  await screenshot(page, "login-zh.png");
  await login(page, baseUrl, "admin", "minhu-demo");
  await page.getByTestId("profile-role").getByText("系统管理员").waitFor();
  await screenshot(page, "home-zh.png");
}

async function openRegions(page: Page): Promise<number> {
  await page.getByRole("menuitem", { name: "网格与辖区" }).click();
  await page.locator(`[data-grid-count="${EXPECTED_GRIDS}"]`).waitFor({ timeout: 60_000 });
  const countText = (await page.getByTestId("grid-count").textContent()) ?? "";
  assert(countText.includes(`${EXPECTED_GRIDS} 个网格`), `grid count label, got "${countText}"`);
  const renderMs = await page.evaluate(
    () => (window as unknown as { __minhuMapRenderMs?: number }).__minhuMapRenderMs,
  );
  assert(typeof renderMs === "number", "window.__minhuMapRenderMs is set");
  return renderMs;
}

/** Clicks points of the map, centre first, until one lands on a grid and its detail panel opens. */
async function clickSomeGrid(page: Page): Promise<void> {
  const box = await page.getByTestId("grid-map").boundingBox();
  assert(box, "map is visible");
  const offsets = [0, 0.08, -0.08, 0.16, -0.16].flatMap((dx) => [0, 0.08, -0.08].map((dy) => [dx, dy]));
  for (const [dx, dy] of offsets) {
    await page.mouse.click(box.x + box.width * (0.5 + dx), box.y + box.height * (0.5 + dy));
    const opened = await page
      .getByTestId("grid-detail")
      .waitFor({ timeout: 1_500 })
      .then(() => true)
      .catch(() => false);
    if (opened) return;
  }
  throw new Error("no click on the map opened a grid's details");
}

async function checkGridDetail(page: Page, baseUrl: string): Promise<void> {
  await clickSomeGrid(page);
  const code = ((await page.getByTestId("grid-code").textContent()) ?? "").trim();
  const grids = (await (await page.request.get(`${baseUrl}/api/grids`)).json()) as {
    features: GridFeatureJson[];
  };
  const grid = grids.features.find((feature) => feature.properties.code === code);
  assert(grid, `clicked grid ${code} is one of /api/grids`);
  const panel = page.getByTestId("grid-detail");
  await panel.getByText(grid.properties.communityName, { exact: true }).waitFor();
  await panel.getByText(grid.properties.streetName, { exact: true }).waitFor();
  console.log(
    `clicked grid ${code} ${grid.properties.name} (${grid.properties.streetName} / ${grid.properties.communityName})`,
  );
  await screenshot(page, "grid-detail-zh.png");
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
}

/** Expands the first street and its first community (children load lazily) and opens a grid from the tree. */
async function checkTree(page: Page): Promise<void> {
  const treeNode = (level: string) =>
    page.locator(".ant-tree-treenode", { has: page.locator(`.region-tree__node--${level}`) });
  await treeNode("street").first().locator(".region-tree__name").click();
  await treeNode("street").first().locator(".ant-tree-switcher").click();
  await treeNode("community").first().locator(".ant-tree-switcher").click();
  const grid = treeNode("grid").first();
  const gridName = ((await grid.textContent()) ?? "").trim();
  await grid.click();
  await page.getByTestId("grid-detail").getByText(gridName, { exact: true }).waitFor();
  await page.keyboard.press("Escape");
  await page.getByTestId("grid-detail").waitFor({ state: "detached" });
  await treeNode("district").first().locator(".region-tree__name").click();
}

async function checkEnglish(page: Page): Promise<void> {
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitem", { name: "English" }).click();
  await page.getByRole("menuitem", { name: "Regions & grids" }).waitFor();
  await page.getByRole("heading", { name: "Regions & grids" }).waitFor();
  const countText = (await page.getByTestId("grid-count").textContent()) ?? "";
  assert(countText.includes(`${EXPECTED_GRIDS} grids`), `English grid count label, got "${countText}"`);
  await screenshot(page, "grid-map-en.png");
}

async function checkMobile(browser: Browser, desktop: BrowserContext, baseUrl: string): Promise<string[]> {
  const { cookies } = await desktop.storageState();
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    storageState: { cookies, origins: [] },
  });
  const page = await context.newPage();
  const problems = watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
  await page.goto(`${baseUrl}/regions`);
  await page.locator(`[data-grid-count="${EXPECTED_GRIDS}"]`).waitFor({ timeout: 60_000 });
  await page.getByTestId("grid-count").waitFor();
  await screenshot(page, "grid-map-mobile.png");
  await page.getByTestId("menu-toggle").click();
  await page.getByRole("menuitem", { name: "网格与辖区" }).waitFor();
  await screenshot(page, "menu-mobile.png");
  await context.close();
  return problems;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    await buildWebApp();
    server = await startServer();
    console.log(`server ready at ${server.baseUrl} after ${Date.now() - startedAt} ms`);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 });
    page = await context.newPage();
    const problems = watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });

    await checkLogin(page, server.baseUrl);
    const renderMs = await openRegions(page);
    await screenshot(page, "grid-map-zh.png");
    await checkGridDetail(page, server.baseUrl);
    await checkTree(page);
    await checkEnglish(page);
    problems.push(...(await checkMobile(browser, context, server.baseUrl)));

    assert(problems.length === 0, `no console or page errors:\n${problems.join("\n")}`);
    console.log(`map render: ${renderMs} ms for ${EXPECTED_GRIDS} grids`);
    console.log(`browser smoke test passed in ${Date.now() - startedAt} ms`);
  } catch (error) {
    if (page) await screenshot(page, "smoke-failure.png").catch(() => undefined);
    if (server) console.error(`--- server output ---\n${server.output().slice(-4000)}`);
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
