/**
 * Shared work-order pieces for every role's pages. Everything here is driven by the server: buttons
 * come from `order.actions`, texts from the i18n tables, shapes from `types.ts`.
 *
 * - `OrderStateTag`      the lifecycle state as a tag
 * - `DeadlineBadge`      办理时限 with yellow/red warning (`deadlineLevel()` for sorting/colouring)
 * - `OrderProgress`      the caller's plain-words stages (提交→受理→派单→办理→答复→回访办结); `progressOf()`
 * - `OrderTimeline`      the audit history (办理记录)
 * - `OrderActionBar`     buttons for `order.actions`, each opening `OrderActionDialog`
 * - `OrderActionDialog`  one action's form and POST /api/orders/:id/actions/<action>
 * - `OrderHeadline`, `OrderSummary`  number + tags, and the descriptions of an order
 * - `OrderCard`          a compact card for phone lists
 * - `OrderDetailPanel`   load one order by id: headline, actions, summary, history
 * - `ordersApi`, `newIdempotencyKey`, the types, and the label helpers in `format.ts`
 */
import "./orders.css";

export { ActionFields, cleanInput, ReplyFields, VisitFields } from "./ActionFields";
export { type ActedOrder, countOrders, newIdempotencyKey, ordersApi } from "./api";
export { DeadlineBadge, type DeadlineLevel, deadlineLevel } from "./DeadlineBadge";
export * from "./format";
export { OrderActionBar, OrderActionDialog } from "./OrderActions";
export { OrderCard } from "./OrderCard";
export { OrderDetailPanel } from "./OrderDetailPanel";
export { OrderProgress, type ProgressEntry, progressOf } from "./OrderProgress";
export { OrderStateTag } from "./OrderStateTag";
export { OrderHeadline, OrderSummary } from "./OrderSummary";
export { OrderTimeline } from "./OrderTimeline";
export * from "./types";
export { useCategoryName } from "./useCategoryName";
export { type NormalisedRoute, normaliseRoute, useRoutingSuggestion } from "./useRoutingSuggestion";
export { loadUnits, useUnits } from "./useUnits";
