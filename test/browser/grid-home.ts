import {
  apiAs,
  assert,
  buildWebApp,
  launchBrowser,
  MOBILE,
  type RunningServer,
  screenshot,
  signedInAt,
  startServer,
} from "./harness.js";

/**
 * Issue 10, finding 11 for the grid worker at 375×812: the home (/grid) shows the grid's work as
 * counts from GET /api/work — waiting in the grid, open in the grid, overdue, due soon — and one tap
 * on a count lists exactly the orders it counts. Run with `node --import tsx test/browser/grid-home.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];
const TILES = ["toHandle", "open", "overdue", "dueSoon"];

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    const worker = await apiAs(base, "gridworker");
    const me = await worker<{ regionCode: string }>("/api/me");
    const operator = await apiAs(base, "operator");
    for (const n of [1, 2, 3]) {
      await operator("/api/demands", {
        method: "POST",
        body: {
          channel: "12345",
          channelFields: { workOrderNo: `GH-${n}` },
          content: `第${n}件：楼道里堆满杂物，消防通道被堵，请网格员来看看`,
          regionCode: me.regionCode,
          caller: { name: "孙阿姨", phone: `1370000${4000 + n}` },
        },
      });
    }

    const { context, page, problems } = await signedInAt(browser, base, "gridworker", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    await page.goto(`${base}/grid`);
    const tiles = page.getByTestId("work-tiles");
    await tiles.locator("[data-work-tile]").first().waitFor({ timeout: 20_000 });
    const keys = await tiles
      .locator("[data-work-tile]")
      .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.workTile));
    assert(
      JSON.stringify(keys) === JSON.stringify(TILES),
      `the grid worker's counts are ${TILES}, got ${keys}`,
    );
    for (const key of TILES) {
      const tile = tiles.locator(`[data-work-tile="${key}"]`);
      const count = Number(await tile.getAttribute("data-count"));
      await tile.click();
      await page
        .locator(`[data-testid="grid-list"][data-tile="${key}"][data-total="${count}"]`)
        .waitFor({ timeout: 15_000 });
      console.log(`tile ${key}: ${count}, its list: ${count}`);
      if (key === "open") assert(count >= 3, `the grid's three new demands are open, got ${count}`);
    }
    const sideways = await page.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert(sideways <= 0, `/grid fits 375 px (${sideways} px wider)`);
    await screenshot(page, "grid-home-375.png");
    assert(problems.length === 0, `no console errors, got:\n${problems.join("\n")}`);
    await context.close();
    console.log(`grid home browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
