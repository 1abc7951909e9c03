import {
  AlertOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  FieldTimeOutlined,
  InboxOutlined,
  ReloadOutlined,
} from "@ant-design/icons";
import { Alert, Button, Card, Col, Row, Select, Space, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import type { GridProperties } from "../../api/types";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { type KpiTile, KpiTiles } from "../../components/KpiTiles";
import { LiveBadge } from "../../components/LiveBadge";
import {
  type ActedOrder,
  countOrders,
  DEMAND_TYPES,
  type DemandType,
  messageKey,
  OPEN_STATES,
  type OrderQuery,
  typeLabel,
} from "../../components/orders";
import { WarningsPanel } from "../../components/warnings/WarningsPanel";
import { OrderDrawer } from "../../components/workbench/OrderDrawer";
import { OrderListTable } from "../../components/workbench/OrderListTable";
import { QueueSearch, QueueTabs, WarningSelect } from "../../components/workbench/QueueControls";
import { useCoalesced, useOrderEvents } from "../../hooks/useOrderEvents";
import { useFreshOrders, useOrderList } from "../../hooks/useOrderList";
import { useT } from "../../i18n/context";
import { commandApi, pick } from "./api";
import { CommandMap } from "./CommandMap";
import { chinaDayStart, chinaMonthStart, chinaPeriod } from "./chinaTime";
import { UrgentAlerts } from "./UrgentAlerts";
import "../../ops.css";
import { useOrderParam } from "../../hooks/useOrderParam";

/** The queues of the command centre: what waits for the dispatcher, by step. */
/** The steps waiting on this centre list only what it holds: an order in its area held higher up is not its to act on. */
const QUEUES = [
  { key: "accept", query: { state: ["registered"], held: "mine" } },
  { key: "dispatch", query: { state: ["accepted"], held: "mine" } },
  { key: "verify", query: { state: ["replied"], held: "mine" } },
  { key: "close", query: { state: ["verified", "visited"], held: "mine" } },
  { key: "extension", query: { pendingExtension: true, held: "mine" } },
  { key: "handling", query: { state: ["dispatched", "handling"] } },
  /** 上级处置: in this area, held by a higher level's centre; followed here, acted on there. */
  {
    key: "above",
    query: { state: ["registered", "accepted", "replied", "verified", "visited"], held: "above" },
  },
  { key: "all", query: {} },
] as const satisfies ReadonlyArray<{ key: string; query: OrderQuery }>;
type QueueKey = (typeof QUEUES)[number]["key"];

async function loadQueueCounts(signal: AbortSignal): Promise<Record<QueueKey, number>> {
  const totals = await Promise.all(QUEUES.map((queue) => countOrders(queue.query, signal)));
  return Object.fromEntries(QUEUES.map((queue, index) => [queue.key, totals[index]])) as Record<
    QueueKey,
    number
  >;
}

interface Kpis {
  newToday: number;
  open: number;
  overdue: number;
  closedMonth: number;
  responseRate: number | null | undefined;
  satisfactionRate: number | null | undefined;
}

/**
 * KPI tiles from /api/dashboard/summary (this month); where the server lacks it, the counts come from
 * order-list totals and the rates stay empty.
 */
async function loadKpis(signal: AbortSignal): Promise<Kpis> {
  const summary = await commandApi.summary(chinaPeriod(), signal);
  if (summary) {
    const rate = (name: string) => (typeof summary[name] === "number" ? (summary[name] as number) : null);
    return {
      newToday: pick(summary, "newToday") ?? 0,
      open: pick(summary, "open") ?? 0,
      overdue: pick(summary, "overdue") ?? 0,
      closedMonth: pick(summary, "closed", "closedMonth") ?? 0,
      responseRate: rate("responseRate"),
      satisfactionRate: rate("satisfactionRate"),
    };
  }
  const [newToday, open, overdue, closedMonth] = await Promise.all([
    countOrders({ from: chinaDayStart() }, signal),
    countOrders({ state: OPEN_STATES }, signal),
    countOrders({ overdue: true }, signal),
    countOrders({ state: ["closed"], from: chinaMonthStart() }, signal),
  ]);
  return { newToday, open, overdue, closedMonth, responseRate: undefined, satisfactionRate: undefined };
}

/**
 * 指挥中心: one page for the district, street and community command centres, scoped by the account.
 * The queues, the grid map, the KPIs and the warnings follow the live event stream.
 */
export default function CommandCentrePage() {
  const t = useT();
  const me = useMe();
  const [queue, setQueue] = useState<QueueKey>("accept");
  const [search, setSearch] = useState("");
  const [type, setType] = useState<DemandType | undefined>();
  const [warning, setWarning] = useState<OrderQuery["warning"]>();
  const [grid, setGrid] = useState<GridProperties | null>(null);
  const [openId, setOpenId] = useOrderParam();
  const [liveTick, setLiveTick] = useState(0);
  const [warningTick, setWarningTick] = useState(0);
  const { fresh, mark } = useFreshOrders();

  const query = useMemo<OrderQuery>(() => {
    const base = QUEUES.find((candidate) => candidate.key === queue)?.query ?? {};
    return { ...base, q: search || undefined, type, warning, region: grid?.code };
  }, [queue, search, type, warning, grid]);
  const list = useOrderList(query, { sort: "created_at", order: "desc", pageSize: 10 });
  // Inline arrows on purpose: useRequest memoises `load` with the deps, and a module-level function
  // would be the same reference whatever the deps, so it would never run again.
  const counts = useRequest((signal) => loadQueueCounts(signal), [liveTick]);
  const kpis = useRequest((signal) => loadKpis(signal), [liveTick]);

  const refreshAll = useCallback(() => {
    list.refresh();
    setLiveTick((value) => value + 1);
  }, [list.refresh]);
  const scheduleRefresh = useCoalesced(refreshAll, 250);

  const status = useOrderEvents({
    onChange: (change) => {
      if (change.action === "register" || change.state === "registered") mark(change.orderNo);
      scheduleRefresh();
    },
    onWarning: () => setWarningTick((value) => value + 1),
    onResync: scheduleRefresh,
  });

  // The district centre holds everything in its area: nothing is held above it.
  const atTop = (me.regionCode ?? "").length <= 6;
  const k = kpis.data;
  const tiles: KpiTile[] = [
    { key: "newToday", label: "command.kpi.newToday", value: k?.newToday, icon: <InboxOutlined /> },
    { key: "open", label: "command.kpi.open", value: k?.open, icon: <ClockCircleOutlined /> },
    {
      key: "overdue",
      label: "command.kpi.overdue",
      value: k?.overdue,
      icon: <AlertOutlined />,
      tone: k && k.overdue > 0 ? "danger" : "default",
    },
    {
      key: "closedMonth",
      label: "command.kpi.closedMonth",
      value: k?.closedMonth,
      icon: <CheckCircleOutlined />,
      tone: "success",
    },
    {
      key: "responseRate",
      label: "command.kpi.responseRate",
      value: k?.responseRate,
      suffix: "%",
      precision: 1,
      icon: <FieldTimeOutlined />,
      hint: k && k.responseRate === undefined ? t("command.kpi.summaryPending") : undefined,
    },
    {
      key: "satisfaction",
      label: "command.kpi.satisfaction",
      value: k?.satisfactionRate,
      suffix: "%",
      precision: 1,
    },
  ];

  const afterAction = (order: ActedOrder) => {
    mark(order.orderNo);
    refreshAll();
  };

  return (
    <div className="page command-page" data-testid="command-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("command.title")}
            <span className="command-page__scope">{me.regionName ?? ""}</span>
          </Typography.Title>
          <Typography.Text type="secondary">{t("command.subtitle")}</Typography.Text>
        </div>
        <Space>
          <LiveBadge status={status} />
          <Button icon={<ReloadOutlined />} onClick={refreshAll}>
            {t("command.refresh")}
          </Button>
        </Space>
      </div>

      {kpis.error && (
        <Alert type="error" showIcon title={kpis.error.message} className="command-page__alert" />
      )}
      <KpiTiles tiles={tiles} loading={kpis.loading} />

      <Row gutter={[16, 16]} className="command-page__body">
        <Col xs={24} xl={15}>
          <Card size="small" className="command-queue" data-testid="command-queue">
            <QueueTabs
              active={queue}
              onChange={(next) => setQueue(next as QueueKey)}
              tabs={QUEUES.filter((item) => item.key !== "above" || !atTop).map((item) => ({
                key: item.key,
                label: t(messageKey(`command.queue.${item.key}`)),
                count: counts.data?.[item.key],
                urgent: item.key === "accept" || item.key === "dispatch",
              }))}
            />
            <div className="command-queue__filters">
              <QueueSearch onSearch={setSearch} />
              <Select
                allowClear
                placeholder={t("orders.field.type")}
                aria-label={t("orders.field.type")}
                value={type}
                onChange={setType}
                options={DEMAND_TYPES.map((value) => ({ value, label: typeLabel(t, value) }))}
                className="command-queue__select"
              />
              <WarningSelect levels={["yellow", "red"]} value={warning} onChange={setWarning} />
            </div>
            {queue === "above" && (
              <Alert
                type="info"
                showIcon
                className="command-queue__note"
                title={t("command.queue.above.note")}
                data-testid="queue-above-note"
              />
            )}
            <OrderListTable
              list={list}
              columns={["orderNo", "subject", "status", "actions"]}
              onOpen={(order) => setOpenId(order.id)}
              onChanged={afterAction}
              onStale={refreshAll}
              fresh={fresh}
              emptyText={t(messageKey(`command.queue.${queue}.empty`))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} className="command-page__side">
            <CommandMap refreshKey={liveTick} selectedGrid={grid?.code ?? null} onSelectGrid={setGrid} />
            <WarningsPanel refreshKey={liveTick + warningTick} onOpenOrder={setOpenId} />
          </Space>
        </Col>
      </Row>

      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} onChanged={afterAction} />
      <UrgentAlerts onOpen={setOpenId} />
    </div>
  );
}
