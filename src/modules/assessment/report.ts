import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { PeriodRange } from "../../platform/calendar/china-time.js";
import { addSheet, type Column, chinaDateTimeText, type Workbook } from "../ledgers/excel.js";
import type { AssessmentWeights } from "./formulas.js";
import { CODE_LENGTH, type Level } from "./scope.js";
import { type AssessmentRow, assess } from "./service.js";

/** The levels a report has a sheet for, with the sheet's name and what its subjects are called. */
const REPORT_LEVELS: { level: Exclude<Level, "district">; sheet: string; subject: string }[] = [
  { level: "street", sheet: "街道考核", subject: "街道" },
  { level: "community", sheet: "社区考核", subject: "社区" },
  { level: "unit", sheet: "单位考核", subject: "承办单位" },
];

/** The KPI table's columns: Chinese headers, the formula as the header's note. */
function kpiColumns(subject: string, weights: AssessmentWeights): Column<AssessmentRow>[] {
  return [
    {
      header: "名次",
      meaning: "Rank by composite score, ties by 派单量; 数据不足 when too few due orders or visits",
      width: 8,
      value: rankText,
    },
    { header: subject, meaning: "Assessed subject", width: 28, value: (r) => r.name },
    {
      header: "派单量",
      meaning: "Orders first dispatched in the period (incl. 就地办结)",
      value: (r) => r.dispatched,
    },
    {
      header: "及时签收",
      meaning: "Of those, signed within the response limit or solved on the spot",
      value: (r) => r.responded,
    },
    { header: "响应率(%)", meaning: "及时签收 / 派单量", value: (r) => r.responseRate },
    {
      header: "到期工单",
      meaning: "Orders whose handling deadline falls in the period",
      value: (r) => r.due,
    },
    {
      header: "按期办结",
      meaning: "Of those, replied by the deadline or solved on the spot",
      value: (r) => r.onTime,
    },
    { header: "按期办结率(%)", meaning: "按期办结 / 到期工单", value: (r) => r.onTimeRate },
    { header: "已办结", meaning: "Of the due orders, closed or solved on the spot", value: (r) => r.closed },
    { header: "办结率(%)", meaning: "已办结 / 到期工单", value: (r) => r.closeRate },
    { header: "回访数", meaning: "Return visits done in the period", value: (r) => r.rated },
    {
      header: "解决率(%)",
      meaning: `(解决 + 部分解决 × ${weights.partialWeight}) / 回访数`,
      value: (r) => r.resolutionRate,
    },
    {
      header: "满意率(%)",
      meaning: `(满意 + 基本满意 × ${weights.basicWeight}) / 回访数`,
      value: (r) => r.satisfactionRate,
    },
    { header: "重办率(%)", meaning: "重办次数 / 回访数", value: (r) => r.reopenRate },
    { header: "退单率(%)", meaning: "退单次数 / 派单次数", value: (r) => r.returnRate },
    { header: "督办次数", meaning: "催办 + 自动督办 events in the period", value: (r) => r.supervisionCount },
    {
      header: "督办扣分",
      meaning: `督办次数 × ${weights.supervisionPenalty}, at most ${weights.supervisionCap}`,
      value: (r) => r.supervisionDeduction,
    },
    {
      header: "平均办理时长(小时)",
      meaning: "Mean hours from dispatch to reply, orders replied in the period",
      width: 20,
      value: (r) => r.avgHandlingHours,
    },
    {
      header: "综合得分",
      meaning: scoreFormula(weights),
      value: (r) => r.score,
    },
  ];
}

/** The score's formula in words, as the page shows it. */
function scoreFormula(weights: AssessmentWeights): string {
  return (
    `响应率×${weights.response}% + 按期办结率×${weights.onTime}% + 解决率×${weights.resolution}% + ` +
    `满意率×${weights.satisfaction}% − 督办扣分`
  );
}

function rankText(row: AssessmentRow): string | number | null {
  return row.insufficient ? "数据不足" : row.rank;
}

type RankingLine = AssessmentRow & { levelName: string };

const RANKING_COLUMNS: Column<RankingLine>[] = [
  {
    header: "考核对象",
    meaning: "Level: 街道 street, 社区 community, 承办单位 unit",
    width: 10,
    value: (r) => r.levelName,
  },
  { header: "名次", meaning: "Rank within the level", width: 6, value: (r) => r.rank },
  { header: "名称", meaning: "Name", width: 28, value: (r) => r.name },
  { header: "综合得分", meaning: "Composite score (0–100)", value: (r) => r.score },
  { header: "响应率(%)", meaning: "Response rate", value: (r) => r.responseRate },
  { header: "按期办结率(%)", meaning: "On-time rate", value: (r) => r.onTimeRate },
  { header: "解决率(%)", meaning: "Resolution rate", value: (r) => r.resolutionRate },
  { header: "满意率(%)", meaning: "Satisfaction rate", value: (r) => r.satisfactionRate },
  { header: "督办次数", meaning: "Supervisions", value: (r) => r.supervisionCount },
  { header: "派单量", meaning: "Orders dispatched (the tie-breaker)", value: (r) => r.dispatched },
];

/**
 * The monthly assessment report (月度考核报告): a cover sheet with the period, weights and formulas,
 * the KPI table per street, community and unit the jurisdiction covers, and the rankings. Its figures
 * are read first (an error can still be answered), then the returned function writes the sheets.
 */
export async function prepareReport(
  db: Kysely<DB>,
  report: {
    prefix: string;
    place: string;
    period: string;
    range: PeriodRange;
    weights: AssessmentWeights;
    now: Date;
  },
): Promise<(workbook: Workbook) => Promise<void>> {
  const levels = REPORT_LEVELS.filter(
    ({ level }) => level === "unit" || report.prefix.length <= CODE_LENGTH[level],
  );
  const tables = await Promise.all(
    levels.map(async ({ level, sheet, subject }) => ({
      sheet,
      subject,
      rows: await assess(db, { level, prefix: report.prefix, range: report.range }, report.weights),
    })),
  );
  const rankings: RankingLine[] = tables.flatMap(({ subject, rows }) =>
    rows.filter((r) => r.rank !== null).map((r) => ({ ...r, levelName: subject })),
  );
  return async (workbook) => {
    await addCover(workbook, report);
    for (const { sheet, subject, rows } of tables)
      await addSheet(workbook, { name: sheet, columns: kpiColumns(subject, report.weights) }, rows);
    await addSheet(workbook, { name: "排名", columns: RANKING_COLUMNS }, rankings);
  };
}

function addCover(
  workbook: Workbook,
  report: { place: string; period: string; weights: AssessmentWeights; now: Date },
): Promise<number> {
  const lines: [string, string | number][] = [
    ["报告", `${report.place}督查考核月度报告`],
    ["考核期间", `${report.period}（北京时间）`],
    ["生成时间", chinaDateTimeText(report.now) ?? ""],
    ["综合得分", scoreFormula(report.weights)],
    [
      "督办扣分",
      `每次督办扣 ${report.weights.supervisionPenalty} 分，最多扣 ${report.weights.supervisionCap} 分`,
    ],
    ["部分解决折算", report.weights.partialWeight],
    ["基本满意折算", report.weights.basicWeight],
    [
      "计入期间",
      "响应率按派单时间；按期办结率、办结率按办理期限；解决率、满意率按回访时间；重办、退单、督办按发生时间",
    ],
    ["就地办结", "网格就地办结的工单计为及时响应、按期办结"],
    ["无数据", "分母为零的比率记为“—”，不计0或100；仅响应率缺失时按其余比率折算权重"],
    ["数据不足", `到期工单或回访少于 ${report.weights.minSample} 件的不计分、不排名，名次记为“数据不足”`],
  ];
  return addSheet(
    workbook,
    {
      name: "说明",
      columns: [
        { header: "项目", meaning: "Item", width: 14, value: (line: [string, string | number]) => line[0] },
        { header: "内容", meaning: "Value", width: 90, value: (line: [string, string | number]) => line[1] },
      ],
    },
    lines,
  );
}
