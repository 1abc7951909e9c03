import type { Transaction } from "kysely";
import type { CityConfig } from "../../config.js";
import type { DB, Order } from "../../db/schema.js";
import { formatChinaDateTime } from "../../platform/calendar/china-time.js";
import type { Destination } from "../outbox/deliver.js";
import { addMessage } from "../outbox/repository.js";

/** The outbox topic of results sent back to the city's 12345 platform. */
export const RESULT_TOPIC = "city-12345.result";

/** 反馈类型: the changes of a 12345 order the city platform hears of, by lifecycle action. */
const REPORTED: Record<string, ResultKind> = {
  reply: "答复",
  solve_on_spot: "答复",
  share_reply: "答复",
  visit: "回访",
  close: "办结",
  share_close: "办结",
};
type ResultKind = "答复" | "回访" | "办结";

/** The city's result format: the JSON keys sent and the columns of the Excel export, in order. */
export const RESULT_COLUMNS = [
  "工单编号",
  "反馈类型",
  "反馈时间",
  "民呼工单号",
  "承办单位",
  "办理结果",
  "答复内容",
  "解决情况",
  "满意度",
  "回访意见",
  "办结时间",
] as const;
export type ResultRecord = Partial<Record<(typeof RESULT_COLUMNS)[number], string>>;

/** 办理结果, 解决情况, 满意度 as the city writes them. */
const DISPOSITION: Record<string, string> = {
  solved: "限时解决到位",
  explained: "解释安抚到位",
  handled_by_law: "依法依规处理",
};
const SOLVED: Record<string, string> = { solved: "已解决", partly: "部分解决", unsolved: "未解决" };
const SATISFIED: Record<string, string> = { satisfied: "满意", basically: "基本满意", unsatisfied: "不满意" };

/**
 * Called by the order executor for every change it writes, inside its transaction: a reply, return
 * visit or closure of an order that came from 12345 becomes an outbox message, so the city hears of
 * it exactly when the change commits. The key is the order's version after the change: one change,
 * one key, however often it is sent.
 */
export async function reportToCity(
  trx: Transaction<DB>,
  order: Order,
  action: string,
  event: { note: string | null; data: Record<string, unknown> | undefined },
  at: Date,
): Promise<void> {
  const kind = REPORTED[action];
  if (!kind || order.channel !== "12345") return;
  const workOrderNo = String(order.channel_fields.workOrderNo ?? "");
  if (!workOrderNo) return;
  const unit =
    order.main_unit_id === null
      ? null
      : await trx.selectFrom("units").select("name").where("id", "=", order.main_unit_id).executeTakeFirst();
  const record: ResultRecord = {
    工单编号: workOrderNo,
    反馈类型: kind,
    反馈时间: formatChinaDateTime(at),
    民呼工单号: order.order_no,
    承办单位: unit?.name ?? "",
  };
  if (kind === "答复") {
    record.办理结果 = DISPOSITION[order.disposition ?? ""] ?? "";
    record.答复内容 = order.reply_text ?? "";
  }
  if (kind === "回访") {
    record.解决情况 = SOLVED[String(event.data?.solved)] ?? "";
    record.满意度 = SATISFIED[String(event.data?.satisfied)] ?? "";
    record.回访意见 = event.note ?? "";
  }
  if (kind === "办结") record.办结时间 = formatChinaDateTime(order.closed_at ?? at);
  await addMessage(
    trx,
    {
      topic: RESULT_TOPIC,
      orderId: order.id,
      idempotencyKey: `minhu-${order.order_no}-v${order.version}`,
      payload: record,
    },
    at,
  );
}

/** The outbox export of results: the city's columns, as its platform imports them. */
export const CITY_RESULT_EXPORT = {
  topic: RESULT_TOPIC,
  columns: RESULT_COLUMNS,
  sheetName: "12345工单办理结果",
  fileName: "12345工单办理结果",
};

/** Where 12345 results go: nowhere (they wait) until MINHU_CITY_RESULTS_URL is set. */
export function cityDestinations(city: CityConfig): Record<string, Destination> {
  return city.resultsUrl ? { [RESULT_TOPIC]: { url: city.resultsUrl, secret: city.secret } } : {};
}
