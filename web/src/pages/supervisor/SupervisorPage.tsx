import { AlertOutlined, EyeOutlined, FireOutlined, WarningOutlined } from "@ant-design/icons";
import { useState } from "react";
import { useMe } from "../../auth/context";
import { OPEN_STATES, type OrderQuery } from "../../components/orders";
import { OrderDrawer } from "../../components/workbench/OrderDrawer";
import {
  OrderWorkbench,
  type WorkbenchKpi,
  type WorkbenchQueue,
} from "../../components/workbench/OrderWorkbench";
import { useT } from "../../i18n/context";
import { SpotCheckForm } from "./SpotCheckForm";
import { SpotCheckList } from "./SpotCheckList";

/**
 * 督办中: put under supervision (催办 or 超期自动督办) and not yet closed. The tile and the tab count
 * this one query (they once differed: the tile left out orders waiting to be accepted, verified or
 * visited, 35 against 79).
 */
const SUPERVISED_OPEN: OrderQuery = { supervised: true, state: OPEN_STATES };

const QUEUES: readonly WorkbenchQueue[] = [
  {
    key: "overdue",
    label: "supervisor.queue.overdue",
    empty: "supervisor.queue.overdue.empty",
    query: { overdue: true },
  },
  {
    key: "supervised",
    label: "supervisor.queue.supervised",
    empty: "supervisor.queue.supervised.empty",
    query: SUPERVISED_OPEN,
  },
  {
    key: "yellow",
    label: "supervisor.queue.yellow",
    empty: "supervisor.queue.yellow.empty",
    query: { warning: "yellow", state: ["dispatched", "handling"] },
  },
  {
    key: "inProgress",
    label: "supervisor.queue.inProgress",
    empty: "supervisor.queue.inProgress.empty",
    query: { state: ["dispatched", "handling", "replied"] },
  },
  {
    key: "supervisedAll",
    label: "supervisor.queue.supervisedAll",
    empty: "supervisor.queue.supervised.empty",
    query: { supervised: true },
  },
];

const KPIS: readonly WorkbenchKpi[] = [
  {
    key: "overdue",
    label: "supervisor.kpi.overdue",
    query: { overdue: true },
    tone: "danger",
    icon: <AlertOutlined />,
  },
  {
    key: "supervised",
    label: "supervisor.kpi.supervised",
    query: SUPERVISED_OPEN,
    tone: "warning",
    icon: <FireOutlined />,
  },
  {
    key: "yellow",
    label: "supervisor.kpi.yellow",
    query: { warning: "yellow", state: ["dispatched", "handling"] },
    tone: "warning",
    icon: <WarningOutlined />,
  },
  {
    key: "extension",
    label: "supervisor.kpi.extension",
    query: { pendingExtension: true },
    icon: <EyeOutlined />,
  },
];

/**
 * 督查督办: overdue and supervised orders with 催办/督办 (the server offers `urge` to supervisors,
 * leaders and dispatchers), and the spot-check records. Leaders see the same lists read-only where
 * the server gives them no actions.
 */
export default function SupervisorPage() {
  const t = useT();
  const me = useMe();
  const canRecord = me.role === "supervisor" || me.role === "admin";
  const [spotTick, setSpotTick] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const spotForm = canRecord
    ? (order: Parameters<typeof SpotCheckForm>[0]["order"]) => (
        <SpotCheckForm order={order} onRecorded={() => setSpotTick((value) => value + 1)} />
      )
    : undefined;

  return (
    <>
      <OrderWorkbench
        testId="supervisor-page"
        title={
          <>
            {t("supervisor.title")}
            <span className="command-page__scope">{me.regionName ?? ""}</span>
          </>
        }
        subtitle={t(me.role === "leader" ? "supervisor.subtitleLeader" : "supervisor.subtitle")}
        queues={QUEUES}
        kpis={KPIS}
        columns={["orderNo", "subject", "status", "unit", "urges", "actions"]}
        defaultSort={{ sort: "handling_due_at", order: "asc" }}
        overdueFilter={false}
        drawerExtra={spotForm}
        rowActionLimit={1}
      />
      <div className="page supervisor-page__spot">
        <SpotCheckList refreshKey={spotTick} onOpenOrder={setOpenId} />
      </div>
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} extra={spotForm} />
    </>
  );
}
