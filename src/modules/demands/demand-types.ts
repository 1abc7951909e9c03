/** Demand types (诉求类型): 咨询 / 求助 / 投诉 / 举报 / 建议 / 表扬 — one list for intake, classifier and time limits. */
export const DEMAND_TYPES = ["consult", "help", "complaint", "report", "suggestion", "praise"] as const;

export type DemandType = (typeof DEMAND_TYPES)[number];

/** Chinese label of each demand type. */
export const DEMAND_TYPE_NAMES: Readonly<Record<DemandType, string>> = {
  consult: "咨询",
  help: "求助",
  complaint: "投诉",
  report: "举报",
  suggestion: "建议",
  praise: "表扬",
};
