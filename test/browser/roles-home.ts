import type { Browser, Page } from "playwright-core";
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
 * Issue 10, findings 8, 11 and 14 at 1440×900: a supervisor's and a unit handler's 工作台 show their
 * counts and each opens the list it counts; the 督办中 tile equals the 督办中 tab; the ranking shows
 * the score's formula and 数据不足 for rows without enough data (a fresh district has none).
 * Run with `npx tsx test/browser/roles-home.ts`.
 */
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
];

async function tileCount(page: Page, key: string): Promise<number> {
  const tile = page.locator(`[data-work-tile="${key}"]`);
  await tile.waitFor({ timeout: 20_000 });
  return Number(await tile.getAttribute("data-count"));
}

/** Clicks a home tile and checks that the list it opens holds as many orders as the tile said. */
async function openTile(page: Page, key: string): Promise<void> {
  const count = await tileCount(page, key);
  await page.locator(`[data-work-tile="${key}"]`).click();
  const list = page.locator(`[data-testid="work-list"][data-total="${count}"]`);
  await list.waitFor({ timeout: 20_000 });
  console.log(`tile ${key}: ${count}, its list: ${count}`);
  await page.goBack();
}

async function main(): Promise<void> {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    browser = await launchBrowser();
    const problems: string[] = [];
    for (const user of ["supervisor", "rsj-handler", "district-dispatcher"]) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        timezoneId: "UTC",
        locale: "zh-CN",
      });
      const page = await context.newPage();
      problems.push(...watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS }));
      await login(page, base, user, "minhu-demo");
      await page.getByTestId("work-tiles").waitFor({ timeout: 20_000 });
      assert((await page.getByText("权限数").count()) === 0, "no 权限数 on the home");
      await screenshot(page, `home-${user}.png`);
      const keys = await page
        .locator("[data-work-tile]")
        .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute("data-work-tile") ?? ""));
      for (const key of keys.filter((k) => k !== "warnings" || user !== "district-dispatcher"))
        await openTile(page, key);
      if (user === "supervisor") {
        await page.goto(`${base}/supervision`);
        const tile = page.locator('[data-kpi="supervised"] .ant-statistic-content-value');
        await tile.waitFor({ timeout: 20_000 });
        await page.waitForTimeout(1500);
        const tileValue = (await tile.textContent())?.trim();
        // A tab with nothing in it shows no badge.
        const badge = page.locator('[data-queue="supervised"] .command-queue__count .ant-badge-count');
        const tabValue = (await badge.count()) > 0 ? (await badge.first().textContent())?.trim() : "0";
        assert(tileValue === tabValue, `督办中 tile ${tileValue} equals tab ${tabValue}`);
        await page.goto(`${base}/dashboard`);
        await page.getByTestId("score-formula").waitFor({ timeout: 30_000 });
        await page.getByText(/综合得分 = 响应率×10% \+ 按期办结率×20%/).waitFor();
        await page.getByTestId("insufficient").first().waitFor();
        await page.getByTestId("score-formula").scrollIntoViewIfNeeded();
        await screenshot(page, "dashboard-formula-zh.png");
      }
      await context.close();
    }
    assert(problems.length === 0, `no console errors:\n${problems.join("\n")}`);
    console.log("roles-home browser test passed");
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
