import type { Browser } from "playwright-core";
import {
  apiAs,
  assert,
  buildWebApp,
  launchBrowser,
  login,
  type RunningServer,
  screenshot,
  startServer,
  watchProblems,
} from "./harness.js";

/**
 * 研判预警 on the command centre, in the browser against the real server (its warning rules run every
 * 3 s here instead of every quarter hour): a caller rings 12345 three times about the same street;
 * the street dispatcher's open page shows the repeat-caller warning without a reload, takes it in hand
 * (知悉), then acts on it (处置) with a note, and the warning leaves the list as actioned.
 * Run with `npx tsx test/browser/warnings.ts`.
 */

const STREET = "610103001";
const PHONE = "13700001111";
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 401, url: /\/api\/auth\/login$/ },
];

interface WarningRow {
  id: string;
  rule: string;
  state: string;
  title: string;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await buildWebApp();
    server = await startServer({ MINHU_WARNINGS_EVERY_MINUTES: "0.05" });
    const base = server.baseUrl;
    console.log(`server ready at ${base} after ${Date.now() - startedAt} ms`);

    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: "Asia/Shanghai",
      locale: "zh-CN",
    });
    const page = await context.newPage();
    const problems = watchProblems(page, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
    await login(page, base, "street-dispatcher", "minhu-demo");
    await page.goto(`${base}/command`);
    await page.getByTestId("command-page").waitFor();
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor({ timeout: 20_000 });
    const panel = page.getByTestId("warnings-panel");
    await panel.getByText("暂无待处理的预警").waitFor({ timeout: 15_000 });

    // Three calls from one phone about the street: the repeat-caller rule fires on its next run.
    const operator = await apiAs(base, "operator");
    for (const n of [1, 2, 3]) {
      await operator("/api/demands", {
        method: "POST",
        body: {
          channel: "12345",
          channelFields: { workOrderNo: `GD-WARN-${n}` },
          content: `第${n}次来电：小区门口垃圾桶满了没人清运，气味很大，请尽快处理。`,
          regionCode: STREET,
          caller: { name: "赵女士", phone: PHONE },
        },
      });
    }
    const callsAt = Date.now();
    const item = panel.locator("[data-warning-id]").filter({ hasText: "重复诉求" }).first();
    await item.waitFor({ timeout: 45_000 });
    console.log(`repeat-caller warning appeared ${Date.now() - callsAt} ms after the third call (no reload)`);
    const id = await item.getAttribute("data-warning-id");
    assert(id, "the warning has an id");
    const row = panel.locator(`[data-warning-id="${id}"]`);

    await row.getByTestId("warning-acknowledge").click();
    await panel.locator(`[data-warning-id="${id}"][data-state="acknowledged"]`).waitFor({ timeout: 15_000 });
    await row.getByText("已知悉").waitFor();
    await screenshot(page, "command-warnings-zh.png");

    await row.getByTestId("warning-action").click();
    await page.getByTestId("warning-decision-note").fill("已联系环卫所加密清运频次，并回电告知赵女士");
    await page.getByTestId("warning-decision-ok").click();
    await row.waitFor({ state: "detached", timeout: 15_000 });
    await page.getByText("预警已处置").waitFor();

    const dispatcher = await apiAs(base, "street-dispatcher");
    const actioned = await dispatcher<{ items: WarningRow[] }>("/api/warnings?state=actioned");
    const decided = actioned.items.find((w) => w.id === id);
    assert(
      decided?.rule === "repeat_caller",
      `warning ${id} is actioned, got ${JSON.stringify(actioned.items)}`,
    );
    console.log(`warning ${id} "${decided.title}": acknowledged, then actioned with a note`);

    assert(problems.length === 0, `no console errors, got:\n${problems.join("\n")}`);
    console.log(`warnings browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
