import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import type { DemandType } from "../time-limits/rules.js";
import { getDefaultClassifier } from "./classify/index.js";

export interface Classified {
  categoryCode: string | null;
  categoryName: string | null;
  type: DemandType;
  urgent: boolean;
  candidates: { code: string; name: string; score: number }[];
}

/**
 * The submitter's choices win; what they left out comes from the classifier. An unknown category
 * code is an input error, not something to guess around.
 */
export function classifyDemand(
  ctx: AppContext,
  submission: { content: string; categoryCode?: string; type?: DemandType; urgent?: boolean },
): Classified {
  const prediction = getDefaultClassifier().classify(submission.content);
  let chosen = prediction.candidates[0] ?? null;
  if (submission.categoryCode) {
    const name = ctx.catalogue.activeCategoryName(submission.categoryCode);
    if (name === undefined)
      throw fail("VALIDATION_FAILED", { detail: `unknown categoryCode ${submission.categoryCode}` });
    chosen = { code: submission.categoryCode, name, score: 1 };
  }
  return {
    categoryCode: chosen?.code ?? null,
    categoryName: chosen?.name ?? null,
    type: submission.type ?? prediction.type,
    urgent: submission.urgent ?? prediction.urgent,
    candidates: prediction.candidates,
  };
}
