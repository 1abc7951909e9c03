import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { workApi } from "../../api/work";
import { LoadErrorAlert } from "../../components/ErrorState";
import type { OrderQuery } from "../../components/orders";
import { WarningsPanel } from "../../components/warnings/WarningsPanel";
import { OrderDrawer } from "../../components/workbench/OrderDrawer";
import { OrderListTable } from "../../components/workbench/OrderListTable";
import { useOrderList } from "../../hooks/useOrderList";
import type { MessageKey } from "../../i18n/context";
import { useT } from "../../i18n/context";

const NOTHING: OrderQuery = {};

/**
 * The list a 工作台 tile opens (`/work/:key`): the tile's own query against GET /api/orders, so it
 * shows exactly the orders the tile counted, with the row actions and the order drawer; the warnings
 * tile lists the undecided warnings.
 */
export default function WorkListPage() {
  const t = useT();
  const { key = "" } = useParams();
  const work = useRequest((signal) => workApi.tiles(signal), []);
  const tile = work.data?.tiles.find((candidate) => candidate.key === key);
  const title = t(`work.tile.${key}` as MessageKey);

  return (
    <div className="page" data-testid="work-list-page" data-tile={key}>
      <div className="page__header">
        <Typography.Title level={3} className="page__title">
          <Link to="/" aria-label={t("work.back")}>
            <Button type="text" icon={<ArrowLeftOutlined />} />
          </Link>
          {title}
        </Typography.Title>
      </div>
      {work.error && <LoadErrorAlert error={work.error} onRetry={work.reload} />}
      {work.data && !tile && <Typography.Text type="secondary">{t("work.unknown")}</Typography.Text>}
      {tile?.kind === "warnings" ? <WarningList /> : <OrderList query={tile?.query ?? null} />}
    </div>
  );
}

function OrderList({ query }: { query: OrderQuery | null }) {
  const t = useT();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useOrderList(query ?? NOTHING, { sort: "handling_due_at", order: "asc", pageSize: 20 });
  if (!query) return null;
  return (
    <Card size="small" data-testid="work-list" data-total={list.loading ? undefined : list.total}>
      <OrderListTable
        list={list}
        columns={["orderNo", "subject", "status", "deadline", "actions"]}
        onOpen={(order) => setOpenId(order.id)}
        onChanged={list.refresh}
        onStale={list.refresh}
        emptyText={t("work.empty")}
        rowActionLimit={1}
      />
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} onChanged={list.refresh} />
    </Card>
  );
}

/** The undecided warnings, with the decisions the server offers this user (supervisors decide too). */
function WarningList() {
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <WarningsPanel refreshKey={0} onOpenOrder={setOpenId} testId="work-list" />
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
