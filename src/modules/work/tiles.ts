import type { Role } from "../../db/schema.js";
import { OPEN_STATES, type OrderState } from "../orders/workflow/lifecycle.js";

/**
 * One 工作台 count as the order list it opens: the same query parameters as GET /api/orders, so the
 * count and the list are one query (`countOrders` and `listOrders` share it).
 */
export interface OrderTileQuery {
  state?: OrderState[];
  overdue?: true;
  supervised?: true;
  warning?: "yellow";
  held?: "mine";
  pendingExtension?: true;
}

/** A tile of a role's home: an order list (`query`), or the 研判预警 still undecided. */
export type WorkTile =
  | { key: string; kind: "orders"; tone: "default" | "warning" | "danger"; query: OrderTileQuery }
  | { key: "warnings"; kind: "warnings"; tone: "warning" };

const overdue: WorkTile = { key: "overdue", kind: "orders", tone: "danger", query: { overdue: true } };
/** 即将到期: past 75% of the handling limit (yellow), still being handled. */
const dueSoon: WorkTile = {
  key: "dueSoon",
  kind: "orders",
  tone: "warning",
  query: { warning: "yellow", state: ["dispatched", "handling"] },
};
/** 督办中: under supervision and not closed (the supervision page's tile and tab use the same). */
const supervised: WorkTile = {
  key: "supervised",
  kind: "orders",
  tone: "warning",
  query: { supervised: true, state: [...OPEN_STATES] },
};
const warnings: WorkTile = { key: "warnings", kind: "warnings", tone: "warning" };

/** Orders waiting in the caller's own jurisdiction in some states: the command centre's work. */
function held(key: string, state: OrderState[]): WorkTile {
  return { key, kind: "orders", tone: "default", query: { held: "mine", state } };
}

function inState(key: string, state: OrderState[]): WorkTile {
  return { key, kind: "orders", tone: "default", query: { state } };
}

/**
 * What each role's home shows, first what to do now, then what is late or about to be. Dispatchers
 * and staff accept, dispatch and verify at their level (held inside their jurisdiction) and approve
 * extensions; unit handlers sign and handle; grid workers act on what waits in their grid and follow
 * all that is open there; operators
 * make return visits; supervisors, leaders and administrators watch overdue and supervised orders.
 */
export function tilesFor(role: Role): WorkTile[] {
  switch (role) {
    case "dispatcher":
    case "staff":
      return [
        held("toAccept", ["registered"]),
        held("toDispatch", ["accepted"]),
        held("toVerify", ["replied"]),
        overdue,
        dueSoon,
        { key: "extension", kind: "orders", tone: "warning", query: { pendingExtension: true } },
        warnings,
      ];
    case "unit_handler":
      return [inState("toSign", ["dispatched"]), inState("handling", ["handling"]), overdue, dueSoon];
    case "grid_worker":
      // Everything still open in the grid is theirs to follow, whoever handles it (小事不出格).
      return [
        held("toHandle", ["registered", "accepted"]),
        inState("open", [...OPEN_STATES]),
        overdue,
        dueSoon,
      ];
    case "operator":
      return [inState("toVisit", ["verified"]), overdue];
    case "supervisor":
    case "leader":
    case "admin":
      return [overdue, supervised, dueSoon, warnings];
    case "resident":
      return [];
  }
}
