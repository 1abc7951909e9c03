import { describe, expect, it } from "vitest";
import { availableActions, PROJECT_ACTIONS, PROJECT_STATES, type ProjectState, step } from "./lifecycle.js";

describe("joint project lifecycle 立项 → 推进 → 解决/搁置", () => {
  it.each([
    ["set", "advance", "", "advancing"],
    ["set", "solve", "路灯已修复", "solved"],
    ["advancing", "solve", "已解决", "solved"],
    ["advancing", "shelve", "资金未落实", "shelved"],
    ["shelved", "resume", "资金到位", "advancing"],
    ["advancing", "report", "完成一半", "advancing"],
    ["set", "report", "已对接物业", "set"],
  ] as const)("%s --%s--> %s", (from, action, note, to) => {
    expect(step(from, action, note)).toEqual({
      ok: true,
      state: to,
      closed: to === "solved" || to === "shelved",
    });
  });

  it("refuses steps from the wrong state, and nothing leaves solved", () => {
    expect(step("solved", "resume", "x")).toEqual({ ok: false, reason: "illegal" });
    expect(step("advancing", "advance", "")).toEqual({ ok: false, reason: "illegal" });
    expect(step("shelved", "report", "x")).toEqual({ ok: false, reason: "illegal" });
    for (const action of PROJECT_ACTIONS) expect(step("solved", action, "note").ok).toBe(false);
  });

  it("requires a note to report, solve, shelve or resume", () => {
    expect(step("advancing", "solve", "  ")).toEqual({ ok: false, reason: "note_required" });
    expect(step("set", "report", "")).toEqual({ ok: false, reason: "note_required" });
  });

  it("offers exactly the steps that succeed", () => {
    for (const state of PROJECT_STATES as readonly ProjectState[])
      for (const action of PROJECT_ACTIONS)
        expect(availableActions(state).includes(action)).toBe(step(state, action, "note").ok);
  });
});
