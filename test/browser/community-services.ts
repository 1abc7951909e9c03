import type { Page } from "playwright-core";
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
 * Issue 14 at 375×812: a resident applies online (智慧云社区) for 孕检预约 with a photo of the ID
 * card; the community's staff ask for more material (补正); the resident adds it from the phone; the
 * staff approve with an appointment; the resident sees each step and the result.
 * Run with `node --import tsx test/browser/community-services.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];

async function photo(page: Page, colour: string): Promise<Buffer> {
  const data = await page.evaluate((fill) => {
    const canvas = document.createElement("canvas");
    canvas.width = 200;
    canvas.height = 120;
    const draw = canvas.getContext("2d") as CanvasRenderingContext2D;
    draw.fillStyle = fill;
    draw.fillRect(0, 0, 200, 120);
    return canvas.toDataURL("image/png").split(",")[1];
  }, colour);
  return Buffer.from(data, "base64");
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;
    const staffApi = await apiAs(base, "community-staff");
    const me = await staffApi<{ regionCode: string }>("/api/me");
    const communities = await staffApi<{ items: { code: string; name: string }[] }>(
      "/api/services/communities",
    );
    const community = communities.items.find((c) => c.code === me.regionCode);
    assert(community, "the staff member's community offers services");

    // The resident, on the phone: picks the community, applies for 孕检预约 with a photo.
    const resident = await signedInAt(browser, base, "resident", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    const r = resident.page;
    await r.getByTestId("services-tile").click();
    await r.getByTestId("services-community").click();
    await r.keyboard.type(community.name);
    // Enter picks the first option shown, as a person does once the list has come: before it has
    // (a slow phone, two scripts at once) Enter would pick nothing.
    await r.locator(".ant-select-item-option", { hasText: community.name }).first().waitFor();
    await r.keyboard.press("Enter");
    await r.getByTestId("apply-prenatal_appointment").click();
    await r.getByTestId("field-preferred_day").locator("input").fill("2026-12-18");
    await r
      .getByTestId("material-id_card")
      .locator("input[type=file]")
      .setInputFiles({ name: "身份证.png", mimeType: "image/png", buffer: await photo(r, "#3a7bd5") });
    await r.getByTestId("apply-submit").click();
    await r.waitForURL(/\/resident\/applications\/\d+$/);
    const id = r.url().split("/").at(-1) as string;
    await r.locator("[data-testid=application-state][data-state=community_review]").waitFor();
    await screenshot(r, "services-applied-375.png");

    // The community's staff ask for more material.
    const staff = await signedInAt(browser, base, "community-staff", DESKTOP, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    const s = staff.page;
    await s.goto(`${base}/services`);
    await s.locator(".ant-table-row").first().waitFor();
    await s.goto(`${base}/services/applications/${id}`);
    await s.getByTestId("review-note").fill("身份证照片不清晰，请补拍反面");
    await s.getByTestId("review-request_more").click();
    await s.locator("[data-testid=application-state][data-state=supplement]").waitFor();

    // The resident sees what is asked and adds the photo.
    await r.reload();
    await r.getByText("身份证照片不清晰，请补拍反面").first().waitFor();
    await r
      .getByTestId("material-id_card")
      .locator("input[type=file]")
      .setInputFiles({ name: "身份证反面.png", mimeType: "image/png", buffer: await photo(r, "#dc4530") });
    await r.locator(".ant-upload-list-item").first().waitFor();
    await r.getByTestId("supplement-send").click();
    await r.locator("[data-testid=application-state][data-state=community_review]").waitFor();

    // The staff approve with the appointment.
    await s.reload();
    await s.getByTestId("result-appointment").fill("2026-12-18T09:30");
    await s.getByTestId("result-place").fill("南院门社区卫生服务站二楼");
    await s.getByTestId("review-approve").click();
    await s.locator("[data-testid=application-state][data-state=approved]").waitFor();

    // The resident follows every step and sees the result.
    await r.reload();
    await r.getByTestId("application-result").getByText("南院门社区卫生服务站二楼").waitFor();
    const steps = await r
      .getByTestId("application-step")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-action")));
    assert(
      steps.join(",") === "submit,request_more,supplement,approve",
      `the resident sees each step, got ${steps.join(",")}`,
    );
    const files = await r.getByTestId("application-file").count();
    assert(files === 2, `both photos are listed, got ${files}`);
    const sideways = await r.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert(sideways <= 0, `the application fits 375 px (${sideways} px wider)`);
    await screenshot(r, "services-approved-375.png");
    assert(resident.problems.length === 0, `no console errors (resident):\n${resident.problems.join("\n")}`);
    assert(staff.problems.length === 0, `no console errors (staff):\n${staff.problems.join("\n")}`);
    await resident.context.close();
    await staff.context.close();
    console.log(`community services: applied, 补正, approved, result seen in ${Date.now() - startedAt} ms`);
    await publicPages(browser, base);
    console.log(`community services browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

/** Demo demands with callers in a grid, so the public map has something to count and something to hide. */
const CALLERS = [
  { name: "欧阳明月", phone: "13912345678", content: "胡同口路灯不亮已经一周，晚上走路很危险" },
  { name: "司马青云", phone: "13587654321", content: "小区楼下垃圾桶满溢无人清运，气味很大" },
  { name: "上官秀英", phone: "18699990001", content: "人行道地砖松动，老人走路容易绊倒" },
];

/**
 * The public pages with no sign-in: a published key project, the demand map; and no caller name or
 * phone anywhere in their HTML or in the JSON they load.
 */
async function publicPages(browser: Awaited<ReturnType<typeof launchBrowser>>, base: string): Promise<void> {
  const operator = await apiAs(base, "operator");
  const map = await operator<{
    grids: {
      features: { properties: { code: string }; geometry: { type: string; coordinates: number[][][] } }[];
    };
  }>("/api/public/demand-map");
  const polygon = map.grids.features.find((f) => f.geometry.type === "Polygon");
  assert(polygon, "a grid polygon");
  const ring = polygon.geometry.coordinates[0];
  const centre = {
    lng: ring.reduce((sum, p) => sum + p[0], 0) / ring.length,
    lat: ring.reduce((sum, p) => sum + p[1], 0) / ring.length,
  };
  for (const [n, caller] of CALLERS.entries())
    await operator("/api/demands", {
      method: "POST",
      body: {
        channel: "12345",
        channelFields: { workOrderNo: `PUBLIC-${n}` },
        content: caller.content,
        location: centre,
        caller: { name: caller.name, phone: caller.phone },
      },
    });

  const context = await browser.newContext({
    viewport: MOBILE,
    locale: "zh-CN",
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const payloads: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/") && (response.headers()["content-type"] ?? "").includes("json"))
      payloads.push(await response.text().catch(() => ""));
  });
  await page.goto(`${base}/public/projects`);
  await page.getByTestId("public-project-card").first().waitFor();
  const cards = await page.getByTestId("public-project-card").count();
  assert(cards === 15, `15 key projects are published, got ${cards}`);
  const html = [await page.content()];
  await page.getByTestId("public-project-card").first().locator("a").click();
  await page.getByTestId("public-project").waitFor();
  html.push(await page.content());
  await screenshot(page, "public-project-375.png");
  await page.goto(`${base}/public/map`);
  await page.locator("[data-testid=public-heat-map][data-grid-count]").waitFor({ timeout: 20_000 });
  const counted = await page.getByTestId("public-heat-map").getAttribute("data-max-value");
  assert(Number(counted) >= CALLERS.length, `the map counts the demands in their grid (max ${counted})`);
  html.push(await page.content());
  await screenshot(page, "public-map-375.png");
  const everything = [...html, ...payloads].join("\n");
  assert(
    payloads.some((p) => p.includes('"counts"')),
    "the map's JSON was read",
  );
  for (const caller of CALLERS)
    for (const secret of [
      caller.name,
      caller.phone,
      `${caller.phone.slice(0, 3)}****${caller.phone.slice(-4)}`,
      caller.content,
    ])
      assert(!everything.includes(secret), `the public pages never show ${secret}`);
  await context.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
