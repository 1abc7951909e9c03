import type { Page } from "playwright-core";
import {
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
 * Issue 10, finding 4 at 375×812, with no tile layer configured: the maps are more than lines. The
 * resident's point picker shows names from the gazetteer, before and after "use my location"; the
 * grid worker's report map opens fitted to the grid, close enough to name its compounds.
 * Run with `node --import tsx test/browser/maps.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];
const PICKER = "[data-testid=picker-map]";

/** Waits for the picker's place names and returns how many there are of each kind. */
async function labelsOn(page: Page): Promise<Record<string, number>> {
  await page.waitForFunction(
    (selector) => Number(document.querySelector<HTMLElement>(selector)?.dataset.placeLabels) > 0,
    PICKER,
    { timeout: 20_000 },
  );
  return page.locator(`${PICKER} .map-place-label`).evaluateAll((labels) => {
    const kinds: Record<string, number> = {};
    for (const label of labels) {
      // A name reads on one line, never stacked a character a line.
      const box = label.getBoundingClientRect();
      if ((label.textContent ?? "").length > 1 && box.height > box.width)
        kinds.stacked = (kinds.stacked ?? 0) + 1;
      const kind = /map-place-label--(\w+)/.exec(label.className)?.[1] ?? "?";
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    return kinds;
  });
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;

    const resident = await signedInAt(browser, base, "resident", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    await resident.context.grantPermissions(["geolocation"]);
    await resident.context.setGeolocation({ latitude: 34.2547, longitude: 108.9395 });
    await resident.page.goto(`${base}/resident/new`);
    await resident.page.locator(`${PICKER}[data-rendered="true"]`).waitFor({ timeout: 30_000 });
    const opened = await labelsOn(resident.page);
    assert(!opened.stacked, `place names read on one line: ${JSON.stringify(opened)}`);
    console.log(`resident's picker: ${JSON.stringify(opened)} place names without tiles`);
    await resident.page.getByTestId("locate-me").click();
    await resident.page
      .locator('[data-testid="located-place"][data-status="located"]')
      .waitFor({ timeout: 15_000 });
    const located = await labelsOn(resident.page);
    console.log(`after "use my location": ${JSON.stringify(located)}`);
    await screenshot(resident.page, "maps-resident-located-375.png");
    assert(resident.problems.length === 0, `resident: no console errors:\n${resident.problems.join("\n")}`);
    await resident.context.close();

    const worker = await signedInAt(browser, base, "gridworker", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    await worker.page.goto(`${base}/grid/report?kind=patrol`);
    await worker.page.locator(`${PICKER}[data-rendered="true"]`).waitFor({ timeout: 30_000 });
    // Compounds are named only from street level on (zoom 16): the map opened on the grid itself.
    await worker.page
      .locator(`${PICKER} .map-place-label--compound`)
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    const grid = await labelsOn(worker.page);
    assert(!grid.stacked, `place names read on one line: ${JSON.stringify(grid)}`);
    console.log(`grid worker's report map: ${JSON.stringify(grid)}`);
    assert(
      (grid.compound ?? 0) > 0,
      `the report map opens on the grid, naming its compounds: ${JSON.stringify(grid)}`,
    );
    await screenshot(worker.page, "maps-grid-report-375.png");
    assert(worker.problems.length === 0, `grid worker: no console errors:\n${worker.problems.join("\n")}`);
    await worker.context.close();
    console.log(`maps browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
