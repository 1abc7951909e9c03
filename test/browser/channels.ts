import type { Browser, Page } from "playwright-core";
import {
  type Api,
  apiAs,
  assert,
  buildWebApp,
  DESKTOP,
  launchBrowser,
  type RunningServer,
  screenshot,
  signedInAt,
  startServer,
} from "./harness.js";

/**
 * Issue 12 part 6, every channel has a form: a street's staff member registers demands through the
 * 代表提 and 窗口接 forms (a submission the form refuses and one the server refuses create nothing);
 * the street's dispatcher sees them with their channel in the ledger, refiles one into 疑难问题 through
 * the modal, and writes and rewrites a 制度清单 entry linked to it.
 * Run with `node --import tsx test/browser/channels.ts`.
 */

const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
  // The server's refusal the scenario provokes on purpose.
  { status: 403, url: /\/api\/demands$/ },
];

interface Grid {
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
}

interface OrderRow {
  id: string;
  orderNo: string;
  channel: string;
  channelFields: Record<string, unknown>;
  ledger?: string;
}

async function orderTotal(admin: Api): Promise<number> {
  return (await admin<{ total: number }>("/api/orders?pageSize=1")).total;
}

/** Chooses a grid by name in the place field, from the option of its street. */
async function choosePlace(page: Page, grid: Grid) {
  const field = page.getByTestId("channel-place");
  await field.fill(grid.name);
  const option = page
    .locator('[data-testid="place-option"]')
    .filter({ hasText: grid.name })
    .filter({ hasText: grid.streetName })
    .first();
  await option.click({ timeout: 15_000 });
}

/** The staff member's two channels; returns the 代表提 and 窗口接 orders. */
async function fileThroughChannels(
  browser: Browser,
  base: string,
  admin: Api,
  inside: Grid,
  outside: Grid,
): Promise<{ deputy: OrderRow; window: OrderRow }> {
  const { context, page, problems } = await signedInAt(browser, base, "street-staff", DESKTOP, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
  });
  // The menu offers the channels a staff member takes, grouped.
  await page.getByRole("menuitem", { name: "渠道受理" }).click();
  await page.getByRole("menuitem", { name: "代表提" }).click();
  await page.waitForURL(/\/channels\/deputy$/);
  await page.locator('[data-testid="channel-intake"][data-channel="deputy"]').waitFor();
  const before = await orderTotal(admin);

  // 1. The form refuses a submission without the deputy's name, by the rules of the server's schema.
  const content = "代表反映：和平门外人行道地砖破损多处，雨天积水，行人容易滑倒，请尽快修复";
  await page.getByTestId("channel-content").fill(content);
  await page.getByTestId("channel-submit").click();
  await page.getByText("请填写代表姓名").waitFor({ timeout: 10_000 });
  await page.getByText("请选择代表类别").waitFor();

  // 2. The server refuses a place outside the street: its code and message in the reader's language.
  await page.getByTestId("channel-field-deputyName").fill("王建华");
  await page.getByTestId("channel-field-deputyKind").click();
  await page.locator(".ant-select-item-option", { hasText: "人大代表" }).click();
  await page.getByTestId("channel-field-deputyCardNo").fill("SX-NPC-0107");
  await choosePlace(page, outside);
  await page.getByTestId("channel-submit").click();
  const error = page.getByTestId("channel-error");
  await error.waitFor({ timeout: 15_000 });
  assert(
    (await error.getAttribute("data-code")) === "OUTSIDE_SCOPE",
    `the server's OUTSIDE_SCOPE is shown, got ${await error.getAttribute("data-code")}`,
  );
  await error.getByText("超出您的辖区或单位范围").waitFor();
  await screenshot(page, "channels-deputy-refused-zh.png");
  // The same refusal read in English: the server answers in the reader's language.
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitem", { name: "English" }).click();
  await page.getByText("Deputies · register a demand").waitFor();
  await page.getByTestId("channel-submit").click();
  await error.getByText("Outside your jurisdiction or unit").waitFor({ timeout: 15_000 });
  await screenshot(page, "channels-deputy-refused-en.png");
  await page.getByTestId("language-switch").click();
  await page.getByRole("menuitem", { name: "中文" }).click();
  await page.getByText("代表提 · 诉求登记").waitFor();
  const afterRefusals = await orderTotal(admin);
  assert(afterRefusals === before, `refused submissions create nothing: ${before} → ${afterRefusals}`);

  // 3. Inside the street it is registered: the receipt with the order number and tracking code.
  await choosePlace(page, inside);
  await page.getByTestId("channel-submit").click();
  const deputyNo = (
    (await page.getByTestId("channel-order-no").textContent({ timeout: 20_000 })) ?? ""
  ).trim();
  assert(/^BL\d{12}$/.test(deputyNo), `the receipt shows the order number, got "${deputyNo}"`);
  const tracking = ((await page.getByTestId("channel-tracking-code").textContent()) ?? "").trim();
  assert(tracking.length >= 4, `the receipt shows the tracking code, got "${tracking}"`);
  await screenshot(page, "channels-deputy-receipt-zh.png");
  // The receipt links to the order: its drawer shows the channel.
  await page.getByTestId("channel-open-order").click();
  await page.locator(".ant-drawer").getByText("代表提").first().waitFor({ timeout: 10_000 });
  await page.locator(".ant-drawer-close").click();

  // 4. 窗口接, whose one field is the window.
  await page.goto(`${base}/channels/window`);
  await page.locator('[data-testid="channel-intake"][data-channel="window"]').waitFor();
  await page.getByTestId("channel-field-windowName").fill("街道便民服务中心 3 号窗口");
  await page
    .getByTestId("channel-content")
    .fill("窗口来访：小区北门外共享单车乱停乱放，堵住了消防通道，请协调清理");
  await choosePlace(page, inside);
  await page.getByTestId("channel-submit").click();
  const windowNo = (
    (await page.getByTestId("channel-order-no").textContent({ timeout: 20_000 })) ?? ""
  ).trim();
  assert(/^BL\d{12}$/.test(windowNo) && windowNo !== deputyNo, `a second order, got "${windowNo}"`);
  const after = await orderTotal(admin);
  assert(after === before + 2, `two orders were created: ${before} → ${after}`);
  await context.close();
  assert(problems.length === 0, `no console errors on the channel forms, got:\n${problems.join("\n")}`);

  const find = async (orderNo: string) =>
    (await admin<{ items: OrderRow[] }>(`/api/orders?q=${orderNo}&pageSize=5`)).items.find(
      (item) => item.orderNo === orderNo,
    );
  const deputy = await find(deputyNo);
  const window = await find(windowNo);
  assert(deputy && window, "both orders are found");
  const detail = await admin<OrderRow>(`/api/orders/${deputy.id}`);
  assert(detail.channel === "deputy", `the order's channel is deputy, got ${detail.channel}`);
  assert(
    detail.channelFields?.deputyName === "王建华" && detail.channelFields?.deputyCardNo === "SX-NPC-0107",
    `the deputy's fields are stored, got ${JSON.stringify(detail.channelFields)}`,
  );
  console.log(`filed ${deputyNo} (代表提, after a form and a server refusal) and ${windowNo} (窗口接)`);
  return { deputy, window };
}

/** The dispatcher's ledger: channels shown, a refile to 疑难问题, a 制度清单 entry written and rewritten. */
async function ledgerWork(browser: Browser, base: string, deputy: OrderRow, window: OrderRow) {
  const { context, page, problems } = await signedInAt(browser, base, "street-dispatcher", DESKTOP, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
  });
  await page.goto(`${base}/ledgers`);
  const table = page.getByTestId("ledger-table");
  const row = (orderNo: string) => table.locator("tr", { hasText: orderNo }).first();
  await row(deputy.orderNo).waitFor({ timeout: 15_000 });
  for (const [order, channel] of [
    [deputy, "deputy"],
    [window, "window"],
  ] as const) {
    const shown = await row(order.orderNo).getByTestId("ledger-channel").getAttribute("data-channel");
    assert(shown === channel, `${order.orderNo} shows channel ${channel} in 一般问题台账, got ${shown}`);
  }

  // Refile: the modal refuses an empty reason, then files the order in 疑难问题.
  await row(deputy.orderNo).getByTestId("refile-open").click();
  const modal = page.locator(".ant-modal").filter({ has: page.getByTestId("refile-form") });
  await modal.waitFor();
  await modal.getByTestId("refile-ledger").click();
  await page.locator(".ant-select-item-option", { hasText: "疑难问题台账" }).click();
  await page.getByTestId("refile-ok").click();
  await modal.getByText("请写明调整理由").waitFor();
  await modal.getByTestId("refile-reason").fill("涉及多个部门，需区级协调，转入疑难问题台账跟踪");
  await page.getByTestId("refile-ok").click();
  await modal.waitFor({ state: "hidden", timeout: 10_000 });
  await row(deputy.orderNo).waitFor({ state: "detached", timeout: 10_000 });
  await page.getByText("疑难问题台账", { exact: true }).click();
  await page.locator('[data-testid="ledgers-page"][data-book="difficult"]').waitFor();
  await row(deputy.orderNo).waitFor({ timeout: 10_000 });
  assert((await row(window.orderNo).count()) === 0, `${window.orderNo} stays in 一般问题台账`);
  await screenshot(page, "channels-refiled-difficult-zh.png");

  // 制度清单: a new entry linked to the refiled demand, then rewritten.
  await page.getByText("制度清单", { exact: true }).click();
  await page.locator('[data-testid="ledgers-page"][data-book="rules"]').waitFor();
  await page.getByTestId("rule-new").click();
  const ruleModal = page.locator(".ant-modal").filter({ has: page.getByTestId("rule-form") });
  await ruleModal.waitFor();
  await page.getByTestId("rule-save").click();
  await ruleModal.getByText("请填写制度名称").first().waitFor();
  await ruleModal.getByTestId("rule-title").fill("人行道破损联合巡查制度");
  await ruleModal.getByTestId("rule-content").fill("街道每月组织城管、住建联合巡查人行道，破损一周内修复。");
  await ruleModal.getByTestId("rule-orders").locator("input").fill(deputy.orderNo);
  await page.locator(".ant-select-item-option", { hasText: deputy.orderNo }).click({ timeout: 10_000 });
  await page.keyboard.press("Escape");
  await page.getByTestId("rule-save").click();
  await ruleModal.waitFor({ state: "hidden", timeout: 10_000 });
  const ruleRow = table.locator("tr", { hasText: "人行道破损联合巡查制度" }).first();
  await ruleRow.waitFor({ timeout: 10_000 });
  const linked = ((await ruleRow.locator("td").nth(3).textContent()) ?? "").trim();
  assert(linked === "1", `the rule answers one demand, got "${linked}"`);

  await ruleRow.getByTestId("rule-edit").click();
  await ruleModal.waitFor();
  const title = ruleModal.getByTestId("rule-title");
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="rule-title"]') as HTMLInputElement | null)?.value !== "",
  );
  await title.fill("人行道破损联合巡查与限时修复制度");
  await page.getByTestId("rule-save").click();
  await ruleModal.waitFor({ state: "hidden", timeout: 10_000 });
  await table
    .locator("tr", { hasText: "人行道破损联合巡查与限时修复制度" })
    .first()
    .waitFor({ timeout: 10_000 });
  await screenshot(page, "channels-rule-written-zh.png");
  await context.close();
  assert(problems.length === 0, `no console errors on the ledgers, got:\n${problems.join("\n")}`);
  console.log(`refiled ${deputy.orderNo} into 疑难问题; 制度清单 entry written, linked and rewritten`);
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
    const staff = await apiAs(base, "street-staff");
    const me = await staff<{ regionCode: string }>("/api/me");
    const grids = (await admin<{ features: { properties: Grid }[] }>("/api/grids")).features.map(
      (feature) => feature.properties,
    );
    const inside = grids.find((grid) => grid.streetCode === me.regionCode);
    const outside = grids.find((grid) => grid.streetCode !== me.regionCode);
    assert(inside && outside, `grids inside and outside the staff's street ${me.regionCode}`);
    browser = await launchBrowser();
    const started = Date.now();
    const orders = await fileThroughChannels(browser, base, admin, inside, outside);
    console.log(`  channels: ${Date.now() - started} ms`);
    const ledgerStarted = Date.now();
    await ledgerWork(browser, base, orders.deputy, orders.window);
    console.log(`  ledgers: ${Date.now() - ledgerStarted} ms`);
    console.log(`channels browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
