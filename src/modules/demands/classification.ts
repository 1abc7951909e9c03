import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import { activeRoutingModel } from "../routing/model/active.js";
import type { RouteCandidate } from "../routing/model/router.js";
import type { Danger } from "../routing/safety.js";
import type { DemandType } from "../time-limits/rules.js";

export interface Classified {
  categoryCode: string | null;
  categoryName: string | null;
  type: DemandType;
  urgent: boolean;
  /** The dangers the safety layer read in the text: urgent whatever the submitter chose. */
  dangers: Danger[];
  candidates: RouteCandidate[];
  /** The routing model's own suggestion, kept to measure how often people accept it. */
  suggestedCode: string | null;
  modelVersion: string;
}

/**
 * The submitter's choices win; what they left out comes from the routing model. An unknown category
 * code is an input error, not something to guess around. A danger to life or property makes the
 * demand urgent even when the submitter left urgency off: missing one costs more than a false alarm.
 */
export function classifyDemand(
  ctx: AppContext,
  submission: { content: string; categoryCode?: string; type?: DemandType; urgent?: boolean },
): Classified {
  const suggestion = activeRoutingModel().suggest(submission.content);
  const suggested = suggestion.candidates[0] ?? null;
  let chosen: { code: string; name: string } | null = suggested;
  if (submission.categoryCode) {
    const name = ctx.catalogue.activeCategoryName(submission.categoryCode);
    if (name === undefined)
      throw fail("VALIDATION_FAILED", { detail: `unknown categoryCode ${submission.categoryCode}` });
    chosen = { code: submission.categoryCode, name };
  }
  return {
    categoryCode: chosen?.code ?? null,
    categoryName: chosen?.name ?? null,
    type: submission.type ?? suggestion.type,
    urgent: (submission.urgent ?? suggestion.urgent) || suggestion.dangers.length > 0,
    dangers: suggestion.dangers,
    candidates: suggestion.candidates,
    suggestedCode: suggested?.code ?? null,
    modelVersion: suggestion.modelVersion,
  };
}
