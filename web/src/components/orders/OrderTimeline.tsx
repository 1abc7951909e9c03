import { Empty, Timeline, Typography } from "antd";
import type { Translate } from "../../i18n/context";
import { useT } from "../../i18n/context";
import { actionLabel, channelLabel, formatTime, label, messageKey } from "./format";
import type { OrderHistoryEvent } from "./types";

const ACTION_COLORS: Record<string, string> = {
  reject: "red",
  return: "red",
  rework: "red",
  reopen: "red",
  urge: "red",
  escalate: "orange",
  request_extension: "orange",
  reply: "green",
  solve_on_spot: "green",
  visit: "green",
  close: "green",
  verify: "green",
};

function actorOf(t: Translate, event: OrderHistoryEvent): string {
  if (event.actorRole === "system") return t("orders.history.system");
  if (event.actorRole === "caller") return t("orders.history.caller");
  const role = event.actorRole ? label(t, `role.${event.actorRole}`, event.actorRole) : "";
  return [event.actorName ?? role, event.unitName].filter(Boolean).join(" · ");
}

/** A line of what the event's data adds: the rating of a visit, the level of an escalation, … */
function detailOf(t: Translate, event: OrderHistoryEvent): string | null {
  const data = event.data ?? {};
  switch (event.action) {
    case "register":
      return typeof data.channel === "string" ? channelLabel(t, data.channel) : null;
    case "escalate":
      return typeof data.toLevel === "string" ? `→ ${label(t, `level.${data.toLevel}`, data.toLevel)}` : null;
    case "visit":
      return [
        typeof data.solved === "string" ? label(t, `orders.solved.${data.solved}`, data.solved) : null,
        typeof data.satisfied === "string"
          ? label(t, `orders.satisfied.${data.satisfied}`, data.satisfied)
          : null,
      ]
        .filter(Boolean)
        .join(" · ");
    case "merge":
      return typeof data.targetOrderNo === "string" ? `→ ${data.targetOrderNo}` : null;
    case "request_extension":
      return typeof data.workingDays === "number" ? `+${data.workingDays}` : null;
    default:
      return null;
  }
}

/** A note Minhu wrote, stored as a code with parameters: rendered in the reader's language. */
function messageOf(t: Translate, event: OrderHistoryEvent): string | null {
  const message = event.data?.message as
    | { code?: unknown; params?: Record<string, string | number> }
    | undefined;
  if (!message || typeof message.code !== "string") return null;
  const text = t(messageKey(`orders.message.${message.code}`), message.params ?? {});
  return text === `orders.message.${message.code}` ? message.code : text;
}

/**
 * 办理记录: the order's audit trail (GET /api/orders/:id `history`), newest last, each with who acted,
 * the unit, the note and what the action's data adds. Residents get it without staff names.
 */
export function OrderTimeline({
  history,
  newestFirst = false,
}: {
  history: OrderHistoryEvent[];
  newestFirst?: boolean;
}) {
  const t = useT();
  if (history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("orders.history.empty")} />;
  const events = newestFirst ? [...history].reverse() : history;
  return (
    <Timeline
      className="order-timeline"
      data-testid="order-timeline"
      items={events.map((event) => {
        const detail = detailOf(t, event);
        const actor = actorOf(t, event);
        const message = messageOf(t, event);
        return {
          key: event.id,
          color: ACTION_COLORS[event.action] ?? "blue",
          title: formatTime(event.at),
          content: (
            <div className="order-timeline__item" data-action={event.action}>
              <div>
                <strong>{actionLabel(t, event.action)}</strong>
                {detail && <span className="order-timeline__detail">{detail}</span>}
              </div>
              {actor && <div className="muted">{actor}</div>}
              {message && <div className="order-timeline__message">{message}</div>}
              {event.note && (
                <Typography.Paragraph
                  className="order-timeline__note"
                  ellipsis={{ rows: 3, expandable: true }}
                >
                  {event.note}
                </Typography.Paragraph>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
