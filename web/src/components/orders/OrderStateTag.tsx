import { Tag } from "antd";
import { useT } from "../../i18n/context";
import { stateLabel } from "./format";
import type { OrderState } from "./types";

const STATE_COLORS: Record<OrderState, string> = {
  registered: "blue",
  accepted: "geekblue",
  rejected: "default",
  dispatched: "purple",
  handling: "processing",
  replied: "cyan",
  verified: "gold",
  visited: "green",
  closed: "success",
  merged: "default",
};

/** 工单状态: the lifecycle state as a coloured tag (`data-state` carries the raw state for tests). */
export function OrderStateTag({ state }: { state: OrderState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLORS[state] ?? "default"} data-state={state} className="order-state-tag">
      {stateLabel(t, state)}
    </Tag>
  );
}
