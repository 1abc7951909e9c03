import { Badge, Tooltip } from "antd";
import type { LiveStatus } from "../hooks/useOrderEvents";
import { useT } from "../i18n/context";

/** Whether the page is following the live stream, reconnecting, or polling instead. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  const t = useT();
  const badge = { live: "processing", connecting: "warning", polling: "default" } as const;
  return (
    <Tooltip title={t(`live.${status}.hint`)}>
      <span className="live-badge" data-testid="live-status" data-status={status}>
        <Badge status={badge[status]} text={t(`live.${status}`)} />
      </span>
    </Tooltip>
  );
}
