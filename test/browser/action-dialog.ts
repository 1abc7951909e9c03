import type { Page } from "playwright-core";
import { type Api, apiAs, assert, DESKTOP, launchBrowser, signedInAt } from "./harness.js";
import { type PrivateApp, startPrivateApp } from "./loop-support/private-app.js";

/**
 * A quick user on a slow computer confirms an order action the moment its dialog shows: the OK must
 * not be lost. A click counts only when the press and the release fall on the button; the dialog
 * used to zoom in out of the clicked action button, so its OK moved for a while after it showed, and
 * a click begun on it went to the dialog instead (no request, no field error, the dialog stayed
 * open). The page runs slowed down (CDP Emulation.setCPUThrottlingRate, animations at a fifth of
 * their speed); each round opens an order's drawer and its action, presses OK where it is when it
 * first shows and releases a moment later, as a hand does. 签收 in the unit inbox must reach the
 * server; 不予受理 sent empty in the command centre must mark its reason.
 * Run with `npx tsx test/browser/action-dialog.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];
const ROUNDS = 3;
const CPU_SLOWDOWN = 4;
const ANIMATION_SPEED = 0.2;
/** How long a hand holds a mouse button down in a click. */
const PRESS_MS = 120;

/** Orders filed at the street (生活垃圾清运 stays there); `dispatch` sends them on to 城管局. */
async function fileOrders(base: string, count: number, dispatch: boolean): Promise<string[]> {
  const operator = await apiAs(base, "operator");
  const dispatcher = await apiAs(base, "street-dispatcher");
  const units = await dispatcher<{ items: Array<{ id: number; code: string }> }>("/api/units");
  const cgj = units.items.find((unit) => unit.code === "cgj");
  assert(cgj, "the street sees 城管局");
  const numbers: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const order = await operator<{ id: string; orderNo: string }>("/api/demands", {
      method: "POST",
      body: {
        channel: "12345",
        channelFields: { workOrderNo: `AD-${dispatch ? "D" : "R"}${n}` },
        categoryCode: "030401",
        content: `小区${n + 1}号楼门口的生活垃圾堆了好几天没人清运，臭味很大，请尽快处理`,
        regionCode: "610103001",
        caller: { name: "钱女士", phone: `1370000${String((dispatch ? 2000 : 3000) + n)}` },
      },
    });
    if (dispatch) {
      await act(dispatcher, order.id, "accept");
      await act(dispatcher, order.id, "dispatch", { mainUnitId: cgj.id });
    }
    numbers.push(order.orderNo);
  }
  return numbers;
}

async function act(api: Api, id: string, action: string, input: Record<string, unknown> = {}) {
  const order = await api<{ version: number }>(`/api/orders/${id}`);
  await api(`/api/orders/${id}/actions/${action}`, {
    method: "POST",
    body: { version: order.version, ...input },
  });
}

/** Opens the order's drawer and its `action`; returns where OK is when it first shows. */
async function openAction(page: Page, orderNo: string, action: string): Promise<{ x: number; y: number }> {
  const row = page.locator(`tr[data-order-no="${orderNo}"]`).first();
  await row.waitFor({ timeout: 30_000 });
  await row.getByText(orderNo, { exact: true }).click();
  await page.getByTestId("order-drawer").getByTestId(`action-${action}`).click();
  const ok = await page.waitForFunction(
    () => {
      const button = document.querySelector('[data-testid="action-submit"]');
      const dialog = button?.closest(".ant-modal");
      // Shown: drawn at all (an opening dialog starts transparent), wherever its motion has it now.
      if (!button || !dialog || Number(getComputedStyle(dialog).opacity) === 0) return null;
      const box = button.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  return (await ok.jsonValue()) as { x: number; y: number };
}

/** A hand's click: press, hold a moment, release, at one point. */
async function press(page: Page, { x, y }: { x: number; y: number }): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(PRESS_MS);
  await page.mouse.up();
}

/** Runs the rounds of one page; returns the rounds whose OK was lost. */
async function rounds(
  page: Page,
  url: string,
  orders: readonly string[],
  action: string,
  answered: () => Promise<unknown>,
): Promise<string[]> {
  const lost: string[] = [];
  for (const orderNo of orders) {
    await page.goto(url);
    const ok = await openAction(page, orderNo, action);
    const answer = answered().then(
      () => true,
      () => false,
    );
    await press(page, ok);
    const done = await answer;
    console.log(`  ${orderNo} ${action}: ${done ? "answered" : "LOST"}`);
    if (!done) lost.push(`${orderNo} ${action}`);
  }
  return lost;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: PrivateApp | undefined;
  const browser = await launchBrowser();
  try {
    server = await startPrivateApp();
    const base = server.baseUrl;
    const toSign = await fileOrders(base, ROUNDS, true);
    const toReject = await fileOrders(base, ROUNDS, false);
    const lost: string[] = [];
    const problems: string[] = [];
    for (const [user, path, orders, action] of [
      ["cgj-handler", "/unit", toSign, "sign"],
      ["street-dispatcher", "/command", toReject, "reject"],
    ] as const) {
      const signed = await signedInAt(browser, base, user, DESKTOP, {
        expectedHttpErrors: EXPECTED_HTTP_ERRORS,
      });
      const { context, page } = signed;
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
      // Animations too run slowly on a slow computer: an opening dialog stays in motion for a while.
      await cdp.send("Animation.enable");
      await cdp.send("Animation.setPlaybackRate", { playbackRate: ANIMATION_SPEED });
      // 签收 has nothing to fill: OK sends it. 不予受理 needs a reason: OK marks the empty field.
      const answered =
        action === "sign"
          ? () =>
              page.waitForRequest((request) => request.url().endsWith("/actions/sign"), { timeout: 15_000 })
          : () => page.locator(".order-dialog .ant-form-item-has-error").first().waitFor({ timeout: 15_000 });
      lost.push(...(await rounds(page, `${base}${path}`, orders, action, answered)));
      problems.push(...signed.problems);
      await context.close();
    }
    assert(lost.length === 0, `every OK pressed at once was answered; lost:\n${lost.join("\n")}`);
    assert(problems.length === 0, `no page errors, got:\n${problems.join("\n")}`);
    console.log(`action dialog browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
