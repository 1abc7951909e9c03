import type { RegionDirectory } from "../regions/directory.js";
import { chinaDateTimeText, type SheetSpec } from "./excel.js";
import {
  channelLabel,
  DISPOSITION_LABELS,
  LEDGER_LABELS,
  type Ledger,
  label,
  ROLE_LABELS,
  SATISFIED_LABELS,
  SOLVED_LABELS,
  STATE_LABELS,
  TYPE_LABELS,
} from "./labels.js";
import type { FieldVisitLine, OrderLine, RuleLine, VisitSource } from "./repository.js";

/** The street, community and grid names of a region code (those it has). */
function placeOf(
  regions: RegionDirectory,
  code: string,
): { street: string | null; community: string | null; grid: string | null } {
  const byLevel = new Map(regions.lineage(code).map((entry) => [entry.level, entry.name]));
  return {
    street: byLevel.get("street") ?? null,
    community: byLevel.get("community") ?? null,
    grid: byLevel.get("grid") ?? null,
  };
}

/** An order line as JSON for the paged lists. */
export function presentOrderLine(regions: RegionDirectory, row: OrderLine) {
  return {
    id: row.id,
    orderNo: row.order_no,
    channel: row.channel,
    type: row.demand_type,
    category: row.category_code ? { code: row.category_code, name: row.category_name } : null,
    title: row.title,
    content: row.content,
    replyText: row.reply_text,
    address: row.address,
    region: { code: row.region_code, ...placeOf(regions, row.region_code) },
    state: row.state,
    ledger: row.ledger,
    unitName: row.unit_name,
    solvedOnSpot: row.solved_on_spot,
    disposition: row.disposition,
    createdAt: row.created_at,
    dispatchedAt: row.dispatched_at,
    handlingDueAt: row.handling_due_at,
    repliedAt: row.replied_at,
    closedAt: row.closed_at,
    visit: row.visit_solved ? { solved: row.visit_solved, satisfied: row.visit_satisfied } : null,
  };
}

/** A field visit as JSON. */
export function presentFieldVisit(regions: RegionDirectory, row: FieldVisitLine) {
  return {
    id: row.id,
    visitedOn: row.visited_on,
    visitorName: row.visitor_name,
    visitorRole: row.visitor_role,
    region: { code: row.region_code, ...placeOf(regions, row.region_code) },
    households: row.households,
    source: row.source,
    summary: row.summary,
  };
}

/** A 制度清单 entry as JSON. */
export function presentRule(regions: RegionDirectory, row: RuleLine) {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    regionCode: row.region_code,
    regionName: regions.get(row.region_code)?.name ?? null,
    category: row.category_code ? { code: row.category_code, name: row.category_name } : null,
    adoptedOn: row.adopted_on,
    orderCount: row.order_count,
    orders: row.orders,
    createdAt: row.created_at,
  };
}

/** The sheet of orders shared by the four ledgers, the 问题清单 and the 解决清单. */
export function orderSheet(regions: RegionDirectory, name: string): SheetSpec<OrderLine> {
  const place = (row: OrderLine) => placeOf(regions, row.region_code);
  return {
    name,
    columns: [
      {
        header: "工单编号",
        meaning: "Order number (BL + 登记日期 + 序号)",
        width: 20,
        value: (r) => r.order_no,
      },
      {
        header: "登记时间",
        meaning: "Registered at, China time (北京时间)",
        width: 18,
        value: (r) => chinaDateTimeText(r.created_at),
      },
      { header: "渠道", meaning: "Intake channel", value: (r) => channelLabel(r.channel) },
      { header: "诉求类型", meaning: "Demand type", value: (r) => label(TYPE_LABELS, r.demand_type) },
      { header: "诉求分类", meaning: "Category", width: 16, value: (r) => r.category_name },
      { header: "标题", meaning: "Title", width: 36, value: (r) => r.title },
      {
        header: "诉求内容",
        meaning: "The demand as the caller gave it",
        width: 60,
        wrap: true,
        value: (r) => r.content,
      },
      { header: "街道", meaning: "Street", width: 14, value: (r) => place(r).street },
      { header: "社区", meaning: "Community", width: 14, value: (r) => place(r).community },
      { header: "网格", meaning: "Grid", width: 14, value: (r) => place(r).grid },
      { header: "台账", meaning: "Ledger (四本台账)", value: (r) => label(LEDGER_LABELS, r.ledger) },
      { header: "状态", meaning: "State", value: (r) => label(STATE_LABELS, r.state) },
      {
        header: "主办单位",
        meaning: "Main handling unit (就地办结 when solved on the spot)",
        width: 28,
        value: (r) => r.unit_name ?? (r.solved_on_spot ? "就地办结" : null),
      },
      {
        header: "派单时间",
        meaning: "Dispatched at, China time",
        width: 18,
        value: (r) => chinaDateTimeText(r.dispatched_at),
      },
      {
        header: "办理期限",
        meaning: "Handling deadline, China time",
        width: 18,
        value: (r) => chinaDateTimeText(r.handling_due_at),
      },
      {
        header: "答复时间",
        meaning: "Replied at, China time",
        width: 18,
        value: (r) => chinaDateTimeText(r.replied_at),
      },
      {
        header: "办结时间",
        meaning: "Closed at, China time",
        width: 18,
        value: (r) => chinaDateTimeText(r.closed_at),
      },
      {
        header: "答复方式",
        meaning: "Disposition of the reply",
        width: 14,
        value: (r) => label(DISPOSITION_LABELS, r.disposition),
      },
      {
        header: "答复内容",
        meaning: "The reply the caller was given",
        width: 60,
        wrap: true,
        value: (r) => r.reply_text,
      },
      {
        header: "回访解决情况",
        meaning: "Solved? at the latest return visit",
        value: (r) => label(SOLVED_LABELS, r.visit_solved),
      },
      {
        header: "回访满意度",
        meaning: "Satisfied? at the latest return visit",
        value: (r) => label(SATISFIED_LABELS, r.visit_satisfied),
      },
    ],
  };
}

const VISIT_SOURCE_LABELS: Record<VisitSource, string> = { diary: "民情日记", work_day: "社区工作日" };

/** 走访清单 */
export function fieldVisitSheet(regions: RegionDirectory): SheetSpec<FieldVisitLine> {
  const place = (row: FieldVisitLine) => placeOf(regions, row.region_code);
  return {
    name: "走访清单",
    columns: [
      { header: "走访日期", meaning: "Date of the visit", width: 12, value: (r) => r.visited_on },
      { header: "走访人", meaning: "Visitor", width: 14, value: (r) => r.visitor_name },
      {
        header: "身份",
        meaning: "Visitor's role",
        width: 14,
        value: (r) => label(ROLE_LABELS, r.visitor_role),
      },
      { header: "街道", meaning: "Street", width: 14, value: (r) => place(r).street },
      { header: "社区", meaning: "Community", width: 14, value: (r) => place(r).community },
      { header: "网格", meaning: "Grid", width: 14, value: (r) => place(r).grid },
      { header: "走访户数", meaning: "Households visited", value: (r) => r.households },
      {
        header: "来源",
        meaning: "Written as (民情日记 diary, 社区工作日 leader's work day)",
        width: 12,
        value: (r) => (r.source ? VISIT_SOURCE_LABELS[r.source] : ""),
      },
      { header: "走访情况", meaning: "Summary", width: 50, value: (r) => r.summary },
    ],
  };
}

/** 制度清单 */
export function ruleSheet(regions: RegionDirectory): SheetSpec<RuleLine> {
  return {
    name: "制度清单",
    columns: [
      { header: "制度名称", meaning: "Rule or mechanism", width: 30, value: (r) => r.title },
      { header: "主要内容", meaning: "Content", width: 60, value: (r) => r.content },
      {
        header: "适用区域",
        meaning: "Region that adopted it",
        width: 14,
        value: (r) => regions.get(r.region_code)?.name ?? r.region_code,
      },
      {
        header: "诉求分类",
        meaning: "Category of the demands it answers",
        width: 14,
        value: (r) => r.category_name,
      },
      { header: "出台日期", meaning: "Adopted on", width: 12, value: (r) => r.adopted_on },
      { header: "关联工单数", meaning: "Number of demands it answers", value: (r) => r.order_count },
      {
        header: "关联工单编号",
        meaning: "Numbers of the linked orders inside your jurisdiction",
        width: 40,
        value: (r) => r.orders.map((o) => o.orderNo).join("、"),
      },
    ],
  };
}

/** The sheet (and file) title of a ledger. */
export function ledgerTitle(ledger: Ledger): string {
  return `${LEDGER_LABELS[ledger]}台账`;
}
