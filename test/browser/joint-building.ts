import {
  apiAs,
  assert,
  buildWebApp,
  DESKTOP,
  launchBrowser,
  type RunningServer,
  screenshot,
  signedInAt,
  startServer,
} from "./harness.js";

/**
 * Issue 12 (c), 联建共建 at 1440: community staff record a consultation meeting (议事协商) of their
 * community's council, set its decision as a joint project (立项), advance it and solve it; the street's
 * staff then see it counted in the street's totals and listed in this month's 解决清单. On the way the
 * party organisation tree and its grid map render (no tiles, no internet).
 * Run with `node --import tsx test/browser/joint-building.ts`.
 */

const EXPECTED_HTTP_ERRORS = [{ status: 401, url: /\/api\/me$/ }];
const TOPIC = "楼道照明议事协商会";
const DECISION = "更换3号楼楼道灯";

interface Counts {
  code: string;
  meetings: number;
  projects: number;
  solved: number;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let server: RunningServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildWebApp();
    const built = Date.now();
    server = await startServer();
    const base = server.baseUrl;
    console.log(`web build ${built - startedAt} ms, server start ${Date.now() - built} ms`);
    const staff = await apiAs(base, "community-staff");
    const me = await staff<{ regionCode: string }>("/api/me");
    const street = me.regionCode.slice(0, 9);
    const councils = await staff<{ items: Array<{ id: number; kind: string; regionCode: string }> }>(
      "/api/joint/councils",
    );
    let councilId = councils.items.find((c) => c.kind === "council" && c.regionCode === me.regionCode)?.id;
    if (councilId === undefined) {
      const founded = await staff<{ id: number }>("/api/joint/councils", {
        method: "POST",
        body: {
          kind: "council",
          name: "社区党建共建联合会",
          regionCode: me.regionCode,
          foundedOn: "2026-01-01",
        },
      });
      councilId = founded.id;
    }
    const streetStaff = await apiAs(base, "street-staff");
    const streetRow = async () =>
      (await streetStaff<{ streets: Counts[] }>("/api/joint/totals")).streets.find((s) => s.code === street);
    const before = (await streetRow()) ?? { code: street, meetings: 0, projects: 0, solved: 0 };

    // Community staff: the party tree and its grid map, then the meeting, 立项, 推进, 解决.
    const { context, page, problems } = await signedInAt(browser, base, "community-staff", DESKTOP, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    await page.goto(`${base}/party`);
    await page.getByTestId("party-tree").locator(".ant-tree-treenode").first().waitFor({ timeout: 20_000 });
    await page.getByRole("tab", { name: "网格党组织地图" }).click();
    await page.locator('[data-testid="party-grid-map"][data-rendered]').waitFor({ timeout: 20_000 });

    await page.goto(`${base}/joint`);
    await page.locator(`[data-council-id="${councilId}"]`).click();
    const council = page.getByTestId("joint-council");
    await council.getByTestId("joint-add-meeting").click();
    const form = page.getByTestId("joint-meeting-form");
    await form.locator("#jointMeeting_heldOn").fill("2026-12-01");
    await form.locator("#jointMeeting_heldOn").press("Enter");
    await form.locator("#jointMeeting_topic").fill(TOPIC);
    await form.locator("#jointMeeting_attendees").fill("社区党委\n物业公司\n业主委员会");
    await form.locator("#jointMeeting_minutes").fill("居民反映3号楼楼道灯损坏，议定由物业更换。");
    await form.locator("#jointMeeting_decisions").fill(DECISION);
    await page.locator("#joint-meeting-save").click();

    const meeting = page.getByTestId("joint-meeting");
    await meeting.getByText(DECISION).waitFor({ timeout: 15_000 });
    await meeting.getByTestId("joint-set-project").click();
    await page.locator("#jointProject_owner").fill("物业公司");
    await page.locator("#joint-project-save").click();

    const project = page.locator('[data-testid="joint-project"]');
    await project.locator('[data-state="set"]').first().waitFor({ timeout: 15_000 });
    await project.locator('button[data-action="advance"]').click();
    await project.locator('[data-step="advance"]').waitFor({ timeout: 15_000 });
    await project.getByTestId("joint-step-note").fill("灯具已采购");
    await project.locator('button[data-action="report"]').click();
    await project.locator('[data-step="report"]').waitFor({ timeout: 15_000 });
    await project.getByTestId("joint-step-note").fill("已更换，居民确认");
    await project.locator('button[data-action="solve"]').click();
    await project.locator('[data-step="solve"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="joint-project"][data-state="solved"]').waitFor({ timeout: 15_000 });
    await screenshot(page, "joint-building-project-solved.png");
    assert(problems.length === 0, `no console errors for community staff, got:\n${problems.join("\n")}`);
    await context.close();

    // Street staff: counted in the street's totals and listed in this month's 解决清单.
    const streetView = await signedInAt(browser, base, "street-staff", DESKTOP, {
      expectedHttpErrors: EXPECTED_HTTP_ERRORS,
    });
    const p = streetView.page;
    await p.goto(`${base}/joint`);
    await p.getByRole("tab", { name: "统计" }).click();
    const row = p.locator(`[data-testid="joint-totals-streets"] tr[data-region="${street}"]`);
    await row.waitFor({ timeout: 15_000 });
    const shown = {
      meetings: Number(await row.getAttribute("data-meetings")),
      projects: Number(await row.getAttribute("data-projects")),
      solved: Number(await row.getAttribute("data-solved")),
    };
    const expected = {
      meetings: before.meetings + 1,
      projects: before.projects + 1,
      solved: before.solved + 1,
    };
    assert(
      JSON.stringify(shown) === JSON.stringify(expected),
      `the street's totals count the meeting, project and solved: ${JSON.stringify(shown)} vs ${JSON.stringify(expected)}`,
    );
    console.log(`street ${street}: ${JSON.stringify(before)} → ${JSON.stringify(shown)}`);

    await p.goto(`${base}/ledgers`);
    await p.getByText("解决清单", { exact: true }).click();
    const solved = p.getByTestId("ledger-solved-projects");
    await solved.getByText(DECISION).waitFor({ timeout: 15_000 });
    await screenshot(p, "joint-building-solved-list.png");
    assert(
      streetView.problems.length === 0,
      `no console errors for street staff, got:\n${streetView.problems.join("\n")}`,
    );
    await streetView.context.close();
    console.log(`joint building browser test passed in ${Date.now() - startedAt} ms`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
