import type { AppNotification, NotifyEvent } from "../../api/notifications";
import type { Role } from "../../auth/roles";
import type { Translate } from "../../i18n/context";

/** Every placeholder a notification text may use: one the server did not send renders empty. */
const EMPTY_PARAMS = {
  orderNo: "",
  title: "",
  dueAt: "",
  note: "",
  reply: "",
  link: "",
  code: "",
  minutes: "",
};

/** A notification's text in the reader's language, from its event code and parameters. */
export function notificationText(
  t: Translate,
  event: NotifyEvent,
  params: AppNotification["params"],
): string {
  return t(`notifications.event.${event}`, { ...EMPTY_PARAMS, ...params });
}

/** Where a role opens an order (its drawer, through `?order=`); null for roles with no order page. */
export function orderPathFor(role: Role, orderId: string): string | null {
  switch (role) {
    case "unit_handler":
      return `/unit?order=${orderId}`;
    case "dispatcher":
    case "staff":
      return `/command?order=${orderId}`;
    case "supervisor":
    case "leader":
      return `/supervision?order=${orderId}`;
    case "grid_worker":
      return `/grid/orders/${orderId}`;
    case "resident":
      return `/resident/orders/${orderId}`;
    default:
      return null;
  }
}
