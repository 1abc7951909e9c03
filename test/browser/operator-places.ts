import type { Browser, Page } from "playwright-core";
import { type Api, apiAs, assert, launchBrowser, login, screenshot, watchProblems } from "./harness.js";
import { type PrivateApp, startPrivateApp } from "./loop-support/private-app.js";

/**
 * Issue 10 findings 2–3, the operator's call flow by keyboard alone, at 1440 × 900:
 * - three calls in a row, each placed by typing its address into the place field (a building of a
 *   compound chosen with Enter, a landmark with 门口 chosen with Enter, a door number on a road left
 *   unchosen and placed on Ctrl+Enter), each submitted with Ctrl+Enter while the place field has the
 *   focus; after each, Esc starts the next call on an empty form;
 * - a half-typed call abandoned with Esc leaves nothing behind in the next one;
 * - for a repeat caller with 20 earlier demands, duplicates and the routing suggestion stay beside
 *   the text (inside the first screen) and the history is collapsed;
 * then checks the three stored orders: each its own text, its own 12345 number, the grid its typed
 * address is placed in.
 * Run with `node --import tsx test/browser/operator-places.ts`.
 */

const PASSWORD = "minhu-demo";
const DESKTOP = { width: 1440, height: 900 };
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
];
const REPEAT_CALLER = "13700137000";

interface Call {
  phone: string;
  workOrderNo: string;
  content: string;
  address: string;
  /** Enter picks the first suggestion ("place by address"); false: Ctrl+Enter places the typed text. */
  choose: boolean;
  grid: string;
}

let current: Page | undefined;

const activeTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);

/** Tab until an element has the focus (the classifier's fields between vary with its suggestions). */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 25; i++) {
    if ((await activeTestId(page)) === testId) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${testId}`);
}

async function expectEmptyForm(page: Page, when: string): Promise<void> {
  await page.waitForFunction(
    () => document.activeElement?.getAttribute("data-testid") === "caller-phone-input",
  );
  for (const id of [
    "caller-phone-input",
    "caller-name-input",
    "work-order-no",
    "call-content",
    "call-place",
  ]) {
    const value = await page.getByTestId(id).inputValue();
    assert(value === "", `${when}: ${id} starts empty, got "${value}"`);
  }
  assert((await page.getByTestId("call-place-chosen").count()) === 0, `${when}: no place carried over`);
}

async function takeCall(page: Page, call: Call): Promise<string> {
  await page.keyboard.type(call.phone);
  await tabTo(page, "work-order-no");
  await page.keyboard.type(call.workOrderNo);
  await tabTo(page, "call-content");
  await page.keyboard.type(call.content);
  await tabTo(page, "call-place");
  await page.keyboard.type(call.address);
  if (call.choose) {
    await page.getByTestId("place-option-placement").waitFor({ timeout: 15_000 });
    await page.keyboard.press("Enter");
    const chosen = page.getByTestId("call-place-chosen");
    await chosen.waitFor();
    assert(
      (await chosen.getAttribute("data-region")) === call.grid,
      `${call.address} is placed in ${call.grid}`,
    );
    assert((await activeTestId(page)) === "call-place", "the focus stays in the place field");
  }
  await page.keyboard.press("Control+Enter");
  const orderNo = ((await page.getByTestId("call-order-no").textContent({ timeout: 20_000 })) ?? "").trim();
  assert(/^BL\d{12}$/.test(orderNo), `the order number is shown, got "${orderNo}"`);
  return orderNo;
}

/** Where each address is placed, and 20 earlier demands for the repeat caller. */
async function prepare(api: Api): Promise<Call[]> {
  const { items } = await api<{ items: { name: string; grid: { code: string } }[] }>(
    `/api/places/search?q=${encodeURIComponent("3号楼")}&kinds=building&limit=1`,
  );
  const building = items[0];
  assert(building, "the gazetteer has a building 3号楼");
  const gridOf = async (address: string) =>
    (
      await api<{ grid: { code: string } | null; placed: boolean }>(
        `/api/places/geocode?address=${encodeURIComponent(address)}`,
      )
    ).grid?.code ?? "";
  const calls: Call[] = [
    {
      phone: "13800138001",
      workOrderNo: "SX2612050001",
      content: "楼道里的声控灯坏了好几天，晚上上下楼看不见，老人容易摔倒",
      address: `${building.name}2单元501`,
      choose: true,
      grid: building.grid.code,
    },
    {
      phone: "13800138002",
      workOrderNo: "SX2612050002",
      content: "门口人行道上的井盖松动了，踩上去晃得厉害，怕有人掉下去",
      address: "碑林博物馆门口",
      choose: true,
      grid: await gridOf("碑林博物馆门口"),
    },
    {
      phone: REPEAT_CALLER,
      workOrderNo: "SX2612050003",
      content: "小区门口的垃圾桶满了好几天没人清运，味道很大影响居民生活",
      address: "文艺北路120号",
      choose: false,
      grid: await gridOf("文艺北路120号"),
    },
  ];
  for (const call of calls) assert(call.grid, `${call.address} can be placed`);
  for (let i = 0; i < 20; i++)
    await api("/api/demands", {
      method: "POST",
      body: {
        channel: "12345",
        channelFields: { workOrderNo: `SX26110${String(i).padStart(5, "0")}` },
        content: `第${i + 1}次来电：反映小区周边夜间施工噪音扰民，影响休息`,
        regionCode: calls[2].grid,
        caller: { phone: REPEAT_CALLER, name: "赵先生" },
      },
    });
  return calls;
}

async function operator(browser: Browser, baseUrl: string, problems: string[]): Promise<void> {
  const calls = await prepare(await apiAs(baseUrl, "operator"));
  const context = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
  const page = await context.newPage();
  current = page;
  problems.push(...watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS }));
  await login(page, baseUrl, "operator", PASSWORD);
  await page.getByRole("menuitem", { name: "来电登记" }).click();
  await page.getByTestId("operator-intake").waitFor();
  await expectEmptyForm(page, "the first call");

  // A call abandoned half-way: Esc, and the next call starts from nothing.
  await page.keyboard.type("13800138999");
  await tabTo(page, "work-order-no");
  await page.keyboard.type("SX2612059999");
  await tabTo(page, "call-content");
  await page.keyboard.type("打错了");
  await page.keyboard.press("Escape");
  await expectEmptyForm(page, "after an abandoned call");

  const orderNos: string[] = [];
  for (const [index, call] of calls.entries()) {
    if (call.phone === REPEAT_CALLER) {
      // Typed up to the content, the duplicates and routing cards are on the first screen.
      await page.keyboard.type(call.phone);
      await page.locator('[data-testid="caller-history"][data-count="20"]').waitFor({ timeout: 15_000 });
      for (const id of ["operator-duplicates-card", "operator-routing-card"]) {
        const box = await page.getByTestId(id).boundingBox();
        assert(box && box.y + 40 < DESKTOP.height, `${id} is beside the text, at y=${box?.y}`);
      }
      const shown = await page.locator('[data-testid="caller-history"] .caller-history__item').count();
      assert(shown <= 3, `a repeat caller's history is collapsed, ${shown} shown`);
      await page.getByTestId("caller-history-all").waitFor();
      await screenshot(page, "operator-places-repeat-caller-zh.png");
      await page.keyboard.press("Escape");
      await expectEmptyForm(page, "before the repeat caller's call");
    }
    orderNos.push(await takeCall(page, call));
    await screenshot(page, `operator-places-call-${index + 1}-zh.png`);
    await page.keyboard.press("Escape");
    await expectEmptyForm(page, `after call ${index + 1}`);
  }

  const api = await apiAs(baseUrl, "operator");
  for (const [index, call] of calls.entries()) {
    const { items } = await api<{
      items: {
        orderNo: string;
        content: string;
        channelFields: { workOrderNo?: string };
        region: { grid?: { code: string } };
        address: string | null;
      }[];
    }>(`/api/orders?q=${orderNos[index]}`);
    const order = items.find((item) => item.orderNo === orderNos[index]);
    assert(order, `order ${orderNos[index]} is stored`);
    assert(order.content === call.content, `call ${index + 1} stored its own text, got "${order.content}"`);
    assert(
      order.channelFields.workOrderNo === call.workOrderNo,
      `call ${index + 1} stored its 12345 number, got "${order.channelFields.workOrderNo}"`,
    );
    assert(
      order.region.grid?.code === call.grid,
      `call ${index + 1} is in grid ${call.grid}, got ${order.region.grid?.code}`,
    );
    assert(
      order.address === call.address,
      `call ${index + 1} keeps the typed address, got "${order.address}"`,
    );
    console.log(`${order.orderNo}: ${call.workOrderNo} · ${call.address} → ${call.grid}`);
  }
  await context.close();
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let app: PrivateApp | undefined;
  let browser: Browser | undefined;
  try {
    app = await startPrivateApp();
    browser = await launchBrowser();
    const problems: string[] = [];
    await operator(browser, app.baseUrl, problems);
    assert(problems.length === 0, `no console or page errors:\n${problems.join("\n")}`);
    console.log(`operator: three calls by keyboard, placed by address, in ${Date.now() - startedAt} ms`);
  } catch (error) {
    if (current) await screenshot(current, "operator-places-failure.png").catch(() => undefined);
    if (app) console.error(`--- server output ---\n${app.api.output().slice(-4000)}`);
    throw error;
  } finally {
    await browser?.close();
    await app?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
