import type { DemandType } from "../../demands/demand-types.js";

/** One training demand. `source` names the hand-written material it came from. */
export interface TrainingExample {
  text: string;
  category: string;
  type: DemandType;
  urgent: boolean;
  source: "seed" | "phrase" | "lexicon" | "label" | "urgency" | "written";
  /** Instances of one snippet share a group, so cross-validation keeps them on one side. */
  group: string;
  /** Urgency material only (see urgencyExamples). */
  urgencyOnly?: boolean;
  /** The frame the snippet was told in, so cross-validation can hold phrasings out as well. */
  frame?: string;
  /** A written demand's text as its author wrote it (its other instances are varied). */
  asWritten?: boolean;
}
