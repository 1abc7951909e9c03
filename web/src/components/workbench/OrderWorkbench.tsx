import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Space, Switch, Typography } from "antd";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { useRequest } from "../../api/useRequest";
import { countOrders } from "../../components/orders";
import { useCoalesced, useOrderEvents } from "../../hooks/useOrderEvents";
import { useFreshOrders, useOrderList } from "../../hooks/useOrderList";
import type { MessageKey } from "../../i18n/context";
import { useT } from "../../i18n/context";
import { type KpiTile, KpiTiles } from "../KpiTiles";
import { LiveBadge } from "../LiveBadge";
import type { ActedOrder, OrderDetail, OrderQuery, WarningLevel } from "../orders";
import { OrderDrawer } from "./OrderDrawer";
import { OrderListTable } from "./OrderListTable";
import type { OrderColumn } from "./OrderTable";
import { QueueSearch, QueueTabs, WarningSelect } from "./QueueControls";
import "../../ops.css";
import { useOrderParam } from "../../hooks/useOrderParam";

export interface WorkbenchQueue {
  key: string;
  label: MessageKey;
  empty: MessageKey;
  query: OrderQuery;
}

export interface WorkbenchKpi {
  key: string;
  label: MessageKey;
  query: OrderQuery;
  tone?: KpiTile["tone"];
  icon?: ReactNode;
}

interface OrderWorkbenchProps {
  testId: string;
  title: ReactNode;
  subtitle: string;
  queues: readonly WorkbenchQueue[];
  kpis: readonly WorkbenchKpi[];
  columns: readonly OrderColumn[];
  defaultSort: { sort: NonNullable<OrderQuery["sort"]>; order: NonNullable<OrderQuery["order"]> };
  /** Show the "overdue only" switch. */
  overdueFilter?: boolean;
  drawerExtra?: (order: OrderDetail) => ReactNode;
  rowActionLimit?: number;
}

/**
 * A queue page (unit inbox, supervision): KPI counts, tabs of server-side queries, a search and
 * warning filter, the order table, the order drawer; everything refreshes on live changes.
 */
export function OrderWorkbench(props: OrderWorkbenchProps) {
  const t = useT();
  const [queueKey, setQueueKey] = useState(props.queues[0].key);
  const [search, setSearch] = useState("");
  const [warning, setWarning] = useState<WarningLevel | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [openId, setOpenId] = useOrderParam();
  const [tick, setTick] = useState(0);
  const { fresh, mark } = useFreshOrders();

  const queue = props.queues.find((candidate) => candidate.key === queueKey) ?? props.queues[0];
  const query = useMemo<OrderQuery>(
    () => ({
      ...queue.query,
      q: search || undefined,
      warning,
      overdue: overdueOnly || queue.query.overdue || undefined,
    }),
    [queue, search, warning, overdueOnly],
  );
  const list = useOrderList(query, { ...props.defaultSort, pageSize: 20 });
  const { queues, kpis } = props;
  const counts = useRequest(
    (signal) => Promise.all(queues.map((item) => countOrders(item.query, signal))),
    [tick, queues],
  );
  const kpiValues = useRequest(
    (signal) => Promise.all(kpis.map((kpi) => countOrders(kpi.query, signal))),
    [tick, kpis],
  );

  const refreshAll = useCallback(() => {
    list.refresh();
    setTick((value) => value + 1);
  }, [list.refresh]);
  const schedule = useCoalesced(refreshAll, 250);
  const status = useOrderEvents({
    onChange: (change) => {
      mark(change.orderNo);
      schedule();
    },
    onResync: schedule,
  });

  const afterAction = (order: ActedOrder) => {
    mark(order.orderNo);
    refreshAll();
  };

  return (
    <div className="page workbench-page" data-testid={props.testId}>
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {props.title}
          </Typography.Title>
          <Typography.Text type="secondary">{props.subtitle}</Typography.Text>
        </div>
        <Space>
          <LiveBadge status={status} />
          <Button icon={<ReloadOutlined />} onClick={refreshAll}>
            {t("command.refresh")}
          </Button>
        </Space>
      </div>

      <KpiTiles
        loading={kpiValues.loading}
        tiles={kpis.map((kpi, index) => ({
          key: kpi.key,
          label: kpi.label,
          value: kpiValues.data?.[index],
          icon: kpi.icon,
          tone: kpi.tone && (kpiValues.data?.[index] ?? 0) > 0 ? kpi.tone : "default",
        }))}
      />

      <Card size="small" className="workbench-page__queue">
        <QueueTabs
          active={queue.key}
          onChange={setQueueKey}
          tabs={queues.map((item, index) => ({
            key: item.key,
            label: t(item.label),
            count: counts.data?.[index],
          }))}
        />
        <div className="command-queue__filters">
          <QueueSearch onSearch={setSearch} />
          <WarningSelect levels={["none", "yellow", "red"]} value={warning} onChange={setWarning} />
          {props.overdueFilter !== false && (
            <span className="command-queue__switch">
              <Switch
                size="small"
                checked={overdueOnly}
                onChange={setOverdueOnly}
                aria-label={t("ops.filter.overdueOnly")}
              />{" "}
              {t("ops.filter.overdueOnly")}
            </span>
          )}
        </div>
        <OrderListTable
          list={list}
          columns={props.columns}
          onOpen={(order) => setOpenId(order.id)}
          onChanged={afterAction}
          onStale={refreshAll}
          fresh={fresh}
          rowActionLimit={props.rowActionLimit}
          emptyText={t(queue.empty)}
        />
      </Card>

      <OrderDrawer
        orderId={openId}
        onClose={() => setOpenId(null)}
        onChanged={afterAction}
        extra={props.drawerExtra}
      />
    </div>
  );
}
