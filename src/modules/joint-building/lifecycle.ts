/**
 * 共建项目 a joint project's life as data: 立项 (set) → 推进 (advancing) → 解决 (solved) or 搁置
 * (shelved), a shelved project resumed, and progress reports that record without moving. `step` is
 * the only reader of this table and the project repository the only writer of a project's state.
 */
export const PROJECT_STATES = ["set", "advancing", "solved", "shelved"] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_ACTIONS = ["advance", "report", "solve", "shelve", "resume"] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

interface StepRule {
  from: readonly ProjectState[];
  /** The state it leads to; absent for a progress report, which only records. */
  to?: ProjectState;
  /** A note is required: what was done, why it is solved or shelved. */
  note: boolean;
}

export const PROJECT_LIFECYCLE: Record<ProjectAction, StepRule> = {
  advance: { from: ["set"], to: "advancing", note: false },
  report: { from: ["set", "advancing"], note: true },
  solve: { from: ["set", "advancing"], to: "solved", note: true },
  shelve: { from: ["set", "advancing"], to: "shelved", note: true },
  resume: { from: ["shelved"], to: "advancing", note: true },
};

/** A project that is over: counted as solved or shelved, and given a closing date. */
export function isClosed(state: ProjectState): boolean {
  return state === "solved" || state === "shelved";
}

export type StepOutcome =
  | { ok: true; state: ProjectState; closed: boolean }
  | { ok: false; reason: "illegal" | "note_required" };

/** The state a step leads to from `state`, or why it may not be taken. */
export function step(state: ProjectState, action: ProjectAction, note: string): StepOutcome {
  const rule = PROJECT_LIFECYCLE[action];
  if (!rule.from.includes(state)) return { ok: false, reason: "illegal" };
  if (rule.note && note.trim() === "") return { ok: false, reason: "note_required" };
  const next = rule.to ?? state;
  return { ok: true, state: next, closed: isClosed(next) };
}

/** The steps open to a project in `state`, for the buttons the page shows. */
export function availableActions(state: ProjectState): ProjectAction[] {
  return PROJECT_ACTIONS.filter((action) => PROJECT_LIFECYCLE[action].from.includes(state));
}
