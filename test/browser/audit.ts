import type { Browser, Page } from "playwright-core";
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
 * 审计日志 in the browser (issue 9, finding 12): the administrator renames a demand category, opens
 * the audit log from the menu, narrows it to configuration changes and finds the change with its
 * before → after in Chinese (the action's label, never its code), then exports the same selection;
 * the page fits a 375 px phone with the table scrolling inside its card. A street dispatcher has no
 * menu entry and the API answers 403. Run with `node --import tsx test/browser/audit.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];

interface Category {
  code: string;
  name: string;
  children?: Category[];
}

async function renameACategory(base: string): Promise<{ code: string; before: string; after: string }> {
  const admin = await apiAs(base, "admin");
  const { items } = await admin<{ items: Category[] }>("/api/categories");
  const category = items[0];
  const after = `${category.name}（审计）`;
  await admin(`/api/categories/${category.code}`, { method: "PATCH", body: { name: after } });
  return { code: category.code, before: category.name, after };
}

async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth > root.clientWidth + 1;
  });
}

async function findsTheChange(
  browser: Browser,
  base: string,
  change: { code: string; before: string; after: string },
) {
  const { context, page, problems } = await signedInAt(browser, base, "admin", DESKTOP, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
  });
  await page.getByRole("menuitem", { name: "审计日志" }).click();
  await page.getByTestId("audit-page").waitFor();
  await page.getByTestId("audit-action").click();
  await page.getByTitle("配置（全部）").click();
  const row = page.locator('[data-testid="audit-table"] tr[data-action="config.category"]').first();
  await row.waitFor();
  const actions = await page
    .locator('[data-testid="audit-table"] tr[data-action]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action") ?? ""));
  assert(
    actions.length > 0 && actions.every((a) => a.startsWith("config.")),
    `only configuration: ${actions}`,
  );
  const text = (await row.textContent()) ?? "";
  assert(text.includes("修改诉求分类"), `the action in Chinese: ${text}`);
  assert(text.includes(`诉求分类 #${change.code}`), `the target: ${text}`);
  assert(text.includes("admin") && text.includes("系统管理员"), `the actor and role: ${text}`);
  assert(!/config\.|auth\.|export\./.test(text), `no raw action code: ${text}`);
  await row.locator(".ant-table-row-expand-icon").click();
  const diff = page.getByTestId("audit-diff").first();
  await diff.waitFor();
  const diffText = (await diff.textContent()) ?? "";
  for (const expected of ["修改前", "修改后", change.before, change.after])
    assert(diffText.includes(expected), `the diff shows ${expected}: ${diffText}`);
  await screenshot(page, "audit-config-change-zh.png");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("audit-export").click(),
  ]);
  assert(download.suggestedFilename().endsWith(".xlsx"), `an Excel file: ${download.suggestedFilename()}`);
  const admin = await apiAs(base, "admin");
  const exported = await admin<{ items: Array<{ after: { action?: string } }> }>(
    "/api/audit?action=export.audit&pageSize=1",
  );
  assert(exported.items[0]?.after?.action === "config.", "the export used the page's filter (config.)");
  assert(problems.length === 0, `no console errors: ${problems.join("\n")}`);
  await context.close();
}

async function fitsAPhone(browser: Browser, base: string) {
  const { context, page, problems } = await signedInAt(browser, base, "admin", MOBILE, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
  });
  await page.goto(`${base}/audit`);
  await page.locator('[data-testid="audit-table"] tr[data-action]').first().waitFor();
  await page.locator('[data-testid="audit-table"] .ant-table-row-expand-icon').first().click();
  assert(!(await pageScrollsSideways(page)), "the audit page does not scroll sideways at 375 px");
  await screenshot(page, "audit-phone-zh.png");
  assert(problems.length === 0, `no console errors: ${problems.join("\n")}`);
  await context.close();
}

async function refusedToADispatcher(browser: Browser, base: string) {
  const { context, page } = await signedInAt(browser, base, "street-dispatcher", DESKTOP, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
  });
  await page.getByRole("menuitem").first().waitFor();
  assert((await page.getByRole("menuitem", { name: "审计日志" }).count()) === 0, "no 审计日志 in the menu");
  const status = await page.evaluate(async () => (await fetch("/api/audit")).status);
  assert(status === 403, `GET /api/audit as a street dispatcher: ${status}`);
  await context.close();
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    const change = await renameACategory(base);
    browser = await launchBrowser();
    await findsTheChange(browser, base, change);
    await fitsAPhone(browser, base);
    await refusedToADispatcher(browser, base);
    console.log(
      `audit: change found, diffed, exported; phone fits; dispatcher refused (${Date.now() - startedAt} ms)`,
    );
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
