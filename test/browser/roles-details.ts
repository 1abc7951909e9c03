import type { Browser } from "playwright-core";
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
 * Issue 10, findings 9, 10 and 13 at the viewport they were found at: the admin's category editor
 * (1440), the unit inbox and 督查督办 on a phone (375), the resident's cards and empty 待评价 (375),
 * the login page's link to 进度查询. Run with `node --import tsx test/browser/roles-details.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];

function signedIn(browser: Browser, base: string, user: string, viewport: typeof MOBILE) {
  return signedInAt(browser, base, user, viewport, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
}

/** Finding 9: 编辑 opens with the category's code and name; 小时（自然时） is not cut off. */
async function categoryEditor(browser: Browser, base: string) {
  const { context, page, problems } = await signedIn(browser, base, "admin", DESKTOP);
  await page.goto(`${base}/admin`);
  const row = page.locator('[data-category="01"]');
  await row.getByRole("button", { name: /编\s*辑/ }).click();
  const form = page.getByTestId("category-form");
  await form.waitFor();
  const code = await form.locator("#code").inputValue();
  const name = await form.locator("#name").inputValue();
  assert(code === "01" && name === "城乡建设", `the editor opens filled, got code "${code}" name "${name}"`);
  await page.keyboard.press("Escape");
  const unit = page.locator('.ant-select [title="小时（自然时）"]').first();
  await unit.waitFor();
  const cut = await unit.evaluate((element) => element.scrollWidth > element.clientWidth);
  assert(!cut, "the time-limit unit 小时（自然时） is shown whole");
  await screenshot(page, "roles-details-category-editor.png");
  await context.close();
  assert(problems.length === 0, `no console errors on /admin:\n${problems.join("\n")}`);
  console.log("finding 9: 编辑分类 opens filled, 小时（自然时） whole");
}

/** Finding 10: the unit inbox and 督查督办 fit 375 px; 签收 is on screen; titles are whole or end in "…". */
async function staffOnPhone(browser: Browser, base: string, orderNo: string) {
  for (const [user, path] of [
    ["cgj-handler", "/unit"],
    ["supervisor", "/supervision"],
    ["street-dispatcher", "/ledgers"],
  ] as const) {
    const { context, page, problems } = await signedIn(browser, base, user, MOBILE);
    await page.goto(`${base}${path}`);
    if (path === "/unit") {
      const row = page.locator(`[data-order-no="${orderNo}"]`);
      await row.waitFor({ timeout: 20_000 });
      const sign = row.getByRole("button", { name: /签\s*收/ });
      const box = await sign.boundingBox();
      assert(
        box && box.x >= 0 && box.x + box.width <= MOBILE.width,
        `签收 is on screen, got ${JSON.stringify(box)}`,
      );
      const title = row.locator("[data-testid=order-row-compact] span[title]").first();
      const full = await title.getAttribute("title");
      assert(full && full.length > 10, "the row carries the order's full title");
    } else {
      await page.waitForTimeout(1500);
    }
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    assert(scrollWidth <= clientWidth, `${path} fits 375 px, scrollWidth ${scrollWidth}`);
    await screenshot(page, `roles-details-${path.slice(1)}-375.png`);
    await context.close();
    assert(problems.length === 0, `no console errors on ${path}:\n${problems.join("\n")}`);
  }
  console.log("finding 10: unit inbox, 督查督办 and 台账 fit 375 px with 签收 on screen");
}

/** Finding 13: empty 待评价 says nothing to rate; a card opens from its corner and by keyboard. */
async function residentCards(browser: Browser, base: string) {
  const { context, page, problems } = await signedIn(browser, base, "resident", MOBILE);
  await page.goto(`${base}/resident/orders`);
  const card = page.getByTestId("order-card").first();
  await card.waitFor({ timeout: 20_000 });
  const titleText = card.locator(".order-card__title-text");
  const overflow = await titleText.evaluate((element) => getComputedStyle(element).textOverflow);
  assert(overflow === "ellipsis", `titles end with an ellipsis, got text-overflow ${overflow}`);
  assert((await card.locator("button[title]").count()) === 1, "the title button carries the full title");
  const box = await card.boundingBox();
  assert(box, "the card is drawn");
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 8);
  await page.waitForURL(/\/resident\/orders\/[^/]+$/);
  await page.goBack();
  await page.getByTestId("order-card").first().locator("button.order-card__open").focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/resident\/orders\/[^/]+$/);
  await page.goBack();
  await page.getByText("待评价").click();
  const empty = page.getByTestId("my-demands-empty");
  await empty.waitFor({ timeout: 15_000 });
  const text = (await empty.textContent()) ?? "";
  assert(
    text.includes("待评价") && !text.includes("还没有提交过"),
    `empty 待评价 says nothing to rate: "${text}"`,
  );
  await screenshot(page, "roles-details-resident-rate-empty.png");
  await context.close();
  assert(problems.length === 0, `no console errors for the resident:\n${problems.join("\n")}`);

  const visitor = await browser.newContext({ viewport: MOBILE, locale: "zh-CN" });
  const login = await visitor.newPage();
  await login.goto(`${base}/login`);
  await login.getByTestId("login-track").click();
  await login.getByTestId("track-page").waitFor();
  await visitor.close();
  console.log(
    "finding 13: cards open anywhere and by keyboard, titles end in …, empty 待评价, login → 进度查询",
  );
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    const operator = await apiAs(base, "operator");
    const dispatcher = await apiAs(base, "street-dispatcher");
    const resident = await apiAs(base, "resident");
    const order = await operator<{ id: string; orderNo: string }>("/api/demands", {
      method: "POST",
      body: {
        channel: "12345",
        channelFields: { workOrderNo: "RD-1" },
        content:
          "南院门小区东门外人行道上长期堆放建筑垃圾和废旧家具，占用盲道，老人孩子只能走机动车道，请尽快清理",
        regionCode: "610103001",
        caller: { name: "周先生", phone: "13700005555" },
      },
    });
    const units = await dispatcher<{ items: Array<{ id: number; code: string }> }>("/api/units");
    const cgj = units.items.find((unit) => unit.code === "cgj");
    assert(cgj, "城管局 exists");
    for (const [action, input] of [
      ["accept", {}],
      ["dispatch", { mainUnitId: cgj.id, note: "请尽快清运" }],
    ] as const) {
      const current = await dispatcher<{ version: number }>(`/api/orders/${order.id}`);
      await dispatcher(`/api/orders/${order.id}/actions/${action}`, {
        method: "POST",
        body: { version: current.version, ...input },
      });
    }
    // Residents do not read the grid layer; the dispatcher picks a grid of the street for them.
    const grids = await dispatcher<{
      features: Array<{ geometry: { type: string; coordinates: number[][][] | number[][][][] } }>;
    }>("/api/grids?within=610103001");
    const geometry = grids?.features[0]?.geometry;
    const ring = (
      geometry?.type === "MultiPolygon" ? geometry.coordinates[0][0] : geometry?.coordinates[0]
    ) as number[][] | undefined;
    assert(ring, "a grid of 南院门街道 to place the resident's demand in");
    const lng = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
    const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
    await resident("/api/demands", {
      method: "POST",
      body: {
        channel: "online",
        content: "小区楼下的餐馆油烟直排进居民楼，夏天开不了窗，晚上十点后还有噪音，影响老人孩子休息",
        type: "complaint",
        location: { lng, lat },
        caller: { name: "李女士", phone: "13800001234" },
      },
    });
    browser = await launchBrowser();
    await categoryEditor(browser, base);
    await staffOnPhone(browser, base, order.orderNo);
    await residentCards(browser, base);
    console.log(`roles details browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
