import type { Browser, Page } from "playwright-core";
import { type Api, apiAs, assert, launchBrowser, login, screenshot, watchProblems } from "./harness.js";
import { type PrivateApp, startPrivateApp } from "./loop-support/private-app.js";

/**
 * Notifications with no gateway (issue 13 §4–5), end to end in the browser: a resident signs up on
 * the login page's phone tab with the one-time code the log provider kept (read through the admin's
 * log API; a second request inside the minute is refused as RATE_LIMITED on the page), submits a
 * demand; the unit handler's page is open when the street dispatcher dispatches it to their unit,
 * and the bell's count rises without a reload; the notice links to the order, where the handler
 * signs and replies (the notice reads in English after a language switch); after the dispatcher verifies, the rating link SMS arrives in the log (also
 * shown on the admin's log tab) and opening it lets the resident rate. Settings reject a bad e-mail.
 * Run with `node --import tsx test/browser/notifications.ts`.
 */

const DESKTOP = { width: 1440, height: 900 };
const MOBILE = { width: 375, height: 812 };
/** Inside 大车家巷社区第1网格, 南院门街道: a street-level matter there goes to street-dispatcher. */
const PLACE = { lng: 108.91027, lat: 34.24851 };
/** 生活垃圾清运: the dispatch catalogue sends it to the street, unit cgj (城管局). */
const CATEGORY = "030401";
const UNIT = "cgj";
/** A fresh number each run is not needed: every run starts its own server and database. */
const PHONE = "13912345678";
const MASKED = "139****5678";
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 429, url: /\/api\/auth\/phone\/code$/ },
];

interface LogItem {
  channel: string;
  recipient: string;
  event: string;
  body: string;
}

/** Polls the log provider (the outbox delivers every second here) for a message to the phone. */
async function loggedMessage(admin: Api, event: string, phone: string): Promise<LogItem> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { items } = await admin<{ items: LogItem[] }>(
      `/api/notifications/log?event=${event}&phone=${phone}`,
    );
    if (items[0]) return items[0];
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no ${event} message to ${phone} in the log within 15 s`);
}

async function desktopPage(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  const found = watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
  page.on("close", () => problems.push(...found));
  (page as Page & { problems?: string[] }).problems = found;
  return page;
}

/** Sign-up on the phone tab: code sent (masked, countdown), a second send refused, the code from the log. */
async function phoneSignUp(page: Page, base: string, admin: Api): Promise<void> {
  await page.goto(`${base}/login?via=phone`);
  await page.getByTestId("phone-sign-in").waitFor();
  await page.getByTestId("phone-number").fill(PHONE);
  await page.getByTestId("send-code").click();
  const sent = page.getByTestId("phone-code-sent");
  await sent.waitFor();
  assert(
    ((await sent.textContent()) ?? "").includes(MASKED),
    `the masked destination is shown: ${(await sent.textContent()) ?? ""}`,
  );
  const wait = Number(await page.getByTestId("send-code").getAttribute("data-wait"));
  assert(
    wait > 50 && (await page.getByTestId("send-code").isDisabled()),
    `resend waits a minute (${wait} s)`,
  );
  assert(
    ((await page.getByTestId("send-code").textContent()) ?? "").includes("秒后可重发"),
    "the countdown is shown",
  );
  await screenshot(page, "notifications-phone-code-zh.png");

  // A reload forgets the countdown; the server still refuses a second code inside the minute.
  await page.reload();
  await page.getByTestId("phone-number").fill(PHONE);
  await page.getByTestId("send-code").click();
  const refused = page.getByTestId("login-error");
  await refused.waitFor();
  assert(
    ((await refused.textContent()) ?? "").includes("请求过于频繁"),
    `RATE_LIMITED shown: ${(await refused.textContent()) ?? ""}`,
  );
  // The refusal's Retry-After, not a guess, is what the button then counts down.
  const serverWait = Number(await page.getByTestId("send-code").getAttribute("data-wait"));
  assert(
    serverWait > 0 && serverWait <= 60 && (await page.getByTestId("send-code").isDisabled()),
    `after the refusal the button waits what the server said (${serverWait} s)`,
  );

  const message = await loggedMessage(admin, "login_code", PHONE);
  assert(message.channel === "sms" && message.recipient === MASKED, `the code went by SMS to ${MASKED}`);
  const code = /验证码是 (\d{6})/.exec(message.body)?.[1];
  assert(code, `a six-digit code in the logged SMS: ${message.body}`);
  await page.getByTestId("phone-code").fill(code);
  await page.getByTestId("phone-display-name").fill("手机居民");
  await page.getByTestId("phone-submit").click();
  await page.waitForURL(/\/resident$/);
  await page.getByTestId("resident-home").waitFor();
}

async function orderByNo(api: Api, orderNo: string) {
  const { items } = await api<{
    items: Array<{ id: string; orderNo: string; version: number; actions: string[]; state: string }>;
  }>(`/api/orders?q=${orderNo}`);
  const order = items.find((item) => item.orderNo === orderNo);
  assert(order, `${orderNo} is visible`);
  return order;
}

async function act(api: Api, orderNo: string, action: string, input: Record<string, unknown> = {}) {
  const order = await orderByNo(api, orderNo);
  assert(order.actions.includes(action), `${action} offered on ${orderNo} (${order.actions.join(", ")})`);
  await api(`/api/orders/${order.id}/actions/${action}`, {
    method: "POST",
    body: { version: order.version, ...input },
  });
}

/** Clicks an action in the order drawer, fills its dialog, and waits for the order's new state. */
async function actInDrawer(page: Page, action: string, state: string, fill?: () => Promise<void>) {
  const drawer = page.getByTestId("order-drawer");
  await drawer.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId(`action-dialog-${action}`);
  await dialog.waitFor();
  if (fill) await fill();
  await page.getByTestId("action-submit").click();
  await dialog.waitFor({ state: "detached", timeout: 15_000 });
  await drawer.locator(`[data-testid="order-detail"][data-state="${state}"]`).waitFor({ timeout: 15_000 });
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  // The outbox's delivery round every second instead of five: the log fills while the test waits.
  process.env.MINHU_OUTBOX_EVERY_SECONDS = "1";
  let server: PrivateApp | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const problems: string[] = [];
  try {
    server = await startPrivateApp();
    const base = server.baseUrl;
    const ready = Date.now();
    console.log(`server ready after ${ready - startedAt} ms`);
    browser = await launchBrowser();
    const admin = await apiAs(base, "admin");
    const dispatcher = await apiAs(base, "street-dispatcher");

    // 1. The resident signs up with the code from the log provider and submits a demand.
    const residentContext = await browser.newContext({
      viewport: MOBILE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    const resident = await residentContext.newPage();
    pages.push(resident);
    const residentProblems = watchProblems(resident, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
    await phoneSignUp(resident, base, admin);
    const submitted = await resident.request.post(`${base}/api/demands`, {
      data: {
        channel: "online",
        content: "小区门口的生活垃圾堆了好几天没人清运，臭味很大，请尽快处理",
        categoryCode: CATEGORY,
        type: "complaint",
        location: PLACE,
      },
    });
    assert(submitted.ok(), `the resident submits: ${submitted.status()} ${await submitted.text()}`);
    const { orderNo } = (await submitted.json()) as { orderNo: string };
    console.log(`resident signed up by phone code and submitted ${orderNo} (${Date.now() - ready} ms)`);

    // 2. The unit handler's page is open; the dispatch to their unit raises the bell's count live.
    const handler = await desktopPage(browser, problems);
    pages.push(handler);
    await login(handler, base, `${UNIT}-handler`, "minhu-demo");
    await handler.goto(`${base}/unit`);
    const bell = handler.getByTestId("notification-bell");
    await bell.waitFor();
    await handler.waitForTimeout(500);
    const before = Number(await bell.getAttribute("data-unread"));
    await handler.evaluate(() => {
      (window as unknown as { __notReloaded?: boolean }).__notReloaded = true;
    });
    await act(dispatcher, orderNo, "accept");
    const { items: units } = await dispatcher<{ items: Array<{ id: number; code: string }> }>("/api/units");
    const unit = units.find((u) => u.code === UNIT);
    assert(unit, `the dispatcher sees unit ${UNIT}`);
    await act(dispatcher, orderNo, "dispatch", { mainUnitId: unit.id, note: "请尽快清运" });
    await handler
      .locator(`[data-testid="notification-bell"]:not([data-unread="${before}"])`)
      .waitFor({ timeout: 15_000 });
    const after = Number(await bell.getAttribute("data-unread"));
    assert(after === before + 1, `the bell rose by one (${before} → ${after})`);
    assert(
      await handler.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true),
      "the page was not reloaded",
    );
    console.log(`bell rose ${before} → ${after} without a reload (${Date.now() - ready} ms)`);

    await bell.click();
    const item = handler.locator('[data-testid="notification-item"][data-event="order_dispatched"]').first();
    await item.waitFor();
    const text = (await item.textContent()) ?? "";
    assert(text.includes(orderNo) && text.includes("新派单"), `the notice is rendered in Chinese: ${text}`);
    assert(!text.includes("{") && !text.includes("order_dispatched"), `no raw codes: ${text}`);
    await screenshot(handler, "notifications-bell-zh.png");
    // The notice opens its order in the unit inbox's drawer and is marked read.
    await item.locator(".bell__open").click();
    await handler.waitForURL(/\/unit\?order=\d+/);
    await handler.getByTestId("order-drawer").getByTestId("order-detail").waitFor();
    await handler.locator(`[data-testid="notification-bell"][data-unread="${after - 1}"]`).waitFor();
    await actInDrawer(handler, "sign", "handling");
    await actInDrawer(handler, "reply", "replied", async () => {
      await handler
        .getByTestId("action-reply-text")
        .fill("已安排环卫车辆当天清运完毕，并增加该点位的清运频次。");
    });
    console.log(`handler opened ${orderNo} from the bell, signed and replied (${Date.now() - ready} ms)`);

    // 3. The dispatcher verifies: the rating link goes by SMS to the resident, kept by the log provider.
    await act(dispatcher, orderNo, "verify");
    const rating = await loggedMessage(admin, "rating_link", PHONE);
    assert(rating.body.includes(orderNo), `the rating SMS names the order: ${rating.body}`);
    const path = /\/rate\/[A-Za-z0-9._~-]+/.exec(rating.body)?.[0];
    assert(path, `a rating link in the SMS: ${rating.body}`);

    // The admin's log tab shows the same message, recipient masked.
    const adminPage = await desktopPage(browser, problems);
    pages.push(adminPage);
    await login(adminPage, base, "admin", "minhu-demo");
    await adminPage.goto(`${base}/integrations?tab=notifications`);
    const row = adminPage.locator('[data-testid="notification-log"] tr[data-event="rating_link"]').first();
    await row.waitFor();
    const rowText = (await row.textContent()) ?? "";
    assert(rowText.includes(MASKED) && rowText.includes(orderNo), `the log tab shows it: ${rowText}`);
    assert(!rowText.includes(PHONE), "the recipient is masked on the log tab");
    await screenshot(adminPage, "notifications-log-zh.png");

    // 4. The resident opens the link and rates: the order closes.
    await resident.goto(`${base}${path}`);
    await resident.getByTestId("rate-reply").waitFor();
    await resident.getByTestId("visit-solved").getByText("已解决", { exact: true }).click();
    await resident.getByTestId("visit-satisfied").getByText("满意", { exact: true }).click();
    await resident.getByTestId("submit-rating").click();
    const result = resident.getByTestId("rate-result");
    await result.waitFor();
    assert(
      (await result.getAttribute("data-state")) === "closed",
      "the rating through the SMS link closes the order",
    );
    console.log(`resident rated ${orderNo} through the logged link (${Date.now() - ready} ms)`);

    // 5. Settings: a bad e-mail is refused in the form; a good one is saved.
    await handler.goto(`${base}/notifications/settings`);
    await handler.getByTestId("notification-settings").waitFor();
    await handler.getByTestId("settings-channels").getByText("电子邮件", { exact: true }).click();
    await handler.getByTestId("settings-save").click();
    await handler.getByText("选择电子邮件渠道时请填写邮箱").waitFor();
    await handler.getByTestId("settings-email").fill("not-an-address");
    await handler.getByText("邮箱格式不正确").waitFor();
    await handler.getByTestId("settings-email").fill("huangtao@example.cn");
    await handler.getByTestId("settings-save").click();
    await handler.getByText("通知设置已保存").waitFor();
    const handlerApi = await apiAs(base, `${UNIT}-handler`);
    const saved = await handlerApi<{ channels: string[]; email: string }>("/api/notifications/preferences");
    assert(
      saved.channels.includes("email") && saved.email === "huangtao@example.cn",
      `preferences saved: ${JSON.stringify(saved)}`,
    );

    // The same notice in English for a reader who switches: rendered from its code, not stored text.
    await handler.getByTestId("language-switch").click();
    await handler.getByRole("menuitem", { name: "English" }).click();
    await handler.getByTestId("notification-bell").click();
    const english = handler
      .locator('[data-testid="notification-item"][data-event="order_dispatched"]')
      .first();
    await english.getByText("New dispatch", { exact: false }).waitFor();
    const englishText = (await english.textContent()) ?? "";
    // The order's own title stays as the resident wrote it; the template around it is English.
    assert(
      !/新派单|已派至|前办理/.test(englishText) && englishText.includes(orderNo),
      `the notice in English: ${englishText}`,
    );
    await screenshot(handler, "notifications-bell-en.png");

    for (const page of pages) problems.push(...((page as Page & { problems?: string[] }).problems ?? []));
    problems.push(...residentProblems);
    assert(problems.length === 0, `no console or page errors:\n${problems.join("\n")}`);
    console.log(
      `notifications browser test passed: scenario ${Date.now() - ready} ms, total ${Date.now() - startedAt} ms`,
    );
  } catch (error) {
    for (const [index, page] of pages.entries())
      await screenshot(page, `notifications-failure-${index}.png`).catch(() => undefined);
    if (server) console.error(`--- server output ---\n${server.api.output().slice(-3000)}`);
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
