import type { Static, TObject } from "@sinclair/typebox";
import type { Transaction } from "kysely";
import { LOG_ONLY } from "../../../config.js";
import type { DB, NewOrder, Order } from "../../../db/schema.js";
import type { Actor } from "../../../platform/auth/permissions.js";
import type { TokenSigner } from "../../../platform/privacy/tokens.js";
import type { TimeLimits } from "../../time-limits/service.js";
import type { SystemMessage } from "../messages.js";
import type { OrderAction } from "../workflow/lifecycle.js";

/**
 * What code inside an order's transaction may use: the transaction, the instant of the change and
 * services that never query. Never the outer database: on PGlite's one connection it would wait forever.
 */
export interface OrderTx {
  trx: Transaction<DB>;
  now: Date;
  timeLimits: TimeLimits;
  tokens: TokenSigner;
  /** Where links sent to callers (the rating link) point. */
  publicUrl: string;
}

/** The services an order transaction is built from (the app's context satisfies it). */
export interface OrderServices {
  now: () => Date;
  timeLimits: TimeLimits;
  tokens: TokenSigner;
  notify?: { publicUrl: string };
}

/** The narrow scope for one transaction, taken from the services at its start. */
export function orderTx(trx: Transaction<DB>, services: OrderServices): OrderTx {
  return {
    trx,
    now: services.now(),
    timeLimits: services.timeLimits,
    tokens: services.tokens,
    publicUrl: services.notify?.publicUrl ?? LOG_ONLY.publicUrl,
  };
}

/** Everything an action's effect may use: the transaction scope, the locked order and who acts. */
export interface ActionScope extends OrderTx {
  /** null for the system (deadline sweeps, automatic closing). */
  actor: Actor | null;
  order: Order;
}

/** What an action changes besides the state: columns, the event's note and data, and follow-ups. */
export interface ActionOutcome {
  patch?: Partial<Omit<NewOrder, "id" | "version" | "state">>;
  note?: string | null;
  data?: Record<string, unknown>;
  /** The unit the event is attributed to (the acting unit, or the one dispatched to). */
  unitId?: number | null;
  /** A note written by Minhu, stored as a code and rendered in the reader's language. */
  message?: SystemMessage;
  /** Runs after the order row is written, in the same transaction (return visits). */
  after?: (updated: Order) => Promise<void>;
  /** A system action that follows at once on this order (a satisfied visit closes it). */
  chain?: { action: OrderAction; message: SystemMessage };
  /** A system action taken on every order merged into this one (they hear the reply, close with it). */
  cascade?: "share_reply" | "share_close";
  /** Nothing to change (refiling into the ledger the order is already in): no write, no event. */
  unchanged?: boolean;
  /** Extra fields returned to the caller. */
  result?: Record<string, unknown>;
}

export interface ActionDefinition<S extends TObject = TObject> {
  /** The action's input, validated before anything runs. */
  input: S;
  summary: string;
  effect: (scope: ActionScope, input: Static<S>) => Promise<ActionOutcome>;
}

/**
 * Declares an action with its input schema and effect, keeping their types tied together where it is
 * written; the executor sees them through the erased type, having validated the input by the schema.
 */
export function defineAction<S extends TObject>(definition: ActionDefinition<S>): ActionDefinition {
  return definition as unknown as ActionDefinition;
}
