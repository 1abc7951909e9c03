import { CHANNELS } from "../demands/channels.js";

/** 四本台账: the ledger every order is filed in. */
export const LEDGERS = ["general", "difficult", "common", "suggestion"] as const;
export type Ledger = (typeof LEDGERS)[number];

/** zh-CN names of the ledgers. */
export const LEDGER_LABELS: Record<Ledger, string> = {
  general: "一般问题",
  difficult: "疑难问题",
  common: "共性问题",
  suggestion: "工作建议",
};

/** zh-CN names of the order states, for exported sheets. */
export const STATE_LABELS: Record<string, string> = {
  registered: "待受理",
  accepted: "已受理",
  rejected: "不予受理",
  dispatched: "已派单",
  handling: "办理中",
  replied: "已答复",
  verified: "已审核",
  visited: "已回访",
  closed: "已办结",
  merged: "已合并",
};

/** 诉求类型 */
export const TYPE_LABELS: Record<string, string> = {
  consult: "咨询",
  help: "求助",
  complaint: "投诉",
  report: "举报",
  suggestion: "建议",
  praise: "表扬",
};

/** 答复方式 (the seed's three outcomes) */
export const DISPOSITION_LABELS: Record<string, string> = {
  solved: "限时解决到位",
  explained: "解释安抚到位",
  handled_by_law: "依法依规处理",
};

export const SOLVED_LABELS: Record<string, string> = {
  solved: "解决",
  partly: "部分解决",
  unsolved: "未解决",
};
export const SATISFIED_LABELS: Record<string, string> = {
  satisfied: "满意",
  basically: "基本满意",
  unsatisfied: "不满意",
};

/** zh-CN label of a value, the value itself when unknown, null when absent. */
export function label(labels: Record<string, string>, value: string | null): string | null {
  return value === null ? null : (labels[value] ?? value);
}

/** zh-CN name of an intake channel (渠道). */
export function channelLabel(channel: string): string {
  return (CHANNELS as Record<string, { name: { "zh-CN": string } }>)[channel]?.name["zh-CN"] ?? channel;
}

/** 身份 of a visitor in the 走访清单. */
export const ROLE_LABELS: Record<string, string> = {
  leader: "联系社区领导",
  grid_worker: "网格员",
  staff: "工作人员",
  dispatcher: "派单员",
  supervisor: "督查人员",
  operator: "话务员",
  admin: "管理员",
};
