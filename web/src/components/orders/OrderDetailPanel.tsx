import { Alert, Button, Card, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useCallback } from "react";
import { ApiError } from "../../api/client";
import { useRequest } from "../../api/useRequest";
import { useT } from "../../i18n/context";
import { type ActedOrder, ordersApi } from "./api";
import { OrderActionBar } from "./OrderActions";
import { OrderHeadline, OrderSummary } from "./OrderSummary";
import { OrderTimeline } from "./OrderTimeline";
import type { OrderAction, OrderDetail } from "./types";

interface OrderDetailPanelProps {
  orderId: string;
  /** Called after an action succeeded (the panel reloads itself too). */
  onChanged?: (order: ActedOrder, action: OrderAction) => void;
  exclude?: readonly OrderAction[];
  /** Stack the action buttons full width (phones). */
  mobile?: boolean;
  /** Rendered between the summary and the history, with the loaded order. */
  children?: (order: OrderDetail) => ReactNode;
}

/**
 * One order for staff: headline, summary, the actions the server allows now and the full history.
 * Loads GET /api/orders/:id and reloads after every action (or when someone else changed it first).
 */
export function OrderDetailPanel({
  orderId,
  onChanged,
  exclude,
  mobile = false,
  children,
}: OrderDetailPanelProps) {
  const t = useT();
  const detail = useRequest((signal) => ordersApi.get(orderId, signal), [orderId]);
  const { reload } = detail;
  const changed = useCallback(
    (order: ActedOrder, action: OrderAction) => {
      reload();
      onChanged?.(order, action);
    },
    [reload, onChanged],
  );

  if (detail.loading && !detail.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.error) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Alert
        type="error"
        showIcon
        title={missing ? t("orders.detail.notFound") : t("error.loadFailed")}
        description={missing ? undefined : detail.error.message}
        action={
          missing ? undefined : (
            <Button size="small" onClick={reload}>
              {t("common.retry")}
            </Button>
          )
        }
      />
    );
  }
  const order = detail.data;
  if (!order) return null;
  return (
    <div
      className="order-detail"
      data-testid="order-detail"
      data-state={order.state}
      data-version={order.version}
    >
      <Card size="small" className="order-detail__card">
        <OrderHeadline order={order} />
        <div className="order-detail__actions">
          <OrderActionBar
            order={order}
            onChanged={changed}
            onStale={reload}
            exclude={exclude}
            block={mobile}
            empty={<span className="muted">{t("orders.actions.none")}</span>}
          />
        </div>
      </Card>
      <Card size="small" className="order-detail__card">
        <OrderSummary order={order} />
      </Card>
      {children?.(order)}
      <Card size="small" title={t("orders.history")} className="order-detail__card">
        <OrderTimeline history={order.history} />
      </Card>
    </div>
  );
}
