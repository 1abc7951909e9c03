import { createHash } from "node:crypto";
import { parseChinaDateTime } from "../../platform/calendar/china-time.js";
import { DEMAND_TYPE_NAMES, type DemandType } from "../demands/demand-types.js";

/**
 * 12345 工单导出格式 The fields Minhu reads from the city platform's exports, each with the column
 * headers the platform's exports use for it (the first is the standard one). A source's saved
 * mapping names its own header for a field where it differs.
 */
export const CITY_FIELDS = {
  workOrderNo: { required: true, headers: ["工单编号", "工单号", "编号"] },
  callAt: { required: false, headers: ["来电时间", "受理时间", "登记时间"] },
  callerName: { required: false, headers: ["来电人", "来电人姓名", "诉求人", "联系人"] },
  phone: { required: false, headers: ["联系电话", "来电号码", "电话"] },
  content: { required: true, headers: ["诉求内容", "问题描述", "内容"] },
  address: { required: false, headers: ["诉求地址", "事发地址", "地址"] },
  type: { required: false, headers: ["诉求类型", "类型"] },
  dueAt: { required: false, headers: ["办理时限", "办结时限", "处理时限"] },
  title: { required: false, headers: ["工单标题", "标题"] },
} as const;
export type CityField = keyof typeof CITY_FIELDS;
export const CITY_FIELD_NAMES = Object.keys(CITY_FIELDS) as CityField[];

/**
 * The source a file is imported under when none is named: its saved column mapping is shared by the
 * CLI and the import page (which offers the same name), whatever the reader's language.
 */
export const DEFAULT_CITY_SOURCE = "市12345平台";

/** Our field → the source's column header. */
export type ColumnMapping = Partial<Record<CityField, string>>;

/** A 12345 work order as read from one row. */
export interface CityRecord {
  workOrderNo: string;
  content: string;
  callAt: string | null;
  callerName: string | null;
  phone: string | null;
  address: string | null;
  type: DemandType | null;
  dueAt: string | null;
  title: string | null;
}

/** Why a row cannot be imported (a code; the page renders it in the reader's language). */
export type RowProblem =
  | "missing_work_order_no"
  | "bad_work_order_no"
  | "missing_content"
  | "content_too_short"
  | "content_too_long"
  | "bad_call_time"
  | "bad_due_time"
  | "bad_phone";

/**
 * The mapping for a file's headers: the saved one where its header is present, else the first
 * known header found. Returns the fields a required column is missing for, too.
 */
export function resolveMapping(
  headers: readonly string[],
  saved: ColumnMapping = {},
): { mapping: Record<CityField, number | null>; missing: CityField[] } {
  const index = new Map(headers.map((h, i) => [h.trim(), i]));
  const mapping = {} as Record<CityField, number | null>;
  const missing: CityField[] = [];
  for (const field of CITY_FIELD_NAMES) {
    const candidates = [saved[field], ...CITY_FIELDS[field].headers].filter((h): h is string => Boolean(h));
    const found = candidates.map((h) => index.get(h)).find((i) => i !== undefined);
    mapping[field] = found ?? null;
    if (found === undefined && CITY_FIELDS[field].required) missing.push(field);
  }
  return { mapping, missing };
}

const TYPE_BY_NAME = new Map(
  Object.entries(DEMAND_TYPE_NAMES).map(([code, name]) => [name, code as DemandType]),
);

/** Reads one row through the mapping: the record, or the first problem found. */
export function readRecord(
  cells: readonly string[],
  mapping: Record<CityField, number | null>,
): { record: CityRecord } | { problem: RowProblem; workOrderNo: string | null } {
  const cell = (field: CityField) => {
    const i = mapping[field];
    const value = i === null ? "" : (cells[i] ?? "").trim();
    return value === "" ? null : value;
  };
  const workOrderNo = cell("workOrderNo");
  const fail = (problem: RowProblem) => ({ problem, workOrderNo });
  if (!workOrderNo) return fail("missing_work_order_no");
  if (!/^[\p{L}\p{N}_-]{1,40}$/u.test(workOrderNo)) return fail("bad_work_order_no");
  const content = cell("content");
  if (!content) return fail("missing_content");
  if ([...content].length < 5) return fail("content_too_short");
  if (content.length > 4000) return fail("content_too_long");
  const callAt = cell("callAt");
  const callInstant = callAt ? parseChinaDateTime(callAt) : null;
  if (callAt && !callInstant) return fail("bad_call_time");
  const dueAt = cell("dueAt");
  const dueInstant = dueAt ? parseChinaDateTime(dueAt) : null;
  if (dueAt && !dueInstant) return fail("bad_due_time");
  const phone = phoneOf(cell("phone"));
  if (phone === false) return fail("bad_phone");
  const typeText = cell("type");
  return {
    record: {
      workOrderNo,
      content,
      callAt: callInstant?.toISOString() ?? null,
      callerName: cell("callerName")?.slice(0, 40) ?? null,
      phone,
      address: cell("address")?.slice(0, 200) ?? null,
      type: (typeText && TYPE_BY_NAME.get(typeText.replace(/类$/, ""))) || null,
      dueAt: dueInstant?.toISOString() ?? null,
      title: cell("title")?.slice(0, 60) ?? null,
    },
  };
}

/** A phone as digits; null when absent or masked by the platform (139****1234); false when not a phone. */
function phoneOf(text: string | null): string | null | false {
  if (!text || text.includes("*")) return null;
  const digits = text.replace(/[\s-]/g, "");
  return /^\+?[0-9]{7,20}$/.test(digits) ? digits : false;
}

/** What a re-import compares: the same row again hashes the same. */
export function recordHash(record: CityRecord): string {
  return createHash("sha256").update(JSON.stringify(record)).digest("hex");
}
