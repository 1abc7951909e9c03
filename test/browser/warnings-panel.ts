import type { Page } from "playwright-core";
import {
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
 * Issue 10, finding 5: the 研判预警 panel of the command centre with more warnings than one page, at
 * 1440×900 and 375×812. Each warning reads as a row (its text at least 240 px wide, its title in at
 * most three lines: the decision buttons sit below it, not beside it); a pager shows the rest (page 2
 * holds other warnings); the panel stays within one screen and the 1440 page within three; the map's
 * tooltip is a readable box, not one character wide. The supervisor's 研判预警 list is the same panel.
 * Run with `node --import tsx test/browser/warnings-panel.ts`.
 */

const STREET = "610103001";
/** Callers who ring three times each: one repeat-caller warning apiece, more than a page of them. */
const CALLERS = 14;
const MIN_TEXT_WIDTH = 240;
const MAX_TITLE_LINES = 3;
const MIN_TOOLTIP_WIDTH = 120;
const MAX_SCREENS = 3;
const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];
/** The panel on the command centre, and the same panel as the list of the 工作台's warnings tile. */
const PANEL = "[data-testid=warnings-panel], [data-testid=work-list]";

interface WarningPage {
  total: number;
}

async function seedWarnings(base: string): Promise<number> {
  const operator = await apiAs(base, "operator");
  for (let caller = 0; caller < CALLERS; caller += 1) {
    for (const n of [1, 2, 3]) {
      await operator("/api/demands", {
        method: "POST",
        body: {
          channel: "12345",
          channelFields: { workOrderNo: `WP-${caller}-${n}` },
          content: `第${n}次来电：南院门${caller + 1}号院门口的垃圾桶满了没人清运，气味很大，请尽快处理。`,
          regionCode: STREET,
          caller: { name: "钱女士", phone: `1371000${String(1000 + caller)}` },
        },
      });
    }
  }
  const dispatcher = await apiAs(base, "street-dispatcher");
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { total } = await dispatcher<WarningPage>("/api/warnings?state=undecided&pageSize=1");
    if (total >= CALLERS) return total;
    assert(Date.now() < deadline, `${CALLERS} warnings within a minute, got ${total}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

interface RowShape {
  id: string;
  textWidth: number;
  titleLines: number;
}

/** Every warning row of the panel: how wide its text is and in how many lines its title wraps. */
function rowShapes(page: Page): Promise<RowShape[]> {
  return page.locator(PANEL).evaluate((panel) =>
    [...panel.querySelectorAll<HTMLElement>("[data-warning-id]")].map((row) => {
      const text = row.querySelector<HTMLElement>("[data-testid=warning-text]") ?? row;
      const title = row.querySelector<HTMLElement>("[data-testid=warning-title]") ?? row;
      const lineHeight = Number.parseFloat(getComputedStyle(title).lineHeight) || 22;
      return {
        id: row.dataset.warningId ?? "",
        textWidth: Math.round(text.getBoundingClientRect().width),
        titleLines: Math.round(title.getBoundingClientRect().height / lineHeight),
      };
    }),
  );
}

async function checkRows(page: Page, where: string): Promise<RowShape[]> {
  const panel = page.locator(PANEL);
  await panel.locator("[data-warning-id]").first().waitFor({ timeout: 20_000 });
  const rows = await rowShapes(page);
  const narrowest = Math.min(...rows.map((row) => row.textWidth));
  const mostLines = Math.max(...rows.map((row) => row.titleLines));
  console.log(`${where}: ${rows.length} rows, text ≥ ${narrowest} px wide, titles ≤ ${mostLines} lines`);
  assert(
    narrowest >= MIN_TEXT_WIDTH,
    `${where}: every warning's text ≥ ${MIN_TEXT_WIDTH} px, got ${narrowest}`,
  );
  assert(mostLines <= MAX_TITLE_LINES, `${where}: titles in ≤ ${MAX_TITLE_LINES} lines, got ${mostLines}`);
  return rows;
}

/** The pager shows the warnings that do not fit on the first page. */
async function checkPager(page: Page, where: string, first: RowShape[], total: number): Promise<void> {
  const panel = page.locator(PANEL);
  assert(first.length < total, `${where}: one page shows fewer than all ${total} warnings (${first.length})`);
  const pager = panel.getByTestId("warnings-pager");
  await pager.waitFor();
  await pager.locator(".ant-pagination-next").click();
  await page.waitForFunction(
    ({ ids, selector }) => {
      const shown = [...document.querySelectorAll<HTMLElement>(`${selector} [data-warning-id]`)];
      return shown.length > 0 && shown.every((row) => !ids.includes(row.dataset.warningId ?? ""));
    },
    { ids: first.map((row) => row.id), selector: PANEL },
    { timeout: 15_000 },
  );
  const second = await rowShapes(page);
  console.log(`${where}: page 2 of the pager shows ${second.length} other warnings (of ${total})`);
}

async function checkHeights(page: Page, where: string, screen: { height: number }): Promise<void> {
  const { panel, pageHeight } = await page.evaluate(
    (selector) => ({
      panel: (document.querySelector(selector) as HTMLElement).offsetHeight,
      pageHeight: (document.scrollingElement as HTMLElement).scrollHeight,
    }),
    PANEL,
  );
  console.log(`${where}: warnings panel ${panel} px tall, page ${pageHeight} px`);
  assert(panel <= screen.height, `${where}: the panel fits one screen (${panel} > ${screen.height} px)`);
  if (screen.height === DESKTOP.height)
    assert(
      pageHeight <= MAX_SCREENS * screen.height,
      `${where}: page within 3 screens, got ${pageHeight} px`,
    );
}

/** Moves over the command map (grids are drawn on a canvas) until a grid's tooltip shows, then measures it. */
async function checkTooltip(page: Page, where: string): Promise<void> {
  const map = page.getByTestId("command-map");
  await page.waitForFunction(
    () => Number(document.querySelector<HTMLElement>("[data-testid=command-map]")?.dataset.gridCount) > 0,
  );
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  assert(box, `${where}: the map is on the page`);
  const tooltip = page.locator(".leaflet-tooltip");
  for (let step = 0; step < 25 && !(await tooltip.isVisible()); step += 1) {
    const x = box.x + box.width * (0.1 + 0.2 * (step % 5));
    const y = box.y + box.height * (0.1 + 0.2 * Math.floor(step / 5));
    await page.mouse.move(x, y);
    await page.waitForTimeout(100);
  }
  await tooltip.waitFor({ timeout: 5_000 });
  const { width, lines } = await tooltip.evaluate((element) => {
    const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight) || 18;
    const text = element.firstElementChild as HTMLElement;
    return {
      width: Math.round(element.getBoundingClientRect().width),
      lines: Math.round(text.getBoundingClientRect().height / lineHeight),
    };
  });
  console.log(`${where}: map tooltip ${width} px wide, ${lines} lines`);
  assert(width >= MIN_TOOLTIP_WIDTH, `${where}: tooltip ≥ ${MIN_TOOLTIP_WIDTH} px wide, got ${width}`);
  assert(lines <= 4, `${where}: tooltip in ≤ 4 lines (name, community, counts), got ${lines}`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    server = await startServer({ MINHU_WARNINGS_EVERY_MINUTES: "0.05" });
    const base = server.baseUrl;
    const total = await seedWarnings(base);
    console.log(`${total} undecided warnings in 南院门街道`);

    for (const [size, viewport] of [
      ["1440", DESKTOP],
      ["375", MOBILE],
    ] as const) {
      const where = `street-dispatcher ${size}`;
      const { context, page, problems } = await signedInAt(browser, base, "street-dispatcher", viewport, {
        expectedHttpErrors: EXPECTED_HTTP_ERRORS,
      });
      await page.goto(`${base}/command`);
      await page.getByTestId("command-page").waitFor();
      const first = await checkRows(page, where);
      await checkHeights(page, where, viewport);
      await page.getByTestId("warnings-panel").scrollIntoViewIfNeeded();
      await screenshot(page, `warnings-panel-${size}.png`);
      await checkPager(page, where, first, total);
      await checkRows(page, `${where} page 2`);
      await checkTooltip(page, where);
      assert(problems.length === 0, `${where}: no console errors, got:\n${problems.join("\n")}`);
      await context.close();
    }

    // The supervisor's 工作台 tile opens the same panel, decisions included.
    const { context, page, problems } = await signedInAt(browser, base, "supervisor", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    await page.goto(`${base}/work/warnings`);
    const first = await checkRows(page, "supervisor 375");
    await checkHeights(page, "supervisor 375", MOBILE);
    await checkPager(page, "supervisor 375", first, total);
    const scroll = await page.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert(scroll <= 0, `supervisor 375: the page does not scroll sideways (${scroll} px)`);
    assert(problems.length === 0, `supervisor: no console errors, got:\n${problems.join("\n")}`);
    await context.close();
    console.log(`warnings panel browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
