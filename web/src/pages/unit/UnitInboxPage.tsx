import { AlertOutlined, ClockCircleOutlined, InboxOutlined, WarningOutlined } from "@ant-design/icons";
import { useMe } from "../../auth/context";
import {
  OrderWorkbench,
  type WorkbenchKpi,
  type WorkbenchQueue,
} from "../../components/workbench/OrderWorkbench";
import { useT } from "../../i18n/context";

/** The unit's queues; the server scopes every list to the orders the unit is (or was) assigned. */
const QUEUES: readonly WorkbenchQueue[] = [
  { key: "sign", label: "unit.queue.sign", empty: "unit.queue.sign.empty", query: { state: ["dispatched"] } },
  {
    key: "handling",
    label: "unit.queue.handling",
    empty: "unit.queue.handling.empty",
    query: { state: ["handling"] },
  },
  {
    key: "replied",
    label: "unit.queue.replied",
    empty: "unit.queue.replied.empty",
    query: { state: ["replied", "verified", "visited"] },
  },
  {
    key: "closed",
    label: "unit.queue.closed",
    empty: "unit.queue.closed.empty",
    query: { state: ["closed"] },
  },
  { key: "all", label: "command.queue.all", empty: "unit.queue.all.empty", query: {} },
];

const KPIS: readonly WorkbenchKpi[] = [
  { key: "toSign", label: "unit.kpi.toSign", query: { state: ["dispatched"] }, icon: <InboxOutlined /> },
  {
    key: "handling",
    label: "unit.kpi.handling",
    query: { state: ["handling"] },
    icon: <ClockCircleOutlined />,
  },
  {
    key: "yellow",
    label: "unit.kpi.yellow",
    query: { state: ["dispatched", "handling"], warning: "yellow" },
    tone: "warning",
    icon: <WarningOutlined />,
  },
  {
    key: "overdue",
    label: "unit.kpi.overdue",
    query: { overdue: true },
    tone: "danger",
    icon: <AlertOutlined />,
  },
];

/**
 * 承办单位工作台: the unit's inbox sorted by deadline with yellow/red warnings; sign, reply with a
 * disposition, ask for an extension, return a wrong dispatch, rate the dispatch — all from the
 * server's `actions`.
 */
export default function UnitInboxPage() {
  const t = useT();
  const me = useMe();
  return (
    <OrderWorkbench
      testId="unit-inbox"
      title={
        <>
          {t("unit.title")}
          <span className="command-page__scope">{me.unitName ?? ""}</span>
        </>
      }
      subtitle={t("unit.subtitle")}
      queues={QUEUES}
      kpis={KPIS}
      columns={["orderNo", "subject", "status", "unit", "actions"]}
      defaultSort={{ sort: "handling_due_at", order: "asc" }}
    />
  );
}
