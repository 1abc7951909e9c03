import { Card, Drawer, Empty, Grid, Table, Tabs } from "antd";
import { type ReactNode, useRef, useState } from "react";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import { useT } from "../../i18n/context";
import {
  type ActedOrder,
  formatTime,
  label,
  type OrderAction,
  type OrderDetail,
  OrderDetailPanel,
} from "../orders";

interface OrderDrawerProps {
  orderId: string | null;
  onClose: () => void;
  /** After an action succeeded: the list behind the drawer refreshes. */
  onChanged?: (order: ActedOrder, action: OrderAction) => void;
  /** Extra content under the summary (e.g. the supervisor's spot checks). */
  extra?: (order: OrderDetail) => ReactNode;
}

/** 承办单位 and 回访: who was assigned (主办/协办, signed, returned, transferred) and the ratings. */
function UnitsAndVisits({ order }: { order: OrderDetail }) {
  const t = useT();
  return (
    <Card size="small" className="order-detail__card">
      <Tabs
        size="small"
        items={[
          {
            key: "units",
            label: t("ops.tab.units", { count: order.assignments.length }),
            children: (
              <Table
                size="small"
                rowKey={(row) => `${row.unitId}-${row.assignedAt}`}
                pagination={false}
                dataSource={order.assignments}
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("ops.units.none")} />,
                }}
                columns={[
                  { title: t("ops.field.unit"), dataIndex: "unitName" },
                  {
                    title: t("ops.field.role"),
                    dataIndex: "role",
                    render: (role: string) =>
                      t(role === "main" ? "ops.unitRole.main" : "ops.unitRole.assist"),
                  },
                  { title: t("ops.field.assignedAt"), dataIndex: "assignedAt", render: formatTime },
                  { title: t("ops.field.signedAt"), dataIndex: "signedAt", render: formatTime },
                  {
                    title: t("ops.field.endedAt"),
                    dataIndex: "endedAt",
                    render: (value: string | null, row) =>
                      value
                        ? `${formatTime(value)} ${row.endReason ? label(t, `ops.endReason.${row.endReason}`, row.endReason) : ""}`
                        : "—",
                  },
                ]}
              />
            ),
          },
          {
            key: "visits",
            label: t("ops.tab.visits", { count: order.visits.length }),
            children: (
              <Table
                size="small"
                rowKey="round"
                pagination={false}
                dataSource={order.visits}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("ops.visits.none")} />
                  ),
                }}
                columns={[
                  { title: t("ops.field.round"), dataIndex: "round", width: 60 },
                  {
                    title: t("ops.field.method"),
                    dataIndex: "method",
                    render: (m: string | null) =>
                      m ? label(t, `ops.visitMethod.${m}`, m) : t("ops.visitState.pending"),
                  },
                  {
                    title: t("orders.form.solved"),
                    dataIndex: "solved",
                    render: (v: string | null) => (v ? label(t, `orders.solved.${v}`, v) : "—"),
                  },
                  {
                    title: t("orders.form.satisfied"),
                    dataIndex: "satisfied",
                    render: (v: string | null) => (v ? label(t, `orders.satisfied.${v}`, v) : "—"),
                  },
                  {
                    title: t("orders.form.comment"),
                    dataIndex: "comment",
                    render: (v: string | null) => v ?? "—",
                  },
                  { title: t("ops.field.visitedAt"), dataIndex: "visitedAt", render: formatTime },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * One order in a side drawer: the shared OrderDetailPanel (headline, the actions the server allows
 * now, summary, history) plus units and return visits. It follows the live stream: a change made
 * elsewhere reloads it.
 */
export function OrderDrawer({ orderId, onClose, onChanged, extra }: OrderDrawerProps) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const [generation, setGeneration] = useState(0);
  const ownActionAt = useRef(0);

  useOrderEvents({
    enabled: orderId !== null,
    onChange: (change) => {
      // Someone else acted on the open order: show its new state. Our own actions reload the panel
      // already, so their echo (within a few seconds) and changes while a dialog is open are skipped.
      if (change.orderId !== orderId || Date.now() - ownActionAt.current < 4000) return;
      if (document.querySelector(".order-dialog")) return;
      setGeneration((value) => value + 1);
    },
  });
  const changed = (order: ActedOrder, action: OrderAction) => {
    ownActionAt.current = Date.now();
    onChanged?.(order, action);
  };

  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={screens.lg ? 720 : "100%"}
      destroyOnHidden
      title={t("ops.detail.title")}
      className="ops-drawer"
    >
      {orderId && (
        <div data-testid="order-drawer" data-order-id={orderId}>
          <OrderDetailPanel key={`${orderId}:${generation}`} orderId={orderId} onChanged={changed}>
            {(order) => (
              <>
                <UnitsAndVisits order={order} />
                {extra?.(order)}
              </>
            )}
          </OrderDetailPanel>
        </div>
      )}
    </Drawer>
  );
}
