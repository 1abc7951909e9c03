import { Alert, Card, Table } from "antd";
import { useRequest } from "../../api/useRequest";
import { useI18n } from "../../i18n/context";
import { type ServiceStats, servicesApi } from "./api";
import { serviceName } from "./labels";

/** 社区服务办件 in the assessment pages: per service, its limit, applications, open, overdue and on-time share. */
export function ServiceStatsCard() {
  const { t, locale } = useI18n();
  const stats = useRequest((signal) => servicesApi.stats(signal), []);
  return (
    <Card
      size="small"
      className="dashboard-card"
      title={t("services.stats.title")}
      data-testid="service-stats"
    >
      {stats.error && <Alert type="error" showIcon title={stats.error.message} />}
      <Table<ServiceStats>
        size="small"
        rowKey="id"
        loading={stats.loading}
        dataSource={stats.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t("services.review.service"), render: (_, row) => serviceName(row, locale) },
          { title: t("services.stats.limit"), dataIndex: "timeLimitDays", align: "right" },
          { title: t("services.stats.total"), dataIndex: "total", align: "right" },
          { title: t("services.stats.open"), dataIndex: "open", align: "right" },
          { title: t("services.stats.approved"), dataIndex: "approved", align: "right" },
          { title: t("services.stats.refused"), dataIndex: "refused", align: "right" },
          {
            title: t("services.stats.overdue"),
            dataIndex: "overdue",
            align: "right",
            render: (value: number) => (value > 0 ? <strong className="text-danger">{value}</strong> : value),
          },
          {
            title: t("services.stats.onTime"),
            align: "right",
            render: (_, row) =>
              row.closed > 0 ? `${Math.round((row.closedOnTime / row.closed) * 100)}%` : "—",
          },
        ]}
      />
    </Card>
  );
}
