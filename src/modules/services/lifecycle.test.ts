import { describe, expect, it } from "vitest";
import { checkAnswers, type ServiceField } from "./definition.js";
import { availableActions, step } from "./lifecycle.js";

const ONE = ["community"] as const;
const TWO = ["community", "street"] as const;

describe("an application's lifecycle", () => {
  it.each([
    ["community_review", "community", "approve", "reviewer", ONE, "approved", "community"],
    ["community_review", "community", "approve", "reviewer", TWO, "street_review", "street"],
    ["street_review", "street", "approve", "reviewer", TWO, "approved", "street"],
    ["street_review", "street", "request_more", "reviewer", TWO, "supplement", "street"],
    ["supplement", "street", "supplement", "applicant", TWO, "street_review", "street"],
    ["supplement", "community", "withdraw", "applicant", ONE, "withdrawn", "community"],
  ] as const)("%s at the %s: %s by the %s → %s", (state, level, action, by, levels, to, toLevel) => {
    expect(step({ state, level }, action, { by, levels, note: "补充签字页" })).toMatchObject({
      ok: true,
      state: to,
      level: toLevel,
    });
  });

  it("refuses steps out of turn, by the wrong party, or without the note they need", () => {
    const at = { state: "community_review", level: "community" } as const;
    expect(step(at, "supplement", { by: "applicant", levels: ONE, note: "" })).toEqual({
      ok: false,
      reason: "illegal",
    });
    expect(step(at, "approve", { by: "applicant", levels: ONE, note: "" })).toEqual({
      ok: false,
      reason: "not_yours",
    });
    expect(step(at, "refuse", { by: "reviewer", levels: ONE, note: "  " })).toEqual({
      ok: false,
      reason: "note_required",
    });
    expect(
      step({ state: "approved", level: "community" }, "refuse", { by: "reviewer", levels: ONE, note: "x" }),
    ).toEqual({ ok: false, reason: "illegal" });
  });

  it("offers each party only its own buttons", () => {
    expect(availableActions("community_review", "reviewer")).toEqual(["approve", "request_more", "refuse"]);
    expect(availableActions("supplement", "applicant")).toEqual(["supplement", "withdraw"]);
    expect(availableActions("approved", "applicant")).toEqual([]);
  });
});

describe("answers against a service's fields", () => {
  const fields: ServiceField[] = [
    { key: "people", label: "人数", labelEn: "People", type: "number", required: true },
    { key: "day", label: "日期", labelEn: "Day", type: "date", required: false },
    {
      key: "slot",
      label: "时段",
      labelEn: "Slot",
      type: "choice",
      required: true,
      options: ["上午", "下午"],
    },
  ];

  it("keeps typed answers and refuses what does not fit", () => {
    expect(checkAnswers(fields, { people: "12", slot: "上午" })).toEqual({
      ok: true,
      answers: { people: 12, slot: "上午" },
    });
    expect(checkAnswers(fields, { people: 3, slot: "夜里" }).ok).toBe(false);
    expect(checkAnswers(fields, { people: 3, slot: "上午", day: "2026-13-01" }).ok).toBe(false);
    expect(checkAnswers(fields, { slot: "上午" }).ok).toBe(false);
    expect(checkAnswers(fields, { people: 3, slot: "上午", extra: "x" }).ok).toBe(false);
  });
});
