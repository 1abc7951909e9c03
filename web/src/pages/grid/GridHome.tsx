import { ClockCircleOutlined, HomeOutlined, SafetyOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Skeleton, Statistic, Typography } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { useMe } from "../../auth/context";
import { type MapMarker, MapView } from "../../components/map";
import { deadlineLevel, OrderActionBar, OrderCard } from "../../components/orders";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import { useT } from "../../i18n/context";
import { needsGrid, useMyGrid, useOpenOrders } from "./useMyGrid";
import "./grid.css";

const LEVEL_COLORS = { none: "#1e5bb8", yellow: "#e0a100", red: "#d4380d" } as const;

/** 我的网格: the grid worker's mobile home: the grid on the map with its open orders, and the to-dos. */
export default function GridHome() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const grid = useMyGrid();
  const orders = useOpenOrders();
  useOrderEvents({ onChange: orders.reload, onResync: orders.reload });
  const items = orders.data?.items ?? [];
  const mineGrids = useMemo(() => (grid.mine ? [grid.mine] : grid.grids), [grid.mine, grid.grids]);

  const markers = useMemo<MapMarker[]>(
    () =>
      items.flatMap((order) =>
        order.location
          ? [
              {
                id: order.id,
                lat: order.location.lat,
                lng: order.location.lng,
                color: LEVEL_COLORS[deadlineLevel(order)],
                title: `${order.orderNo} · ${order.title}`,
                onClick: () => navigate(`/grid/orders/${order.id}`),
              },
            ]
          : [],
      ),
    [items, navigate],
  );
  const counts = useMemo(() => {
    let yellow = 0;
    let red = 0;
    for (const order of items) {
      const level = deadlineLevel(order);
      if (level === "yellow") yellow += 1;
      if (level === "red") red += 1;
    }
    return { open: items.length, yellow, red, todo: items.filter(needsGrid).length };
  }, [items]);

  return (
    <div className="grid-page" data-testid="grid-home">
      <div className="grid-page__head">
        <Typography.Title level={4} className="grid-page__title">
          {me.regionName ?? t("grid.home.title")}
        </Typography.Title>
        {grid.mine && (
          <span className="muted">
            {grid.mine.properties.streetName} · {grid.mine.properties.communityName}
          </span>
        )}
      </div>

      {grid.error ? (
        <Alert type="error" showIcon title={grid.error.message} />
      ) : (
        <MapView
          grids={mineGrids}
          receivedAt={grid.receivedAt}
          markers={markers}
          className="grid-page__map"
          testId="grid-map"
          label={t("grid.home.map")}
        />
      )}

      <div className="grid-stats">
        <Statistic title={t("grid.home.open")} value={counts.open} />
        <Statistic title={t("grid.home.todo")} value={counts.todo} />
        <Statistic
          title={t("orders.deadline.yellow")}
          value={counts.yellow}
          styles={{ content: { color: "#d48806" } }}
        />
        <Statistic
          title={t("orders.deadline.red")}
          value={counts.red}
          styles={{ content: { color: "#cf1322" } }}
        />
      </div>

      <div className="grid-quick">
        <Button
          type="primary"
          size="large"
          icon={<SafetyOutlined />}
          onClick={() => navigate("/grid/report?kind=patrol")}
          data-testid="new-patrol"
        >
          {t("grid.report.patrol")}
        </Button>
        <Button
          size="large"
          icon={<HomeOutlined />}
          onClick={() => navigate("/grid/report?kind=visit")}
          data-testid="new-visit"
        >
          {t("grid.report.visit")}
        </Button>
        <Button
          size="large"
          icon={<ClockCircleOutlined />}
          onClick={() => navigate("/grid/deadlines")}
          data-testid="open-deadlines"
        >
          {t("grid.menu.deadlines")}
        </Button>
      </div>

      <Card size="small" title={t("grid.home.orders")} className="grid-card">
        {orders.loading && !orders.data && <Skeleton active paragraph={{ rows: 4 }} />}
        {orders.error && <Alert type="error" showIcon title={orders.error.message} />}
        {orders.data && items.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("grid.home.empty")} />
        )}
        {items.map((order) => (
          <OrderCard
            key={order.id}
            order={order}
            hidePlace
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
        ))}
      </Card>
    </div>
  );
}
