import type { DemandType } from "../../demands/demand-types.js";
import { BLAMING_FRAME, CONDUCT, HELPING_FRAME, NEED, VIOLATION } from "../model/type-cues.js";

/**
 * The demand-type convention (诉求类型) of the training material, written from the label rules of
 * data/routing-eval/README.md (its rules only, none of its texts): a problem is 投诉 when the caller
 * blames someone's conduct (a unit, company, business or person, earlier handling included), 举报 when
 * it tells a violation to enforce against, and 求助 when it just needs fixing or help. The caller's own
 * words decide first: a frame that blames or asks for help gives its type; a frame that only records
 * the problem leaves it to the problem's wording. The previous generator flipped a coin between 投诉
 * and 求助 for every problem, bare frames included, so the same words were taught both types.
 */

/** The type a frame's own words give a problem, or null when the frame only records it. */
export function frameVoice(frame: string): "complaint" | "help" | null {
  if (BLAMING_FRAME.test(frame)) return "complaint";
  if (HELPING_FRAME.test(frame)) return "help";
  return null;
}

/**
 * The type of a problem told without a blaming or helping frame: 举报 when its words tell a
 * violation, 投诉 when they blame someone's conduct, 求助 when they tell a need, else 投诉 (what
 * remains is mostly a business's, a unit's or a neighbour's doing told without naming the blame).
 */
export function problemType(
  text: string,
  leansHelp: boolean,
): Extract<DemandType, "complaint" | "help" | "report"> {
  if (leansHelp) return "help";
  if (VIOLATION.test(text)) return "report";
  if (CONDUCT.test(text)) return "complaint";
  return NEED.test(text) ? "help" : "complaint";
}
