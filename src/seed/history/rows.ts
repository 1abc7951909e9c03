/** The rows one order leaves in the database, as the history builds them (see timeline.ts). */
import type { HandlingLevel } from "../../db/schema.js";
import type { OrderState } from "../../modules/orders/workflow/lifecycle.js";
import type { DemandType } from "../../modules/time-limits/rules.js";
import type { Disposition } from "./texts.js";
import type { Staff } from "./world.js";

export type Solved = "solved" | "partly" | "unsolved";
export type Satisfied = "satisfied" | "basically" | "unsatisfied";

/** The order's columns (ids of other orders are indexes into the history until it is stored). */
export interface OrderRow {
  channel: string;
  channel_fields: Record<string, unknown>;
  demand_type: DemandType;
  category_code: string;
  urgent: boolean;
  ledger: string;
  title: string;
  content: string;
  /** Distinct words, space-separated, as intake stores them (for duplicate suggestions). */
  terms: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  region_code: string;
  grid_code: string;
  community_code: string;
  street_code: string;
  caller_name: string | null;
  confidential: boolean;
  submitted_by: number | null;
  resident_id: number | null;
  state: OrderState;
  handling_level: HandlingLevel;
  holder_region_code: string;
  main_unit_id: number | null;
  route: Record<string, unknown>;
  version: number;
  merged_into: number | null;
  solved_on_spot: boolean;
  disposition: Disposition | null;
  reply_text: string | null;
  accepted_at: Date | null;
  dispatched_at: Date | null;
  signed_at: Date | null;
  replied_at: Date | null;
  closed_at: Date | null;
  response_due_at: Date | null;
  handling_due_at: Date | null;
  original_handling_due_at: Date | null;
  warning_level: string;
  supervised_at: Date | null;
  reopen_count: number;
  return_count: number;
  urge_count: number;
  created_at: Date;
  updated_at: Date;
}

export interface ExtensionRow {
  unit_id: number | null;
  requested_by: number;
  working_days: number;
  reason: string;
  state: "pending" | "approved" | "rejected";
  decided_by: number | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

export interface EventRow {
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: number | null;
  actor_role: string;
  unit_id: number | null;
  note: string | null;
  data: Record<string, unknown>;
  at: Date;
  /** Ids known only when stored: the order merged into, the extension request. */
  refs?: { targetOrder?: number; extension?: ExtensionRow };
}

export interface AssignmentRow {
  unit_id: number;
  role: "main" | "assist";
  assigned_at: Date;
  signed_at: Date | null;
  replied_at: Date | null;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface VisitRow {
  round: number;
  state: "pending" | "done";
  method: "online" | "phone" | null;
  solved: Solved | null;
  satisfied: Satisfied | null;
  comment: string | null;
  visited_by: number | null;
  visited_at: Date | null;
  created_at: Date;
}

export interface RatingRow {
  unit_id: number;
  right_unit: boolean;
  reasonable: boolean;
  rated_by: number;
  created_at: Date;
}

/** Who acts: a demo account, or nobody (the system, a resident without an account, the rating link). */
export type Actor = Staff | { id: null; role: "system" | "resident" | "caller"; unitId: null };
export const SYSTEM: Actor = { id: null, role: "system", unitId: null };
export const CALLER_LINK: Actor = { id: null, role: "caller", unitId: null };
