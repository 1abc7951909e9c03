import type { Page } from "playwright-core";
import {
  type Api,
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
 * Issue 12, browser tests (a) and (b) on one server and one browser:
 * (a) a leader records a 社区工作日 on the linked community's page, raises what was found as a demand,
 *     and — once the command centre dispatches it (through the API) — sees it dispatched beside the day;
 * (b) a grid worker writes a 民情日记 entry, raises a demand from it in one step, and the visit is on
 *     that month's 走访清单 (the leader of the community reads it on the ledgers page).
 * Run with `node --import tsx test/browser/fieldwork.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];
const WAGE = "建筑工地老板拖欠我们三个月工资不给，请帮忙讨薪";

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

    // The district sets this month's topic (每月一题); the leader's page shows it.
    const supervisor = await signedInAt(browser, base, "supervisor", DESKTOP, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    await supervisor.page.goto(`${base}/fieldwork/topics`);
    await supervisor.page.getByTestId("topic-title").fill("背街小巷照明与欠薪排查");
    await supervisor.page.getByTestId("save-topic").click();
    await supervisor.page
      .getByTestId("current-topic")
      .filter({ hasText: "背街小巷照明与欠薪排查" })
      .waitFor();
    assert(supervisor.problems.length === 0, `no console errors:\n${supervisor.problems.join("\n")}`);
    await supervisor.context.close();

    // (a) the leader's work day and the demand raised from it.
    const leader = await signedInAt(browser, base, "leader", DESKTOP, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    const l = leader.page;
    await l.goto(`${base}/fieldwork/community`);
    await l.getByTestId("community-work-page").waitFor({ timeout: 20_000 });
    await l.getByTestId("topic").filter({ hasText: "背街小巷照明与欠薪排查" }).waitFor();
    const days = l.getByTestId("work-day");
    const before = await days.count();
    await l.getByTestId("work-places").fill("东关正街小区、社区服务站");
    await l.getByTestId("work-people").fill("社区书记、楼栋长、工地工人代表");
    await l.getByTestId("work-problems").fill(WAGE);
    await l.getByTestId("save-work-day").click();
    await waitForCount(l, "work-day", before + 1);
    const newest = days.first();
    await newest.getByTestId("raise-demand").click();
    await l.getByTestId("raise-submit").click();
    await newest.getByTestId("raised-order").waitFor({ timeout: 15_000 });
    const leaderApi = await apiAs(base, "leader");
    const page = await leaderApi<{ workDays: { orders: { id: string; orderNo: string }[] }[] }>(
      "/api/fieldwork/community",
    );
    const order = page.workDays[0].orders[0];
    assert(order, "the work day lists the demand it raised");
    await dispatch(base, order.id);
    await l.reload();
    await l
      .getByTestId("work-day")
      .first()
      .locator('[data-testid="raised-order"][data-state="dispatched"]')
      .waitFor({ timeout: 15_000 });
    await screenshot(l, "fieldwork-leader-dispatched.png");
    console.log(
      `(a) work day recorded, ${order.orderNo} raised and seen dispatched at ${Date.now() - startedAt} ms`,
    );

    // (b) the grid worker's diary entry, its demand, and the 走访清单.
    const worker = await signedInAt(browser, base, "gridworker", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    const w = worker.page;
    const household = `书院门${Date.now() % 100000}号院2单元301`;
    await w.goto(`${base}/fieldwork/diary`);
    await w.getByTestId("diary-page").waitFor({ timeout: 20_000 });
    await w.getByTestId("diary-household").fill(household);
    await w.getByTestId("diary-heard").fill("楼道灯坏了一个多月，老人晚上上下楼不方便，希望尽快修好");
    await w.getByTestId("save-diary").click();
    const entry = w.getByTestId("diary-entry").filter({ hasText: household });
    await entry.waitFor({ timeout: 15_000 });
    await entry.getByTestId("raise-demand").click();
    await w.getByTestId("raise-submit").click();
    await entry.getByTestId("raised-order").waitFor({ timeout: 15_000 });
    assert((await entry.getByTestId("raise-demand").count()) === 0, "an entry raises one demand only");
    await screenshot(w, "fieldwork-diary-raised-375.png");

    await l.goto(`${base}/ledgers`);
    await l.getByTestId("ledgers-page").waitFor({ timeout: 20_000 });
    await l.getByText("走访清单", { exact: true }).click();
    await l.locator('[data-testid="ledgers-page"][data-book="visits"]').waitFor();
    await l.getByText(household, { exact: false }).first().waitFor({ timeout: 15_000 });
    await screenshot(l, "fieldwork-visits-list.png");
    console.log(`(b) diary entry, its demand and the 走访清单 line at ${Date.now() - startedAt} ms`);

    for (const { problems } of [leader, worker])
      assert(problems.length === 0, `no console errors:\n${problems.join("\n")}`);
    await leader.context.close();
    await worker.context.close();
    console.log(`field work browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

/** The command centre accepts and dispatches the order at the level that holds it (区/街道/社区). */
async function dispatch(base: string, id: string): Promise<void> {
  const district = await apiAs(base, "district-dispatcher");
  const found = await district<{ handlingLevel: string }>(`/api/orders/${id}`);
  const by: Record<string, string> = {
    district: "district-dispatcher",
    street: "street-dispatcher",
    community: "community-dispatcher",
  };
  const dispatcher: Api =
    by[found.handlingLevel] === "district-dispatcher"
      ? district
      : await apiAs(base, by[found.handlingLevel] ?? "district-dispatcher");
  const units = await dispatcher<{ items: { id: number; code: string }[] }>("/api/units");
  const unit = units.items.find((u) => u.code === "rsj") ?? units.items[0];
  for (const [action, input] of [
    ["accept", {}],
    ["dispatch", { mainUnitId: unit.id }],
  ] as const) {
    const current = await dispatcher<{ version: number }>(`/api/orders/${id}`);
    await dispatcher(`/api/orders/${id}/actions/${action}`, {
      method: "POST",
      body: { version: current.version, ...input },
    });
  }
}

async function waitForCount(page: Page, testId: string, count: number): Promise<void> {
  await page.waitForFunction(
    (wanted: { id: string; n: number }) =>
      document.querySelectorAll(`[data-testid="${wanted.id}"]`).length >= wanted.n,
    { id: testId, n: count },
    { timeout: 15_000 },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
