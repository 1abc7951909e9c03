import { ClockCircleOutlined, WarningFilled } from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useT } from "../../i18n/context";
import { formatSpan, formatTime, isOpen } from "./format";
import type { Order } from "./types";

export type DeadlineLevel = "none" | "yellow" | "red";

/**
 * The warning level of an order's handling deadline (办理时限): the server's `warningLevel` (yellow at
 * 75 % of the limit, red when overdue), or red when the deadline has passed since the last sweep.
 */
export function deadlineLevel(
  order: Pick<Order, "handlingDueAt" | "warningLevel" | "repliedAt">,
  now = Date.now(),
): DeadlineLevel {
  if (!order.handlingDueAt || order.repliedAt) return "none";
  if (order.warningLevel === "red" || new Date(order.handlingDueAt).getTime() < now) return "red";
  return order.warningLevel === "yellow" ? "yellow" : "none";
}

interface DeadlineBadgeProps {
  order: Pick<Order, "state" | "handlingDueAt" | "warningLevel" | "repliedAt">;
  /** Show "no clock yet" for open orders without a deadline (lists); otherwise nothing. */
  showNone?: boolean;
}

/**
 * 办理时限 as a tag: time left, yellow when due soon, red when overdue; nothing once replied or finished.
 * `data-warning` carries the level (none | yellow | red) for tests and styling.
 */
export function DeadlineBadge({ order, showNone = false }: DeadlineBadgeProps) {
  const t = useT();
  if (!isOpen(order) || order.repliedAt) return null;
  if (!order.handlingDueAt) {
    return showNone ? (
      <Tag icon={<ClockCircleOutlined />} data-warning="none" className="deadline-badge">
        {t("orders.deadline.none")}
      </Tag>
    ) : null;
  }
  const level = deadlineLevel(order);
  const left = new Date(order.handlingDueAt).getTime() - Date.now();
  const text =
    left < 0
      ? t("orders.deadline.overdue", { time: formatSpan(t, left) })
      : t("orders.deadline.remaining", { time: formatSpan(t, left) });
  const color = level === "red" ? "error" : level === "yellow" ? "warning" : "default";
  return (
    <Tooltip title={t("orders.deadline.due", { time: formatTime(order.handlingDueAt) })}>
      <Tag
        color={color}
        icon={level === "none" ? <ClockCircleOutlined /> : <WarningFilled />}
        data-warning={level}
        className="deadline-badge"
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
