/** Demand types (诉求类型): 咨询 / 求助 / 投诉 / 举报 / 建议 / 表扬. */
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

/** A labelled resident demand, as stored in examples.json. */
export interface LabelledExample {
  text: string;
  /** Level-2 or level-3 category code of the seeded tree. */
  category: string;
  type: DemandType;
  urgent: boolean;
  /** Template group: instances of one seed snippet share it, so they never straddle the split. */
  group?: string;
  split?: "train" | "test";
}
