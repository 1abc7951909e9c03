import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIME_LIMIT_RULES,
  type DemandType,
  pickRule,
  ruleProblem,
  type TimeLimitRule,
} from "./rules.js";

const days = (amount: number) => ({ unit: "working_days", amount }) as const;
const hours = (amount: number) => ({ unit: "calendar_hours", amount }) as const;

describe("default time limits", () => {
  it.each([
    ["consult", 2],
    ["help", 5],
    ["suggestion", 10],
    ["complaint", 15],
    ["report", 15],
    ["praise", 2],
  ] as const)("%s: sign within 120 working minutes, handle within %i working days", (type, amount) => {
    const rule = pickRule(DEFAULT_TIME_LIMIT_RULES, { categoryCode: "0301", type, urgent: false });
    expect(rule.responseMinutes).toBe(120);
    expect(rule.handling).toEqual(days(amount));
  });

  it("urgent orders of any type: sign within 30 minutes, handle within 24 hours", () => {
    const rule = pickRule(DEFAULT_TIME_LIMIT_RULES, { categoryCode: null, type: "help", urgent: true });
    expect(rule.responseMinutes).toBe(30);
    expect(rule.handling).toEqual(hours(24));
  });

  it("are all valid", () => {
    expect(DEFAULT_TIME_LIMIT_RULES.map(ruleProblem)).toEqual(DEFAULT_TIME_LIMIT_RULES.map(() => null));
  });
});

describe("picking the most specific rule", () => {
  const rule = (
    categoryPrefix: string | null,
    type: DemandType | null,
    amount: number,
    urgent = false,
  ): TimeLimitRule => ({
    categoryPrefix,
    type,
    urgent,
    responseMinutes: 120,
    handling: urgent ? hours(amount) : days(amount),
  });
  const rules = [
    rule(null, null, 5),
    rule(null, "complaint", 15),
    rule("03", null, 7),
    rule("03", "complaint", 10),
    rule("0301", null, 3),
    rule(null, null, 24, true),
    rule("03", null, 12, true),
  ];

  it.each<[string | null, DemandType, boolean, number, string]>([
    ["0301", "complaint", false, 3, "a longer prefix beats a type match"],
    ["0302", "complaint", false, 10, "prefix and type both match"],
    ["0302", "help", false, 7, "prefix only"],
    ["05", "complaint", false, 15, "type only"],
    ["05", "help", false, 5, "catch-all"],
    [null, "complaint", false, 15, "unclassified orders match only prefix-less rules"],
    ["0301", "help", true, 12, "urgent orders use urgent rules only"],
    ["05", "help", true, 24, "urgent catch-all"],
  ])("%s / %s / urgent %s → %i (%s)", (categoryCode, type, urgent, amount) => {
    expect(pickRule(rules, { categoryCode, type, urgent }).handling.amount).toBe(amount);
  });

  it("breaks a full tie by list order, so the result never depends on sorting", () => {
    const first = rule("03", "help", 4);
    const second = rule("03", "help", 6);
    expect(pickRule([first, second], { categoryCode: "03", type: "help", urgent: false })).toBe(first);
    expect(pickRule([second, first], { categoryCode: "03", type: "help", urgent: false })).toBe(second);
  });

  it("refuses to guess when no rule matches", () => {
    expect(() =>
      pickRule([rule("03", null, 7)], { categoryCode: "05", type: "help", urgent: false }),
    ).toThrow(/No time-limit rule/);
  });
});

describe("rule validation", () => {
  it.each([
    [{ responseMinutes: -1, handling: days(5) }, /responseMinutes/],
    [{ responseMinutes: 120, handling: days(1.5) }, /working_days/],
    [{ responseMinutes: 30, handling: hours(0) }, /calendar_hours/],
  ])("rejects %j", (fields, message) => {
    expect(ruleProblem({ categoryPrefix: null, type: null, urgent: false, ...fields })).toMatch(message);
  });
});
