import { Button, Card, DatePicker, Empty, Select, Space, Statistic, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { chinaTime, formatTime } from "../../components/orders";
import { useT } from "../../i18n/context";
import { type SpotCheck, supervisionApi } from "./api";

/** 抽查记录: spot checks of the jurisdiction by month and result, paged on the server. */
export function SpotCheckList({
  refreshKey,
  onOpenOrder,
}: {
  refreshKey: number;
  onOpenOrder: (id: string) => void;
}) {
  const t = useT();
  const [month, setMonth] = useState<Dayjs | null>(() => chinaTime());
  const [result, setResult] = useState<"pass" | "fail" | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const period = month?.format("YYYY-MM");
  const list = useRequest(
    (signal) => supervisionApi.list({ period, result, ...paging }, signal),
    [period, result, paging.page, paging.pageSize, refreshKey],
  );
  const data = list.data;

  return (
    <Card
      size="small"
      title={t("supervisor.spot.title")}
      data-testid="spot-checks"
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            value={month}
            onChange={(value) => {
              setMonth(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            allowClear
            placeholder={t("supervisor.spot.allMonths")}
          />
          <Select
            allowClear
            placeholder={t("supervisor.spot.result")}
            aria-label={t("supervisor.spot.result")}
            value={result}
            onChange={(value) => {
              setResult(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: "pass", label: t("supervisor.result.pass") },
              { value: "fail", label: t("supervisor.result.fail") },
            ]}
            style={{ width: 120 }}
          />
        </Space>
      }
    >
      {list.error && <LoadErrorAlert error={list.error} onRetry={list.reload} />}
      {data && (
        <Space size={32} className="spot-checks__stats">
          <Statistic title={t("supervisor.spot.passed")} value={data.passed} />
          <Statistic
            title={t("supervisor.spot.failed")}
            value={data.failed}
            styles={{ content: { color: data.failed > 0 ? "#cf1322" : undefined } }}
          />
          <Statistic
            title={t("supervisor.spot.passRate")}
            value={data.passed + data.failed > 0 ? (100 * data.passed) / (data.passed + data.failed) : "—"}
            precision={1}
            suffix={data.passed + data.failed > 0 ? "%" : undefined}
          />
        </Space>
      )}
      <Table<SpotCheck>
        size="small"
        rowKey="id"
        scroll={{ x: "max-content" }}
        loading={list.loading}
        dataSource={data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("supervisor.spot.empty")} />,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          size: "small",
          showTotal: (count) => t("ops.list.total", { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t("orders.field.orderNo"),
            dataIndex: "orderNo",
            width: 160,
            render: (value: string, row) => (
              <Button type="link" size="small" onClick={() => onOpenOrder(row.orderId)}>
                {value}
              </Button>
            ),
          },
          { title: t("ops.field.title"), dataIndex: "title", ellipsis: true },
          { title: t("ops.field.place"), dataIndex: "regionName", width: 150, ellipsis: true },
          {
            title: t("supervisor.spot.kind"),
            dataIndex: "checkerKind",
            width: 110,
            render: (kind: SpotCheck["checkerKind"]) => t(`supervisor.kind.${kind}`),
          },
          { title: t("supervisor.spot.checker"), dataIndex: "checkerName", width: 120 },
          {
            title: t("supervisor.spot.result"),
            dataIndex: "result",
            width: 90,
            render: (value: SpotCheck["result"]) => (
              <Tag color={value === "pass" ? "success" : "error"}>{t(`supervisor.result.${value}`)}</Tag>
            ),
          },
          {
            title: t("supervisor.spot.comment"),
            dataIndex: "comment",
            ellipsis: true,
            render: (v: string | null) => v ?? "—",
          },
          { title: t("supervisor.spot.at"), dataIndex: "createdAt", width: 150, render: formatTime },
        ]}
      />
    </Card>
  );
}
