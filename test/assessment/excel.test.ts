import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { cn, type Fixture, loadFixture } from "./fixture.js";

let t: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await loadFixture(t);
  t.setNow(cn("12-01 12:00"));
  await t.ctx.db
    .insertInto("institution_rules")
    .values({
      title: "欠薪问题快速处置机制",
      content: "当日联系用人单位，三个工作日内调解。",
      region_code: f.S1,
      category_code: "0501",
      adopted_on: "2026-11-20",
    })
    .execute();
  const rule = await t.ctx.db.selectFrom("institution_rules").select("id").executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto("institution_rule_orders")
    .values([
      { rule_id: rule.id, order_id: f.ids.o2 },
      { rule_id: rule.id, order_id: f.ids.o4 },
    ])
    .execute();
});
afterAll(() => t.close());

/** Downloads a workbook and reads it back with exceljs. */
async function download(user: string, url: string) {
  const response = await t.app.inject({ url, headers: { cookie: await t.login(user) } });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return { workbook, disposition: String(response.headers["content-disposition"]) };
}

/** A sheet as rows of plain values, the header row first. */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!sheet) throw new Error("missing sheet");
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("ledger and list exports", () => {
  it("names the file in Chinese, RFC 5987-encoded, with an ASCII fallback", async () => {
    const { disposition } = await download("admin", "/api/ledgers/general/export.xlsx?period=2026-11");
    expect(disposition).toBe(
      `attachment; filename="minhu-ledger-general-610103-2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent("碑林区一般问题台账（2026-11）.xlsx")}`,
    );
  });

  it("writes a ledger sheet with Chinese headers, their meaning as notes, China-time dates and one row per order", async () => {
    const { workbook } = await download("admin", "/api/ledgers/general/export.xlsx?period=2026-11");
    const sheet = workbook.getWorksheet("一般问题台账");
    const rows = rowsOf(sheet);
    expect(rows[0].slice(0, 6)).toEqual(["工单编号", "登记时间", "渠道", "诉求类型", "诉求分类", "标题"]);
    expect(rows[0]).toContain("回访满意度");
    expect(sheet?.getCell("B1").note).toBe("Registered at, China time (北京时间)");
    expect(sheet?.getCell("A1").font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(rows).toHaveLength(1 + 8);
    const header = rows[0];
    const o1 = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === "FX-o1")?.[i]]));
    expect(o1).toMatchObject({
      登记时间: "2026-11-02 08:30",
      渠道: "12345热线",
      诉求类型: "投诉",
      诉求分类: "工资纠纷",
      街道: "南院门街道",
      台账: "一般问题",
      状态: "已办结",
      主办单位: "碑林区人力资源和社会保障局",
      办结时间: "2026-11-08 10:00",
      答复方式: "限时解决到位",
      回访解决情况: "解决",
      回访满意度: "满意",
      诉求内容: "考核样例工单 o1",
      答复内容: "答复样例 o1",
    });
    // o10 is only registered: what it lacks reads "—".
    const o10 = rows.find((r) => r[0] === "FX-o10") ?? [];
    expect(o10[header.indexOf("派单时间")]).toBe("—");
    expect(o10[header.indexOf("答复内容")]).toBe("—");
  });

  it("exports the lists: visits, solved, problems and rules, inside the jurisdiction", async () => {
    const visits = rowsOf(
      (
        await download("street-dispatcher", "/api/lists/visits/export.xlsx?period=2026-11")
      ).workbook.getWorksheet("走访清单"),
    );
    expect(visits[0]).toEqual([
      "走访日期",
      "走访人",
      "身份",
      "街道",
      "社区",
      "网格",
      "走访户数",
      "来源",
      "走访情况",
    ]);
    expect(visits.slice(1).map((r) => [r[0], r[2], r[6]])).toEqual([
      ["2026-11-30", "网格员", 30],
      ["2026-11-15", "联系社区领导", 12],
    ]);
    const solved = rowsOf(
      (await download("admin", "/api/lists/solved/export.xlsx?period=2026-11")).workbook.getWorksheet(
        "解决清单",
      ),
    );
    expect(solved.slice(1).map((r) => r[0])).toEqual(["FX-p2", "FX-p1", "FX-o1", "FX-o8", "FX-o6"]);
    const problems = rowsOf(
      (
        await download("street-dispatcher", "/api/lists/problems/export.xlsx?period=2026-11")
      ).workbook.getWorksheet("问题清单"),
    );
    expect(problems).toHaveLength(1 + 8);
    const rules = rowsOf(
      (await download("admin", "/api/lists/rules/export.xlsx?period=2026-11")).workbook.getWorksheet(
        "制度清单",
      ),
    );
    expect(rules[0]).toEqual([
      "制度名称",
      "主要内容",
      "适用区域",
      "诉求分类",
      "出台日期",
      "关联工单数",
      "关联工单编号",
    ]);
    expect(rules[1]).toEqual([
      "欠薪问题快速处置机制",
      "当日联系用人单位，三个工作日内调解。",
      "南院门街道",
      "工资纠纷",
      "2026-11-20",
      2,
      "FX-o2、FX-o4",
    ]);
  });
});

describe("monthly assessment report", () => {
  it("has the cover, a KPI sheet per street, community and unit, and the rankings", async () => {
    const { workbook, disposition } = await download("admin", "/api/assessment/report.xlsx?period=2026-11");
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent("碑林区督查考核报告（2026-11）.xlsx")}`,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "说明",
      "街道考核",
      "社区考核",
      "单位考核",
      "排名",
    ]);

    const streets = rowsOf(workbook.getWorksheet("街道考核"));
    expect(streets[0]).toEqual([
      "名次",
      "街道",
      "派单量",
      "及时签收",
      "响应率(%)",
      "到期工单",
      "按期办结",
      "按期办结率(%)",
      "已办结",
      "办结率(%)",
      "回访数",
      "解决率(%)",
      "满意率(%)",
      "重办率(%)",
      "退单率(%)",
      "督办次数",
      "督办扣分",
      "平均办理时长(小时)",
      "综合得分",
    ]);
    expect(workbook.getWorksheet("街道考核")?.getCell("E1").note).toBe("及时签收 / 派单量");
    expect(streets[2]).toEqual([
      "数据不足",
      "柏树林街道",
      2,
      2,
      100,
      2,
      2,
      100,
      2,
      100,
      2,
      100,
      90,
      0,
      0,
      0,
      0,
      120,
      "—",
    ]);
    expect(streets[1]).toEqual([
      1,
      "南院门街道",
      7,
      6,
      85.71,
      8,
      6,
      75,
      4,
      50,
      5,
      70,
      76,
      20,
      14.29,
      3,
      3,
      202.29,
      71.67,
    ]);
    // A street without data: zero counts, "—" for every rate, 数据不足 for the rank.
    expect(streets[3]).toEqual([
      "数据不足",
      expect.any(String),
      0,
      0,
      "—",
      0,
      0,
      "—",
      0,
      "—",
      0,
      "—",
      "—",
      "—",
      "—",
      0,
      0,
      "—",
      "—",
    ]);

    const ranking = rowsOf(workbook.getWorksheet("排名"));
    expect(ranking[0]).toEqual([
      "考核对象",
      "名次",
      "名称",
      "综合得分",
      "响应率(%)",
      "按期办结率(%)",
      "解决率(%)",
      "满意率(%)",
      "督办次数",
      "派单量",
    ]);
    // Only rows with enough data are ranked.
    expect(ranking.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ["街道", 1, 71.67],
      ["社区", 1, 86.38],
      ["承办单位", 1, 84.99],
    ]);
    const cover = rowsOf(workbook.getWorksheet("说明"));
    expect(cover).toContainEqual([
      "综合得分",
      "响应率×10% + 按期办结率×20% + 解决率×35% + 满意率×35% − 督办扣分",
    ]);
    expect(cover).toContainEqual(["督办扣分", "每次督办扣 1 分，最多扣 10 分"]);
    expect(cover).toContainEqual(["生成时间", "2026-12-01 12:00"]);
  });

  it("leaves out the levels above a community leader's jurisdiction", async () => {
    const { workbook } = await download("leader", "/api/assessment/report.xlsx?period=2026-11");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["说明", "社区考核", "单位考核", "排名"]);
    expect(
      rowsOf(workbook.getWorksheet("社区考核"))
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["大车家巷社区"]);
  });
});
