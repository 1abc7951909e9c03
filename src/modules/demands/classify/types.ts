import type { DemandType } from "../demand-types.js";

export { DEMAND_TYPE_NAMES, DEMAND_TYPES, type DemandType } from "../demand-types.js";

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
