/**
 * Time-limit rules (办理时限) as data: how long a unit has to sign for (签收) and to handle (办结) an order,
 * per category and demand type. Admins edit them; `pickRule` chooses the one that applies.
 */

import { DEMAND_TYPES, type DemandType } from "../demands/demand-types.js";

export { DEMAND_TYPES, type DemandType };

/**
 * The handling clock (办理时限): whole working days counted from the day after dispatch, or calendar hours
 * from the dispatch instant (urgent matters, which do not wait for office hours).
 */
export type HandlingLimit =
  | { readonly unit: "working_days"; readonly amount: number }
  | { readonly unit: "calendar_hours"; readonly amount: number };

/** One time-limit rule. `null` category prefix or type means "any". */
export interface TimeLimitRule {
  /** Matches categories whose code starts with this prefix: "03" matches "03", "0301" and "030105". */
  readonly categoryPrefix: string | null;
  readonly type: DemandType | null;
  /** Urgent (紧急) rules apply only to urgent orders, the others only to non-urgent ones. */
  readonly urgent: boolean;
  /** Response limit (签收时限): working minutes, or calendar minutes when `urgent`. */
  readonly responseMinutes: number;
  readonly handling: HandlingLimit;
}

/** What a rule is picked for: one order's category, type and urgency. */
export interface RuleQuery {
  /** Category code (诉求分类编码), or null while unclassified. */
  categoryCode: string | null;
  type: DemandType;
  urgent: boolean;
}

/** Sign within 2 working hours (2 个工作小时内签收). */
const RESPONSE_WORKING_MINUTES = 120;
/** Urgent orders: sign within 30 minutes, handle within 24 hours, around the clock. */
const URGENT_RESPONSE_MINUTES = 30;
const URGENT_HANDLING_HOURS = 24;

/** Handling working days per type; praise only needs acknowledging, hence as short as a consultation. */
const HANDLING_WORKING_DAYS: Record<DemandType, number> = {
  consult: 2,
  help: 5,
  suggestion: 10,
  complaint: 15,
  report: 15,
  praise: 2,
};

/** The platform defaults: one non-urgent rule per demand type and one urgent rule for everything. */
export const DEFAULT_TIME_LIMIT_RULES: readonly TimeLimitRule[] = [
  ...DEMAND_TYPES.map(
    (type): TimeLimitRule => ({
      categoryPrefix: null,
      type,
      urgent: false,
      responseMinutes: RESPONSE_WORKING_MINUTES,
      handling: { unit: "working_days", amount: HANDLING_WORKING_DAYS[type] },
    }),
  ),
  {
    categoryPrefix: null,
    type: null,
    urgent: true,
    responseMinutes: URGENT_RESPONSE_MINUTES,
    handling: { unit: "calendar_hours", amount: URGENT_HANDLING_HOURS },
  },
];

/** Why a rule is unusable, or null when it is valid. Working days must be whole; hours must be positive. */
export function ruleProblem(rule: TimeLimitRule): string | null {
  if (!Number.isFinite(rule.responseMinutes) || rule.responseMinutes < 0) {
    return "responseMinutes must be a non-negative number";
  }
  const { unit, amount } = rule.handling;
  if (unit === "working_days" && !(Number.isInteger(amount) && amount >= 0)) {
    return "working_days amount must be a non-negative integer";
  }
  if (unit === "calendar_hours" && !(Number.isFinite(amount) && amount > 0)) {
    return "calendar_hours amount must be a positive number";
  }
  return null;
}

function matches(rule: TimeLimitRule, query: RuleQuery): boolean {
  const prefix = rule.categoryPrefix ?? "";
  const categoryMatches = prefix === "" || (query.categoryCode?.startsWith(prefix) ?? false);
  return rule.urgent === query.urgent && categoryMatches && (rule.type === null || rule.type === query.type);
}

/** A longer category prefix always outranks a type match; a type match breaks ties between equal prefixes. */
function specificity(rule: TimeLimitRule): number {
  return (rule.categoryPrefix?.length ?? 0) * 2 + (rule.type === null ? 0 : 1);
}

/**
 * The rule for an order: among rules with the same urgency whose prefix and type match, the longest
 * category prefix wins, then a specific type over `null`; on a full tie the earlier rule in `rules` wins.
 * Throws when nothing matches — the rule table must always cover every order.
 */
export function pickRule(rules: readonly TimeLimitRule[], query: RuleQuery): TimeLimitRule {
  let best: TimeLimitRule | undefined;
  for (const rule of rules) {
    if (matches(rule, query) && (best === undefined || specificity(rule) > specificity(best))) best = rule;
  }
  if (best === undefined) {
    throw new Error(`No time-limit rule for ${JSON.stringify(query)}; the rule table must cover every order`);
  }
  return best;
}
