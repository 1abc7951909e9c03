import { ClockCircleOutlined, HomeOutlined, SafetyOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Skeleton, Typography } from "antd";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { workApi } from "../../api/work";
import { useMe } from "../../auth/context";
import { LoadErrorAlert } from "../../components/ErrorState";
import { type MapMarker, MapView } from "../../components/map";
import { deadlineLevel, OPEN_STATES, OrderActionBar, OrderCard, ordersApi } from "../../components/orders";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import { type MessageKey, useT } from "../../i18n/context";
import { OutboxPanel, useOfflineShell } from "../../offline";
import { needsGrid, useMyGrid } from "./useMyGrid";
import "./grid.css";

const LEVEL_COLORS = { none: "#1e5bb8", yellow: "#e0a100", red: "#d4380d" } as const;

/**
 * 我的网格: the grid worker's mobile home: its work as counts (GET /api/work: waiting in the grid, open
 * in the grid, overdue, due soon), each one tap from the list it counts, shown on the map and below;
 * and what waits on the phone to be sent (待发送).
 */
export default function GridHome() {
  const t = useT();
  const me = useMe();
  useOfflineShell();
  const navigate = useNavigate();
  const grid = useMyGrid();
  const [tick, setTick] = useState(0);
  const [shown, setShown] = useState("open");
  const work = useRequest((signal) => workApi.tiles(signal), [tick]);
  const tiles = (work.data?.tiles ?? []).filter((tile) => tile.kind === "orders");
  const query = tiles.find((tile) => tile.key === shown)?.query ?? { state: OPEN_STATES };
  const queryKey = JSON.stringify(query);
  const orders = useRequest(
    (signal) => ordersApi.list({ ...query, sort: "handling_due_at", order: "asc", pageSize: 100 }, signal),
    [queryKey, tick],
  );
  const reload = () => setTick((value) => value + 1);
  useOrderEvents({ onChange: reload, onResync: reload });
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
      <OutboxPanel className="grid-card" />

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

      {work.error && <LoadErrorAlert error={work.error} onRetry={reload} />}
      <div className="grid-stats" data-testid="work-tiles">
        {tiles.map((tile) => (
          <button
            key={tile.key}
            type="button"
            className={`grid-stats__tile grid-stats__tile--${tile.count > 0 ? tile.tone : "default"}`}
            aria-pressed={tile.key === shown}
            onClick={() => setShown(tile.key)}
            data-work-tile={tile.key}
            data-count={tile.count}
          >
            <span className="grid-stats__title">{t(`work.tile.${tile.key}` as MessageKey)}</span>
            <span className="grid-stats__value">{tile.count}</span>
          </button>
        ))}
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

      <Card
        size="small"
        title={t(shown === "open" ? "grid.home.orders" : (`work.tile.${shown}` as MessageKey))}
        className="grid-card"
        data-testid="grid-list"
        data-tile={shown}
        data-total={orders.loading ? undefined : orders.data?.total}
      >
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
                <OrderActionBar order={order} onChanged={reload} onStale={reload} size="small" />
              ) : undefined
            }
          />
        ))}
      </Card>
    </div>
  );
}
