import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { formatTime, type OrderQuery } from "../../components/orders";
import { OrderDrawer } from "../../components/workbench/OrderDrawer";
import { OrderListTable } from "../../components/workbench/OrderListTable";
import { useOrderList } from "../../hooks/useOrderList";
import type { MessageKey } from "../../i18n/context";
import { useT } from "../../i18n/context";
import { type UndecidedWarning, workApi } from "./api";

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

function WarningList() {
  const t = useT();
  const [page, setPage] = useState(1);
  const warnings = useRequest((signal) => workApi.warnings(page, 20, signal), [page]);
  return (
    <Card size="small" data-testid="work-list" data-total={warnings.data?.total}>
      {warnings.error && <LoadErrorAlert error={warnings.error} onRetry={warnings.reload} />}
      <Table<UndecidedWarning>
        size="small"
        rowKey="id"
        loading={warnings.loading}
        dataSource={warnings.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: warnings.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          size: "small",
        }}
        scroll={{ x: "max-content" }}
        columns={[
          {
            title: t("work.warning.rule"),
            dataIndex: "rule",
            width: 110,
            render: (rule: string) => <Tag>{t(`command.warnings.rule.${rule}` as MessageKey)}</Tag>,
          },
          { title: t("work.warning.title"), dataIndex: "title" },
          {
            title: t("work.warning.region"),
            dataIndex: ["region", "name"],
            width: 160,
          },
          {
            title: t("work.warning.updated"),
            dataIndex: "updatedAt",
            width: 150,
            render: (value: string) => formatTime(value),
          },
        ]}
      />
    </Card>
  );
}
