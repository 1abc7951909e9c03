import { DEMAND_TYPES, type DemandType, ruleProblem, type TimeLimitRule } from "./rules.js";

/** A problem of a rule table: the rule's position in the list, or null for the table as a whole. */
export interface RuleTableProblem {
  index: number | null;
  problem: string;
}

/**
 * The columns are whole numbers with CHECK (> 0), stricter than `ruleProblem` (which allows 0 and
 * fractional hours), so a rule must pass both to be stored.
 */
function storageProblem(rule: TimeLimitRule): string | null {
  if (!Number.isInteger(rule.responseMinutes) || rule.responseMinutes < 1)
    return "responseMinutes must be a whole number ≥ 1";
  if (!Number.isInteger(rule.handling.amount) || rule.handling.amount < 1)
    return "handling amount must be a whole number ≥ 1";
  return null;
}

const keyOf = (rule: TimeLimitRule) => `${rule.categoryPrefix ?? "*"}/${rule.type ?? "*"}/${rule.urgent}`;

/** Rules that can never apply: an earlier rule with the same prefix, type and urgency always wins the tie. */
function duplicateProblems(rules: readonly TimeLimitRule[]): RuleTableProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: RuleTableProblem[] = [];
  rules.forEach((rule, index) => {
    const first = firstIndex.get(keyOf(rule));
    if (first === undefined) {
      firstIndex.set(keyOf(rule), index);
    } else {
      problems.push({ index, problem: `duplicates rule ${first} (same category prefix, type and urgency)` });
    }
  });
  return problems;
}

/**
 * `pickRule` throws when nothing matches, so every order must be covered: for each demand type a
 * catch-all (no category prefix) non-urgent rule and an urgent one, of that type or of any type.
 */
function coverageProblems(rules: readonly TimeLimitRule[]): RuleTableProblem[] {
  const covers = (type: DemandType, urgent: boolean) =>
    rules.some(
      (r) => r.categoryPrefix === null && r.urgent === urgent && (r.type === null || r.type === type),
    );
  const problems: RuleTableProblem[] = [];
  for (const urgent of [false, true]) {
    const missing = DEMAND_TYPES.filter((type) => !covers(type, urgent));
    if (missing.length > 0) {
      const kind = urgent ? "urgent" : "non-urgent";
      problems.push({
        index: null,
        problem: `no ${kind} rule without category prefix covers ${missing.join(", ")}`,
      });
    }
  }
  return problems;
}

/**
 * Everything wrong with a rule table an admin wants to save (办理时限配置), or [] when it may replace
 * the current one: invalid or unstorable rules, unknown category prefixes, duplicates, gaps.
 */
export function ruleTableProblems(
  rules: readonly TimeLimitRule[],
  isCategory: (code: string) => boolean,
): RuleTableProblem[] {
  const ruleProblems = rules.flatMap((rule, index): RuleTableProblem[] => {
    const problem = ruleProblem(rule) ?? storageProblem(rule);
    const unknown = rule.categoryPrefix !== null && !isCategory(rule.categoryPrefix);
    return [
      ...(problem ? [{ index, problem }] : []),
      ...(unknown ? [{ index, problem: `unknown category ${rule.categoryPrefix}` }] : []),
    ];
  });
  return [...ruleProblems, ...duplicateProblems(rules), ...coverageProblems(rules)];
}
