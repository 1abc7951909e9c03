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
 * Issue 10, finding 14 at 375×812: a unit handler answers from the phone with a photo of the result
 * (处置后照片): the 答复 dialog takes a photo from the camera or album, the reply is sent with it, and
 * the order's details show it under the reply, loaded from the server. The dialog and the details
 * fit the phone. Run with `node --import tsx test/browser/reply-photos.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    server = await startServer();
    const base = server.baseUrl;

    // A demand dispatched to 城管局 and signed there: waiting for its reply.
    const operator = await apiAs(base, "operator");
    const dispatcher = await apiAs(base, "street-dispatcher");
    const handler = await apiAs(base, "cgj-handler");
    const order = await operator<{ id: string; orderNo: string }>("/api/demands", {
      method: "POST",
      body: {
        channel: "12345",
        channelFields: { workOrderNo: "RPH-1" },
        content: "南院门小区东门外人行道上堆放建筑垃圾，占用盲道，请尽快清理",
        regionCode: "610103001",
        caller: { name: "周先生", phone: "13700003333" },
      },
    });
    const units = await dispatcher<{ items: Array<{ id: number; code: string }> }>("/api/units");
    const cgj = units.items.find((unit) => unit.code === "cgj");
    assert(cgj, "城管局 is a unit");
    const step = async (api: typeof handler, action: string, input: Record<string, unknown> = {}) => {
      const { version } = await api<{ version: number }>(`/api/orders/${order.id}`);
      await api(`/api/orders/${order.id}/actions/${action}`, { method: "POST", body: { version, ...input } });
    };
    await step(dispatcher, "accept");
    await step(dispatcher, "dispatch", { mainUnitId: cgj.id });
    await step(handler, "sign");

    const { context, page, problems } = await signedInAt(browser, base, "cgj-handler", MOBILE, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    // A real photo, drawn by the browser: 240×160 PNG.
    const png = Buffer.from(
      await page.evaluate(() => {
        const canvas = document.createElement("canvas");
        canvas.width = 240;
        canvas.height = 160;
        const draw = canvas.getContext("2d") as CanvasRenderingContext2D;
        draw.fillStyle = "#3a7bd5";
        draw.fillRect(0, 0, 240, 160);
        return canvas.toDataURL("image/png").split(",")[1];
      }),
      "base64",
    );

    await page.goto(`${base}/unit`);
    await page.locator("[data-queue=handling]").click();
    const row = page.locator(`[data-order-no="${order.orderNo}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByTestId("action-reply").click();
    const dialog = page.getByTestId("action-dialog-reply");
    await dialog.waitFor();
    await dialog.getByTestId("action-reply-text").fill("建筑垃圾已于今日清运完毕，盲道已恢复通行。");
    await dialog.locator("input[type=file]").setInputFiles({
      name: "清运后.png",
      mimeType: "image/png",
      buffer: png,
    });
    await dialog.locator(".ant-upload-list-item").first().waitFor();
    const right = await dialog.evaluate((element) => element.getBoundingClientRect().right);
    assert(right <= MOBILE.width, `the reply dialog fits 375 px (right edge ${right})`);
    await screenshot(page, "reply-photos-dialog-375.png");
    await page.getByTestId("action-submit").click();
    await row.waitFor({ state: "detached", timeout: 15_000 });

    const stored = await handler<{ attachments: Array<{ stage: string; fileName: string }> }>(
      `/api/orders/${order.id}`,
    );
    const replyPhotos = stored.attachments.filter((a) => a.stage === "reply");
    assert(replyPhotos.length === 1, `one reply photo stored, got ${JSON.stringify(stored.attachments)}`);
    console.log(`reply sent from a phone with ${replyPhotos[0].fileName}`);

    // The details show it under the reply, loaded.
    await page.locator("[data-queue=replied]").click();
    const replied = page.locator(`[data-order-no="${order.orderNo}"]`);
    await replied.waitFor({ timeout: 20_000 });
    await replied.getByText(order.orderNo).click();
    const photos = page.getByTestId("order-drawer").getByTestId("order-reply-photos");
    await photos.waitFor({ timeout: 15_000 });
    const image = photos.locator("img").first();
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () =>
        (document.querySelector("[data-testid=order-reply-photos] img") as HTMLImageElement)?.naturalWidth >
        0,
      undefined,
      { timeout: 15_000 },
    );
    const sideways = await page.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert(sideways <= 0, `the details fit 375 px (${sideways} px wider)`);
    await screenshot(page, "reply-photos-details-375.png");
    assert(problems.length === 0, `no console errors, got:\n${problems.join("\n")}`);
    await context.close();
    console.log(`reply photos browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
