import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  type Api,
  apiAs,
  assert,
  axeViolations,
  buildWebApp,
  launchBrowser,
  login,
  MOBILE,
  type RunningServer,
  screenshot,
  startServer,
  watchProblems,
} from "./harness.js";

/**
 * Issue 14 part 3 (适老化): axe-core (WCAG 2 A and AA) over every resident and public page, in the
 * normal mode and in 长辈模式, must find no serious or critical violation. Also: the mode's base text
 * is at least 18 px and the switch is remembered across a reload; the one-question-a-screen wizard
 * submits a demand; the services page fits 375 px in English.
 * Run with `node --import tsx test/browser/accessibility.ts`.
 */

/** Inside 大车家巷社区第1网格, 南院门街道 (WGS-84), for "use my location". */
const PLACE = { latitude: 34.24851, longitude: 108.91027 };
/** A 1×1 PNG: the server checks the real image type of every file. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
/** The session probe before sign-in, and the rating link that is made up on purpose. */
const EXPECTED_HTTP_ERRORS = [
  { status: 401, url: /\/api\/me$/ },
  { status: 400, url: /\/api\/visits\/0{16}$/ },
];

type Mode = "normal" | "elderly";

interface Visit {
  path: string;
  /** Shown once the page has its content. */
  ready: string;
  /** A page with tables: they scroll inside their card, the page stays 375 px wide. */
  fits?: true;
}

async function newPhone(browser: Browser, locale = "zh-CN"): Promise<BrowserContext> {
  return browser.newContext({
    viewport: MOBILE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: "Asia/Shanghai",
    geolocation: PLACE,
    permissions: ["geolocation"],
  });
}

/** Opens the page, waits for its content and for loading placeholders to go. */
async function open(page: Page, base: string, visit: Visit): Promise<void> {
  await page.goto(`${base}${visit.path}`, { waitUntil: "domcontentloaded" });
  await page.locator(visit.ready).first().waitFor({ timeout: 20_000 });
  await page
    .waitForFunction(() => !document.querySelector(".ant-skeleton-active, .ant-spin-spinning"), null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

async function audit(page: Page, base: string, visits: Visit[], mode: Mode, found: string[]): Promise<void> {
  for (const visit of visits) {
    const t0 = Date.now();
    await open(page, base, visit);
    const t1 = Date.now();
    const elderly = await page.evaluate(() => document.documentElement.classList.contains("elderly"));
    assert(elderly === (mode === "elderly"), `${visit.path} is in the ${mode} mode`);
    found.push(...(await axeViolations(page, `[${mode}] ${visit.path}`)));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (visit.fits && width > MOBILE.width)
      found.push(`[${mode}] ${visit.path} is wider than 375 px (scrollWidth ${width})`);
    if (process.env.A11Y_TIMING)
      console.log(`${mode} ${visit.path}: open ${t1 - t0} ms, axe ${Date.now() - t1} ms`);
  }
}

/** Turns 长辈模式 on with the visible switch, then checks the base text and that a reload keeps it. */
async function switchOn(page: Page, who: string): Promise<void> {
  const toggle = page.getByTestId("elderly-switch");
  assert((await toggle.getAttribute("aria-checked")) === "false", `${who}: the mode starts off`);
  await toggle.click();
  await page.locator("html.elderly").waitFor();
  await page.reload();
  await page.locator("html.elderly").waitFor({ timeout: 10_000 });
  assert(
    (await page.getByTestId("elderly-switch").getAttribute("aria-checked")) === "true",
    `${who}: the switch is remembered across a reload`,
  );
  // No named helper inside evaluate: the transpiler would wrap it in a __name() the page lacks.
  const sizes = await page.evaluate(() =>
    [document.documentElement, document.body, document.querySelector("main, .ant-layout-content")].map(
      (element) => (element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0),
    ),
  );
  assert(
    sizes.every((size) => size >= 18),
    `${who}: base text ≥ 18 px in 长辈模式 (html, body, main: ${sizes.join(", ")})`,
  );
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        ".ant-btn, [role=switch], .resident-tile, .ant-segmented-item, .public-nav__item",
      ),
    ]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
      .map(({ element, box }) => `${element.className} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  assert(small.length === 0, `${who}: touch targets ≥ 44 px in 长辈模式, smaller: ${small.join("; ")}`);
  await page.getByTestId("elderly-hotline").waitFor();
  assert(
    (await page.getByTestId("elderly-hotline").getAttribute("href")) === "tel:12345",
    `${who}: the hotline button calls 12345`,
  );
}

/** 我要反映 in 长辈模式, one question a screen, to the receipt. Returns the order's id. */
async function wizard(page: Page, base: string, found: string[]): Promise<string> {
  await page.goto(`${base}/resident/new`);
  // Each screen is checked by axe once its question is shown.
  const step = async (name: string) => {
    await page.locator(`[data-testid=resident-submit][data-step=${name}]`).waitFor();
    found.push(...(await axeViolations(page, `[elderly] /resident/new, screen ${name}`)));
  };
  await step("what");
  await page.getByTestId("wizard-next").click();
  await page.locator(".ant-form-item-explain-error").first().waitFor();
  await step("what");
  await page.getByTestId("wizard-content").fill("楼下的路灯坏了好几天，晚上走路看不见，请派人修一下");
  await page.getByTestId("wizard-next").click();
  await step("where");
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("place-missing").waitFor();
  await page.locator('[data-testid="picker-map"][data-rendered="true"]').waitFor({ timeout: 30_000 });
  await page.getByTestId("locate-me").click();
  await page.locator('[data-testid="located-place"][data-status="located"]').waitFor({ timeout: 15_000 });
  await page.getByTestId("wizard-next").click();
  await step("photo");
  await page
    .locator(".ant-upload input[type=file]")
    .setInputFiles({ name: "light.png", mimeType: "image/png", buffer: Buffer.from(PNG, "base64") });
  await page.locator(".ant-upload-list-item").first().waitFor();
  await page.getByTestId("wizard-next").click();
  await step("contact");
  await page.getByTestId("wizard-phone").fill("not a phone");
  await page.getByTestId("wizard-next").click();
  await page.locator(".ant-form-item-explain-error").first().waitFor();
  await page.getByTestId("wizard-phone").fill("13800138000");
  await page.getByTestId("wizard-next").click();
  await step("confirm");
  await page.getByTestId("wizard-summary").getByText("13800138000").waitFor();
  await screenshot(page, "elderly-wizard-confirm-375.png");
  await page.getByTestId("wizard-submit").click();
  await page.getByTestId("submitted-order-no").waitFor({ timeout: 20_000 });
  await screenshot(page, "elderly-wizard-done-375.png");
  await page.getByTestId("view-submitted").click();
  await page.waitForURL(/\/resident\/orders\/[^/]+$/);
  return page.url().split("/").at(-1) as string;
}

/** /resident/services in English at 375 px: nothing sticks out sideways. */
async function servicesFit(page: Page, base: string, mode: Mode, found: string[]): Promise<void> {
  await page.evaluate(() => localStorage.setItem("minhu.locale", "en-US"));
  await open(page, base, { path: "/resident/services", ready: "[data-testid^=service-]" });
  await page.waitForFunction(() => document.documentElement.lang === "en-US");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await screenshot(page, `services-en-375-${mode}.png`);
  if (width > MOBILE.width)
    found.push(`[${mode}] /resident/services in en-US is wider than 375 px (scrollWidth ${width})`);
  await page.evaluate(() => localStorage.setItem("minhu.locale", "zh-CN"));
}

async function setUp(base: string) {
  const resident = await apiAs(base, "resident");
  const staff = await apiAs(base, "community-staff");
  const { regionCode } = await staff<{ regionCode: string }>("/api/me");
  const catalogue = await resident<{ items: { id: number; code: string }[] }>(
    `/api/services?community=${regionCode}`,
  );
  const service = catalogue.items.find((s) => s.code === "prenatal_appointment");
  assert(service, "the staff member's community offers 孕检预约");
  const application = await resident<{ id: string }>(`/api/services/${service.id}/applications`, {
    method: "POST",
    body: {
      community: regionCode,
      answers: { preferred_day: "2026-12-18" },
      files: [{ material: "id_card", fileName: "id.png", content: PNG }],
    },
  });
  const projects = await resident<{ items: { id: number }[] }>("/api/public/projects");
  assert(projects.items.length > 0, "a key project is published");
  return {
    resident,
    regionCode,
    serviceId: service.id,
    applicationId: application.id,
    projectId: projects.items[0].id,
  };
}

/** One step of the order's workflow, as the staff member `as` takes it. */
async function act(as: Api, id: string, action: string, input: Record<string, unknown> = {}): Promise<void> {
  const order = await as<{ version: number; actions: string[] }>(`/api/orders/${id}`);
  assert(order.actions.includes(action), `${action} is offered (offered: ${order.actions.join(", ")})`);
  await as(`/api/orders/${id}/actions/${action}`, {
    method: "POST",
    body: { version: order.version, ...input },
  });
}

/**
 * The resident's demand taken through the loop by API (street dispatch to 城管局, reply, verify), so
 * the order page shows a reply and the return visit's rating link (/rate/:token) opens its form.
 */
async function handledOrder(base: string, resident: Api): Promise<{ id: string; token: string }> {
  const { id } = await resident<{ id: string }>("/api/demands", {
    method: "POST",
    body: {
      channel: "online",
      channelFields: { client: "h5" },
      content: "小区门口的生活垃圾堆了好几天没人清运，臭味很大，请尽快处理",
      categoryCode: "030401",
      location: { lng: PLACE.longitude, lat: PLACE.latitude, crs: "wgs84" },
    },
  });
  const dispatcher = await apiAs(base, "street-dispatcher");
  const units = await dispatcher<{ items: { id: number; code: string }[] }>("/api/units");
  const cgj = units.items.find((unit) => unit.code === "cgj");
  assert(cgj, "the dispatcher sees the city-management bureau");
  await act(dispatcher, id, "accept");
  await act(dispatcher, id, "dispatch", { mainUnitId: cgj.id, note: "请尽快清运" });
  const handler = await apiAs(base, "cgj-handler");
  await act(handler, id, "sign");
  await act(handler, id, "reply", { disposition: "solved", text: "已安排环卫车辆当天清运完毕。" });
  await act(dispatcher, id, "verify");
  const order = await resident<{ visits: { state: string; token?: string }[] }>(`/api/orders/${id}`);
  const token = order.visits.find((visit) => visit.state === "pending" && visit.token)?.token;
  assert(token, "the resident has a rating link");
  return { id, token };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    console.log(`web app built and server started in ${Date.now() - startedAt} ms`);
    const ids = await setUp(base);
    const handled = await handledOrder(base, ids.resident);

    const publicPages: Visit[] = [
      { path: "/login", ready: "form" },
      { path: "/track", ready: "[data-testid=track-page]" },
      { path: `/rate/${handled.token}`, ready: "[data-testid=rate-reply]" },
      { path: "/rate/0000000000000000", ready: ".ant-result" },
      { path: "/public/projects", ready: "[data-testid=public-project-card]" },
      { path: `/public/projects/${ids.projectId}`, ready: "[data-testid=public-project]" },
      { path: "/public/map", ready: "[data-testid=public-heat-map][data-grid-count]" },
      { path: "/public/topics", ready: "[data-testid=public-topic]", fits: true },
      { path: "/public/rates", ready: "[data-testid=public-rates-table]", fits: true },
    ];
    const residentPages = (order: string): Visit[] => [
      { path: "/resident", ready: "[data-testid=resident-home]" },
      { path: "/resident/new", ready: "[data-testid=resident-submit]" },
      { path: "/resident/orders", ready: "[data-testid=my-demands]" },
      { path: `/resident/orders/${order}`, ready: "[data-testid=resident-order]" },
      { path: "/resident/services", ready: "[data-testid^=service-]" },
      {
        path: `/resident/services/${ids.serviceId}?community=${ids.regionCode}`,
        ready: "[data-testid=apply-page]",
      },
      { path: "/resident/applications", ready: "[data-testid=my-application]" },
      { path: `/resident/applications/${ids.applicationId}`, ready: "[data-testid=application-state]" },
    ];

    // The public (no account) and a signed-in resident, side by side: most of the time is waiting.
    const publicFound: string[] = [];
    const residentFound: string[] = [];
    await Promise.all([
      (async () => {
        const anonymous = await newPhone(browser);
        const p = await anonymous.newPage();
        const problems = watchProblems(p, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
        await audit(p, base, publicPages, "normal", publicFound);
        await p.goto(`${base}/track`);
        await switchOn(p, "public");
        await screenshot(p, "elderly-track-375.png");
        await audit(p, base, publicPages, "elderly", publicFound);
        publicFound.push(...problems.map((problem) => `[public] ${problem}`));
        await anonymous.close();
        console.log(`public pages audited in ${Date.now() - startedAt} ms`);
      })(),
      (async () => {
        const phone = await newPhone(browser);
        const r = await phone.newPage();
        const problems = watchProblems(r, { expectedHttpErrors: EXPECTED_HTTP_ERRORS });
        await login(r, base, "resident", "minhu-demo");
        await r.waitForURL(/\/resident$/);
        await r.evaluate((code) => localStorage.setItem("minhu.services.community", code), ids.regionCode);
        await audit(r, base, residentPages(handled.id), "normal", residentFound);
        await servicesFit(r, base, "normal", residentFound);
        await r.goto(`${base}/resident`);
        await r.getByTestId("resident-home").waitFor();
        await switchOn(r, "resident");
        await r.getByTestId("resident-home").waitFor();
        await screenshot(r, "elderly-home-375.png");
        const wizardOrder = await wizard(r, base, residentFound);
        await audit(r, base, residentPages(wizardOrder), "elderly", residentFound);
        await servicesFit(r, base, "elderly", residentFound);
        residentFound.push(...problems.map((problem) => `[resident] ${problem}`));
        await phone.close();
        console.log(`resident pages audited in ${Date.now() - startedAt} ms`);
      })(),
    ]);
    const found = [...publicFound, ...residentFound];
    assert(
      found.length === 0,
      `${found.length} problem(s): serious or critical axe violations, overflow, console errors:\n${found.join("\n")}`,
    );
    console.log(`accessibility browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
