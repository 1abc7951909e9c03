import type { OrderAction, RecordAction } from "../workflow/lifecycle.js";
import { close, merge, reopen, rework, urge, verify, visit } from "./closing.js";
import { accept, dispatch, escalate, reject, returnOrder, sign, transfer } from "./dispatching.js";
import { decideExtension, rateDispatch, reply, requestExtension, solveOnSpot } from "./handling.js";
import { cityUpdate, shareClose, shareReply, supervise, warn } from "./system.js";
import type { ActionDefinition } from "./types.js";

/**
 * Every lifecycle action's input schema and effect, keyed like the lifecycle table; the recorded ones
 * (refiling, spot checks) are defined by the ledgers and supervision modules that own what they record.
 */
export const ACTION_DEFINITIONS: Record<Exclude<OrderAction, RecordAction>, ActionDefinition> = {
  accept,
  reject,
  escalate,
  dispatch,
  solve_on_spot: solveOnSpot,
  sign,
  return: returnOrder,
  transfer,
  request_extension: requestExtension,
  decide_extension: decideExtension,
  reply,
  verify,
  rework,
  visit,
  reopen,
  close,
  merge,
  urge,
  rate_dispatch: rateDispatch,
  warn,
  supervise,
  share_reply: shareReply,
  share_close: shareClose,
  city_update: cityUpdate,
};
