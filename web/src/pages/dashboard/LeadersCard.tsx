import { Alert, Card, Empty, Table } from "antd";
import { apiRequest } from "../../api/client";
import { queryString } from "../../api/query";
import { useRequest } from "../../api/useRequest";
import { useT } from "../../i18n/context";

interface LeaderRow {
  leaderId: number;
  name: string;
  communityName: string;
  workDays: number;
  demandsRaised: number;
  demandsClosed: number;
  casesCoordinated: number;
  problemsSolved: number;
}

/** 三联一进 in assessment: each linked leader's 社区工作日 and what came of them in the period. */
export function LeadersCard({ period }: { period: string }) {
  const t = useT();
  const rows = useRequest(
    (signal) =>
      apiRequest<{ rows: LeaderRow[] }>(`/api/assessment/leaders${queryString({ period })}`, { signal }),
    [period],
  );
  return (
    <Card
      size="small"
      className="dashboard-card"
      title={t("fieldwork.leaders.title", { period })}
      data-testid="leader-counts"
    >
      {rows.error && <Alert type="error" showIcon title={rows.error.message} />}
      <Table<LeaderRow>
        size="small"
        rowKey="leaderId"
        loading={rows.loading}
        dataSource={rows.data?.rows ?? []}
        pagination={{ pageSize: 10, size: "small" }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("fieldwork.leaders.empty")} />
          ),
        }}
        scroll={{ x: 760 }}
        columns={[
          { title: t("fieldwork.leaders.name"), dataIndex: "name", ellipsis: true },
          { title: t("fieldwork.leaders.community"), dataIndex: "communityName", ellipsis: true },
          { title: t("fieldwork.leaders.workDays"), dataIndex: "workDays", width: 90, align: "right" },
          { title: t("fieldwork.leaders.raised"), dataIndex: "demandsRaised", width: 90, align: "right" },
          { title: t("fieldwork.leaders.closed"), dataIndex: "demandsClosed", width: 90, align: "right" },
          {
            title: t("fieldwork.leaders.coordinated"),
            dataIndex: "casesCoordinated",
            width: 110,
            align: "right",
          },
          { title: t("fieldwork.leaders.solved"), dataIndex: "problemsSolved", width: 110, align: "right" },
        ]}
      />
    </Card>
  );
}
