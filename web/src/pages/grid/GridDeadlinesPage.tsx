import { Alert, Empty, Segmented, Skeleton, Typography } from "antd";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { type DeadlineLevel, deadlineLevel, OrderActionBar, OrderCard } from "../../components/orders";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import { useT } from "../../i18n/context";
import { useOfflineShell } from "../../offline";
import { needsGrid, useOpenOrders } from "./useMyGrid";
import "./grid.css";

type Filter = "all" | "yellow" | "red";

/** 我的时限: open orders in the grid by handling deadline (soonest first), yellow and red warnings on top. */
export default function GridDeadlinesPage() {
  const t = useT();
  useOfflineShell();
  const navigate = useNavigate();
  const orders = useOpenOrders(200);
  useOrderEvents({ onChange: orders.reload, onResync: orders.reload });
  const [filter, setFilter] = useState<Filter>("all");
  const items = orders.data?.items ?? [];
  const levels = useMemo(() => new Map(items.map((order) => [order.id, deadlineLevel(order)])), [items]);
  const count = (level: DeadlineLevel) => items.filter((order) => levels.get(order.id) === level).length;
  const shown = filter === "all" ? items : items.filter((order) => levels.get(order.id) === filter);

  return (
    <div className="grid-page" data-testid="grid-deadlines">
      <Typography.Title level={4} className="grid-page__title">
        {t("grid.menu.deadlines")}
      </Typography.Title>
      <Segmented
        block
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        options={[
          { value: "all", label: `${t("resident.mine.filter.all")} ${items.length}` },
          { value: "yellow", label: `${t("orders.deadline.yellow")} ${count("yellow")}` },
          { value: "red", label: `${t("orders.deadline.red")} ${count("red")}` },
        ]}
        className="grid-card"
      />
      {orders.loading && !orders.data && <Skeleton active paragraph={{ rows: 6 }} />}
      {orders.error && <Alert type="error" showIcon title={orders.error.message} />}
      {orders.data && shown.length === 0 && <Empty description={t("grid.deadlines.empty")} />}
      {shown.map((order) => (
        <div
          key={order.id}
          className={`grid-deadline grid-deadline--${levels.get(order.id)}`}
          data-warning={levels.get(order.id)}
        >
          <OrderCard
            order={order}
            onOpen={() => navigate(`/grid/orders/${order.id}`)}
            footer={
              needsGrid(order) ? (
                <OrderActionBar
                  order={order}
                  onChanged={orders.reload}
                  onStale={orders.reload}
                  size="small"
                />
              ) : undefined
            }
          />
        </div>
      ))}
    </div>
  );
}
