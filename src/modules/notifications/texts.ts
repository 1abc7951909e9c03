import type { NotifyEvent, Params } from "./rules.js";

export type Locale = "zh-CN" | "en-US";

/**
 * The texts of messages that leave Minhu (SMS, WeChat, e-mail, log), rendered at delivery in the
 * recipient's language. The web renders in-app notifications from its own catalogue
 * (web/src/i18n, `notifications.event.*`) with the same parameters.
 */
const TEXTS: Record<Locale, Record<NotifyEvent, string>> = {
  "zh-CN": {
    order_dispatched: "【民呼我行】新派单：工单 {orderNo}「{title}」已派至贵单位，请于 {dueAt} 前办理。",
    order_due_soon: "【民呼我行】工单 {orderNo}「{title}」即将超期（时限 {dueAt}），请抓紧办理。",
    order_overdue: "【民呼我行】工单 {orderNo}「{title}」已超过办理时限（{dueAt}）。",
    order_supervised: "【民呼我行】工单 {orderNo}「{title}」超期未办结，已自动督办。",
    order_urged: "【民呼我行】工单 {orderNo}「{title}」被督办：{note}",
    order_reopened: "【民呼我行】工单 {orderNo}「{title}」回访未解决或不满意，已重办，新时限 {dueAt}。",
    order_replied: "【民呼我行】您反映的问题（工单 {orderNo}）已答复：{reply}",
    rating_link: "【民呼我行】请为工单 {orderNo} 的办理评价（一事一评）：{link}",
    login_code: "【民呼我行】您的登录验证码是 {code}，{minutes} 分钟内有效，请勿告诉他人。",
  },
  "en-US": {
    order_dispatched:
      "[Minhu] New dispatch: order {orderNo} “{title}” is assigned to your unit, due {dueAt}.",
    order_due_soon: "[Minhu] Order {orderNo} “{title}” is due soon ({dueAt}).",
    order_overdue: "[Minhu] Order {orderNo} “{title}” is overdue (due {dueAt}).",
    order_supervised: "[Minhu] Order {orderNo} “{title}” is overdue and now under supervision.",
    order_urged: "[Minhu] Order {orderNo} “{title}” was urged: {note}",
    order_reopened: "[Minhu] Order {orderNo} “{title}” was reopened after the return visit; due {dueAt}.",
    order_replied: "[Minhu] Your demand (order {orderNo}) has a reply: {reply}",
    rating_link: "[Minhu] Please rate how order {orderNo} was handled: {link}",
    login_code: "[Minhu] Your sign-in code is {code}, valid for {minutes} minutes. Do not share it.",
  },
};

/** The message in the given language; unknown parameters render empty, never as `{name}`. */
export function renderText(locale: Locale, event: NotifyEvent, params: Params): string {
  return TEXTS[locale][event].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}
