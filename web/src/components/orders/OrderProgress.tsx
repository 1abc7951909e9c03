import { Steps } from "antd";
import type { MessageKey } from "../../i18n/context";
import { useT } from "../../i18n/context";
import { formatTime } from "./format";
import type { Order, OrderState, TrackResult } from "./types";

export type ProgressStage = TrackResult["progress"][number]["stage"];
export type ProgressEntry = TrackResult["progress"][number];

const STAGE_TITLES: Record<ProgressStage, MessageKey> = {
  registered: "orders.progress.submitted",
  accepted: "orders.progress.accepted",
  dispatched: "orders.progress.dispatched",
  handling: "orders.progress.handling",
  replied: "orders.progress.replied",
  closed: "orders.progress.closed",
};

const STAGE_DESCRIPTIONS: Record<ProgressStage, MessageKey> = {
  registered: "orders.progress.submitted.desc",
  accepted: "orders.progress.accepted.desc",
  dispatched: "orders.progress.dispatched.desc",
  handling: "orders.progress.handling.desc",
  replied: "orders.progress.replied.desc",
  closed: "orders.progress.closed.desc",
};

/** The resident's six stages (提交 → 受理 → 派单 → 办理 → 答复 → 回访办结) from an order's timestamps. */
export function progressOf(
  order: Pick<Order, "createdAt" | "acceptedAt" | "dispatchedAt" | "signedAt" | "repliedAt" | "closedAt">,
): ProgressEntry[] {
  return [
    { stage: "registered", at: order.createdAt },
    { stage: "accepted", at: order.acceptedAt },
    { stage: "dispatched", at: order.dispatchedAt },
    { stage: "handling", at: order.signedAt },
    { stage: "replied", at: order.repliedAt },
    { stage: "closed", at: order.closedAt },
  ];
}

interface OrderProgressProps {
  state: OrderState;
  progress: ProgressEntry[];
  orientation?: "horizontal" | "vertical";
  size?: "small" | "medium";
}

/**
 * 办理进度 in plain words for callers: each stage with when it was reached. Stages jumped over (a grid
 * worker solving on the spot skips dispatch) read "skipped"; a rejected demand ends in red; a merged
 * one says it is handled together with the same demand.
 */
export function OrderProgress({
  state,
  progress,
  orientation = "vertical",
  size = "small",
}: OrderProgressProps) {
  const t = useT();
  // A rejection also stamps closedAt: it ends the demand without it being handled.
  const entries =
    state === "rejected" ? progress.map((e) => (e.stage === "closed" ? { ...e, at: null } : e)) : progress;
  const reached = entries.reduce((last, entry, index) => (entry.at ? index : last), 0);
  const items = entries.map((entry, index) => {
    const title = t(STAGE_TITLES[entry.stage]);
    if (index <= reached) {
      return {
        title,
        status: "finish" as const,
        content: entry.at
          ? `${t(STAGE_DESCRIPTIONS[entry.stage])} · ${formatTime(entry.at)}`
          : t("orders.progress.skipped"),
      };
    }
    if (index === reached + 1) {
      if (state === "rejected") return { title: t("orders.progress.rejected"), status: "error" as const };
      if (state === "merged")
        return { title, status: "process" as const, content: t("orders.progress.merged") };
      return { title, status: "process" as const };
    }
    return { title, status: "wait" as const };
  });
  const current = Math.min(reached + 1, items.length - 1);
  return (
    <Steps
      className="order-progress"
      orientation={orientation}
      size={size}
      current={current}
      items={items}
      data-testid="order-progress"
      data-state={state}
    />
  );
}
