import type { Page } from "playwright-core";
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
 * Issue 14 part 4: the grid worker works without signal. Online, the worker opens the grid pages (the
 * service worker keeps the app shell and the worker's data); offline (`context.setOffline(true)`)
 * two patrol reports with a photo each wait on the phone ("待发送：2"); the page is closed and a new
 * one opened, still offline, from the kept shell with the two still waiting; back online they are sent,
 * and exactly two orders reach the command centre (checked as district-dispatcher through the API);
 * after a reload still exactly two. Run with `node --import tsx test/browser/offline.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];
/** A 1×1 PNG: the server checks the real image type of every photo. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const REPORTS = [
  "地下室配电箱门被撬开，电线裸露，离线巡查第一条",
  "老旧小区5号楼后面的化粪池井盖破损，离线巡查第二条",
];

interface OrderList {
  total: number;
  items: Array<{ id: string; orderNo: string; content?: string; title: string }>;
}

async function reportOffline(page: Page, content: string, photo: string): Promise<void> {
  await page.locator('[data-testid="grid-report"][data-kind="patrol"]').waitFor({ timeout: 20_000 });
  await page.getByTestId("report-content").fill(content);
  await page
    .locator(".ant-upload input[type=file]")
    .setInputFiles({ name: photo, mimeType: "image/png", buffer: PNG });
  await page.locator(".ant-upload-list-item").first().waitFor();
  await page.getByTestId("submit-report").click();
  await page.getByTestId("report-again").waitFor({ timeout: 15_000 });
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    const built = Date.now();
    server = await startServer();
    console.log(`web app built in ${built - startedAt} ms, server up in ${Date.now() - built} ms`);
    const base = server.baseUrl;
    const dispatcher = await apiAs(base, "district-dispatcher");
    const patrols = async () =>
      (await dispatcher<OrderList>("/api/orders?channel=grid_patrol&pageSize=100")).items.filter((order) =>
        REPORTS.some((text) => (order.content ?? order.title).startsWith(text.slice(0, 10))),
      );
    assert((await patrols()).length === 0, "no offline report on the command centre yet");

    const { context, page, problems } = await signedInAt(browser, base, "gridworker", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    // Online: the grid pages register the worker; once it controls them it keeps what they load.
    await page.goto(`${base}/grid`);
    await page.getByTestId("grid-home").waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    await page.goto(`${base}/grid/report?kind=patrol`);
    await page.locator('[data-testid="grid-report"][data-kind="patrol"]').waitFor({ timeout: 20_000 });
    await page.goto(`${base}/grid`);
    await page.getByTestId("grid-home").waitFor({ timeout: 20_000 });
    assert(problems.length === 0, `no console errors online:\n${problems.join("\n")}`);

    // Offline: two reports with photos wait on the phone.
    await context.setOffline(true);
    await page.goto(`${base}/grid/report?kind=patrol`);
    await reportOffline(page, REPORTS[0], "配电箱.png");
    await page.getByTestId("report-again").click();
    await reportOffline(page, REPORTS[1], "井盖.png");
    const outbox = page.locator('[data-testid="outbox"][data-waiting="2"]');
    await outbox.waitFor();
    const shown = (await page.getByTestId("outbox-count").textContent()) ?? "";
    assert(shown.includes("待发送") && shown.includes("2"), `the page says 待发送 2, got "${shown}"`);
    await screenshot(page, "offline-waiting-375.png");
    assert((await patrols()).length === 0, "nothing reached the server while offline");

    // The app is closed and opened again without signal: the shell comes from the service worker.
    await page.close();
    const again = await context.newPage();
    const answer = await again.goto(`${base}/grid`);
    assert(answer?.fromServiceWorker(), "the app shell is answered by the service worker");
    await again.getByTestId("grid-home").waitFor({ timeout: 20_000 });
    await again.locator('[data-testid="outbox"][data-waiting="2"]').waitFor({ timeout: 15_000 });
    assert((await again.getByTestId("outbox-item").count()) === 2, "both reports are listed as waiting");
    // Really without signal, the service worker included: an answer it never kept cannot be fetched.
    const unkept = await again.evaluate(() =>
      fetch("/api/grids?within=610103").then(
        (response) => response.status,
        () => "no network",
      ),
    );
    assert(unkept === "no network", `the service worker is offline too, got ${unkept}`);
    console.log("offline: 2 reports wait on the phone after closing and reopening the app");

    // Back online: sent once each.
    const sendingSince = Date.now();
    await context.setOffline(false);
    await again.getByTestId("outbox").waitFor({ state: "detached", timeout: 30_000 });
    console.log(`online: the outbox emptied in ${Date.now() - sendingSince} ms`);
    const arrived = await patrols();
    assert(arrived.length === 2, `exactly two orders on the command centre, got ${arrived.length}`);
    for (const order of arrived) {
      const detail = await dispatcher<{ attachments: unknown[] }>(`/api/orders/${order.id}`);
      assert(detail.attachments.length === 1, `order ${order.orderNo} has its photo`);
    }

    // A reload (the app starting again) sends nothing twice.
    await again.reload();
    await again.getByTestId("grid-home").waitFor({ timeout: 20_000 });
    await again.waitForFunction(() => navigator.serviceWorker.controller !== null);
    assert(
      (await again.locator('[data-testid="outbox"]').count()) === 0,
      "the outbox stays empty after a reload",
    );
    const after = await patrols();
    assert(after.length === 2, `still exactly two orders after a reload, got ${after.length}`);
    console.log(`orders on the command centre: ${after.map((order) => order.orderNo).join(", ")}`);

    // Pages outside the grid scopes (staff and public pages) are not controlled by the worker.
    await again.goto(`${base}/track`);
    const controlled = await again.evaluate(() => navigator.serviceWorker.controller !== null);
    assert(!controlled, "a page outside /grid is not controlled by the grid service worker");
    await context.close();
    console.log(`offline browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
