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
 * Issue 14, the staff side: an editor (admin, who holds publications.manage) changes a key project's
 * progress and publishes it, and the public page shows the new progress with the old version in its
 * history; a retracted project leaves the public page. An administrator configures a service in the
 * first community with one field and one required photo; the resident finds it and its form asks for
 * both. A refusal from the server shows at its field and changes nothing. Both staff pages fit 375 px.
 * Run with `npx tsx test/browser/publishing-editor.ts`.
 */

const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  // The refusal the scenario provokes on purpose (a code already taken).
  { status: 409, url: /\/api\/services$/ },
];

interface PublicProject {
  id: number;
  title: string;
  progress: number;
  history: { version: number; progress: number }[];
}

async function publicProjects(base: string): Promise<PublicProject[]> {
  const response = await fetch(`${base}/api/public/projects`);
  return ((await response.json()) as { items: PublicProject[] }).items;
}

/** How many pixels the page scrolls sideways (0 when everything fits the viewport). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement as HTMLElement;
    return root.scrollWidth - root.clientWidth;
  });

/** The error shown under the form item holding `#id`. */
const errorAt = (page: Page, id: string) =>
  page
    .locator(".ant-form-item")
    .filter({ has: page.locator(`#${id}`) })
    .locator(".ant-form-item-explain-error");

const rowOf = (page: Page, title: string) =>
  page.getByTestId("publications-table").locator(".ant-table-row").filter({ hasText: title });

async function publishProgress(page: Page, base: string, project: PublicProject, progress: number) {
  await page.goto(`${base}/publishing`);
  const row = rowOf(page, project.title);
  await row.getByRole("button", { name: /编\s*辑/ }).click();
  const form = page.getByTestId("project-form");
  await form.locator("#project_progress").fill(String(progress));
  await page.getByRole("button", { name: "保存草稿" }).click();
  await form.waitFor({ state: "hidden" });
  // Saved as a draft only: the public still sees the published version.
  const before = (await publicProjects(base)).find((p) => p.id === project.id);
  assert(before?.progress === project.progress, "a saved draft is not public yet");
  await row.getByRole("button", { name: /发\s*布/ }).click();
  await page.getByTestId("publish-form").waitFor();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /发\s*布/ })
    .click();
  await row.getByTestId("publication-status").filter({ hasText: "已发布" }).waitFor();
  await row.getByText("第 2 版").waitFor();
}

async function checkHistory(page: Page, project: PublicProject, progress: number) {
  await rowOf(page, project.title).getByRole("button", { name: "版本记录" }).click();
  const versions = page.getByTestId("publication-version");
  await versions.nth(1).waitFor();
  const newest = (await versions.first().textContent()) ?? "";
  assert(
    newest.includes(`${project.progress}%`) && newest.includes(`${progress}%`),
    `the history says what changed (${project.progress}% → ${progress}%): ${newest}`,
  );
  await screenshot(page, "publishing-history-1440.png");
  await page.keyboard.press("Escape");
}

async function retract(page: Page, project: PublicProject) {
  const row = rowOf(page, project.title);
  await row.getByRole("button", { name: /撤\s*回/ }).click();
  await page.getByTestId("retract-form").locator("textarea").fill("项目调整，信息待重新核实");
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /撤\s*回/ })
    .click();
  await row.getByTestId("publication-status").filter({ hasText: "已撤回" }).waitFor();
  await row.getByText("项目调整，信息待重新核实").waitFor();
}

async function checkPublicPage(
  browser: Browser,
  base: string,
  shown: PublicProject,
  progress: number,
  gone: PublicProject,
) {
  const context = await browser.newContext({
    viewport: MOBILE,
    locale: "zh-CN",
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(`${base}/public/projects`);
  await page.getByTestId("public-project-card").first().waitFor();
  const titles = await page.getByTestId("public-project-card").locator("a").allInnerTexts();
  assert(titles.length === 14, `14 projects stay public, got ${titles.length}`);
  assert(!titles.includes(gone.title), "the retracted project left the public page");
  await page.goto(`${base}/public/projects/${shown.id}`);
  const card = page.getByTestId("public-project");
  await card.waitFor();
  const now = await card.locator(".ant-progress").getAttribute("aria-valuenow");
  assert(now === String(progress), `the public page shows the new progress ${progress}, got ${now}`);
  const history = await page.getByText(/第 \d 版/).allInnerTexts();
  assert(
    history.length === 2 && history[1]?.includes(`进度 ${shown.progress}%`),
    `the history keeps the old version: ${history.join(" | ")}`,
  );
  assert((await sideways(page)) <= 0, "the public project fits 375 px");
  await context.close();
}

async function createService(page: Page, base: string, community: { name: string }, code: string) {
  await page.goto(`${base}/admin?tab=services`);
  const table = page.getByTestId("service-admin-table");
  await table.locator(".ant-table-row").first().waitFor();
  const rowsBefore = await table.locator(".ant-table-row").count();
  await page.getByRole("button", { name: "新增服务" }).click();
  const form = page.getByTestId("service-form");
  await form.waitFor();
  // Client-side: an empty name is caught at its field before anything is sent.
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /保\s*存/ })
    .click();
  await errorAt(page, "service_name").first().waitFor();

  await form.locator("#service_name").fill("车棚充电预约");
  await form.locator("#service_nameEn").fill("Bike shed charging booking");
  // A code another service holds: only the server knows, and says so at the field.
  await form.locator("#service_code").fill("residence_certificate");
  await form.locator("#service_regions").click();
  await page.keyboard.type(community.name);
  await page
    .locator(".ant-select-tree-treenode")
    .filter({ hasText: community.name })
    .first()
    .locator(".ant-select-tree-checkbox")
    .click();
  // Closes the picker (Escape would close the dialog too).
  await form.locator("#service_name").click();
  await page.getByRole("button", { name: "添加填写项" }).click();
  await form.locator("#service_fields_0_label").fill("车牌号");
  await form.locator("#service_fields_0_labelEn").fill("Plate number");
  await page.getByRole("button", { name: "添加材料" }).click();
  await form.locator("#service_materials_0_label").fill("车辆照片");
  await form.locator("#service_materials_0_labelEn").fill("Vehicle photo");
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /保\s*存/ })
    .click();
  const refusal = errorAt(page, "service_code");
  await refusal.waitFor();
  const said = (await refusal.textContent()) ?? "";
  assert(said.includes("residence_certificate"), `the server's refusal shows at the code: ${said}`);
  await screenshot(page, "service-admin-refused-1440.png");
  const admin = await apiAs(base, "admin");
  const all = await admin<{ items: { code: string; name: string }[] }>("/api/services");
  assert(!all.items.some((s) => s.name === "车棚充电预约"), "a refused service is not stored");
  assert(
    all.items.filter((s) => s.code === "residence_certificate").length === 1,
    "the other service is unchanged",
  );

  await form.locator("#service_code").fill(code);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /保\s*存/ })
    .click();
  await form.waitFor({ state: "hidden" });
  await table.locator(".ant-table-row").filter({ hasText: "车棚充电预约" }).waitFor();
  assert((await table.locator(".ant-table-row").count()) === rowsBefore + 1, "the new service is listed");
}

async function residentApplies(browser: Browser, base: string, community: { name: string }, code: string) {
  const resident = await signedInAt(browser, base, "resident", MOBILE, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
  });
  const page = resident.page;
  await page.goto(`${base}/resident/services`);
  await page.getByTestId("services-community").click();
  await page.keyboard.type(community.name);
  await page.keyboard.press("Enter");
  await page.getByTestId(`apply-${code}`).click();
  await page.getByTestId("apply-page").waitFor();
  await page.getByTestId("field-f1").waitFor();
  await page.getByText("车牌号").first().waitFor();
  await page.getByTestId("material-m1").first().waitFor();
  await page.getByText("车辆照片").first().waitFor();
  await screenshot(page, "service-apply-new-375.png");
  assert(resident.problems.length === 0, `no console errors (resident):\n${resident.problems.join("\n")}`);
  await resident.context.close();
}

/** The staff pages at 375 px: their tables scroll inside the card, never the page. */
async function fitsPhone(browser: Browser, base: string) {
  const phone = await signedInAt(browser, base, "admin", MOBILE, {
    expectedHttpErrors: EXPECTED_HTTP_ERRORS,
  });
  for (const [path, ready] of [
    ["/publishing", "publications-table"],
    ["/admin?tab=services", "service-admin-table"],
  ] as const) {
    await phone.page.goto(`${base}${path}`);
    await phone.page.getByTestId(ready).locator(".ant-table-row").first().waitFor();
    const wider = await sideways(phone.page);
    assert(wider <= 0, `${path} fits 375 px (${wider} px wider)`);
    await screenshot(phone.page, `${path.replace(/\W+/g, "-").replace(/^-|-$/g, "")}-375.png`);
  }
  await phone.page.goto(`${base}/publishing`);
  await phone.page
    .getByRole("button", { name: /编\s*辑/ })
    .first()
    .click();
  await phone.page.getByTestId("project-form").waitFor();
  assert((await sideways(phone.page)) <= 0, "the project form fits 375 px");
  await screenshot(phone.page, "publishing-form-375.png");
  await phone.page.goto(`${base}/admin?tab=services`);
  await phone.page
    .getByTestId("service-admin-table")
    .getByRole("button", { name: /编\s*辑/ })
    .first()
    .click();
  await phone.page.locator("#service_fields_0_label").waitFor();
  assert((await sideways(phone.page)) <= 0, "the service form fits 375 px");
  await screenshot(phone.page, "service-form-375.png");
  assert(phone.problems.length === 0, `no console errors (375 px):\n${phone.problems.join("\n")}`);
  await phone.context.close();
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    const [first, second] = await publicProjects(base);
    assert(first && second, "the demo publishes key projects");
    const progress = first.progress <= 90 ? first.progress + 7 : first.progress - 7;

    const editor = await signedInAt(browser, base, "admin", DESKTOP, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    const page = editor.page;
    await page.getByRole("menuitem", { name: /碑林发布/ }).click();
    await page.getByTestId("publications-table").locator(".ant-table-row").nth(14).waitFor();
    await publishProgress(page, base, first, progress);
    await checkHistory(page, first, progress);
    await retract(page, second);
    await screenshot(page, "publishing-1440.png");
    await checkPublicPage(browser, base, first, progress, second);
    console.log(`publishing: progress published, history kept, retracted in ${Date.now() - startedAt} ms`);

    const admin = await apiAs(base, "admin");
    const streets = await admin<{ items: { code: string }[] }>("/api/regions?level=street");
    const communities = await admin<{ items: { code: string; name: string; parentCode: string }[] }>(
      "/api/regions?level=community",
    );
    const community = communities.items.find((c) => c.parentCode === streets.items[0]?.code);
    assert(community, "the first street has a community");
    await createService(page, base, community, "bike_charging");
    assert(editor.problems.length === 0, `no console errors (editor):\n${editor.problems.join("\n")}`);
    await editor.context.close();
    await residentApplies(browser, base, community, "bike_charging");
    await fitsPhone(browser, base);
    console.log(`publishing editor browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
