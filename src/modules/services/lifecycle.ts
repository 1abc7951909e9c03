/**
 * 办件流程 An application's life as data, like the order lifecycle: submitted to the community
 * (社区审核), passed on to the street (街道审核) when the service asks for it, sent back for more
 * material (补正) and resubmitted, approved (办结) or refused with a reason (不予办理), or withdrawn
 * by the applicant. `step` is the only reader of this table; the repository is the only writer.
 */
import type { ReviewLevel } from "./definition.js";

export const APPLICATION_STATES = [
  "community_review",
  "street_review",
  "supplement",
  "approved",
  "refused",
  "withdrawn",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = ["approve", "request_more", "refuse", "supplement", "withdraw"] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Who takes a step: the resident who applied, or the reviewer of the level holding the application. */
export type StepBy = "applicant" | "reviewer";

interface StepRule {
  from: readonly ApplicationState[];
  by: StepBy;
  /** A fixed next state; absent where it depends on the level (approve, supplement). */
  to?: ApplicationState;
  /** A note is required: what to add (补正), why refused. */
  note: boolean;
}

const REVIEWING: readonly ApplicationState[] = ["community_review", "street_review"];

export const APPLICATION_LIFECYCLE: Record<ApplicationAction, StepRule> = {
  approve: { from: REVIEWING, by: "reviewer", note: false },
  request_more: { from: REVIEWING, by: "reviewer", to: "supplement", note: true },
  refuse: { from: REVIEWING, by: "reviewer", to: "refused", note: true },
  supplement: { from: ["supplement"], by: "applicant", note: false },
  withdraw: { from: ["community_review", "supplement"], by: "applicant", to: "withdrawn", note: false },
};

const CLOSED: readonly ApplicationState[] = ["approved", "refused", "withdrawn"];

export function isClosed(state: ApplicationState): boolean {
  return CLOSED.includes(state);
}

const reviewStateOf = (level: ReviewLevel): ApplicationState =>
  level === "street" ? "street_review" : "community_review";

/** Where an application stands: its state and the level that holds it. */
export interface Position {
  state: ApplicationState;
  level: ReviewLevel;
}

export type StepOutcome =
  | { ok: true; state: ApplicationState; level: ReviewLevel; closed: boolean; final: boolean }
  | { ok: false; reason: "illegal" | "not_yours" | "note_required" };

/**
 * The position a step leads to, or why it may not be taken. An approval at the community passes
 * the application on to the street when the service's levels include it, and is final otherwise;
 * a supplement returns it to the level that asked for more.
 */
export function step(
  position: Position,
  action: ApplicationAction,
  context: { by: StepBy; levels: readonly ReviewLevel[]; note: string },
): StepOutcome {
  const rule = APPLICATION_LIFECYCLE[action];
  if (!rule.from.includes(position.state)) return { ok: false, reason: "illegal" };
  if (rule.by !== context.by) return { ok: false, reason: "not_yours" };
  if (rule.note && context.note.trim() === "") return { ok: false, reason: "note_required" };
  let { level } = position;
  let state: ApplicationState;
  if (action === "approve") {
    const next = context.levels[context.levels.indexOf(level) + 1];
    if (next) level = next;
    state = next ? reviewStateOf(next) : "approved";
  } else if (action === "supplement") {
    state = reviewStateOf(level);
  } else {
    state = rule.to ?? position.state;
  }
  return { ok: true, state, level, closed: isClosed(state), final: state === "approved" };
}

/** The steps open to this party in this state, for the buttons the page shows. */
export function availableActions(state: ApplicationState, by: StepBy): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter(
    (action) => APPLICATION_LIFECYCLE[action].by === by && APPLICATION_LIFECYCLE[action].from.includes(state),
  );
}
