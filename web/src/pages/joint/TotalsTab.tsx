import { Card, Col, Row, Statistic, Table, Typography } from "antd";
import { jointApi, type RegionCounts } from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { useT } from "../../i18n/context";

/** 累计召开议事协商会议N次，确定共建项目N个，解决实际问题N个: the jurisdiction, each street, each community. */
export function TotalsTab(props: { version: number }) {
  const t = useT();
  const totals = useRequest((signal) => jointApi.totals(signal), [props.version]);
  const data = totals.data;
  const table = (title: string, rows: readonly RegionCounts[], testId: string) => (
    <Card size="small" title={title} className="joint-section">
      <Table<RegionCounts>
        size="small"
        rowKey="code"
        dataSource={[...rows]}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(row) => ({
          className: "joint-totals-row",
          "data-region": row.code,
          "data-meetings": row.meetings,
          "data-projects": row.projects,
          "data-solved": row.solved,
        })}
        columns={[
          { title: t("joint.field.region"), dataIndex: "name" },
          { title: t("joint.field.councils"), dataIndex: "councils", width: 90, responsive: ["md"] },
          { title: t("joint.field.meetings"), dataIndex: "meetings", width: 90, responsive: ["sm"] },
          { title: t("joint.field.projects"), dataIndex: "projects", width: 90 },
          { title: t("joint.field.solved"), dataIndex: "solved", width: 90 },
        ]}
        data-testid={testId}
      />
    </Card>
  );
  return (
    <div>
      {totals.error && <LoadErrorAlert error={totals.error} onRetry={totals.reload} />}
      {data && (
        <>
          <Typography.Paragraph className="joint-headline" data-testid="joint-headline">
            {t("joint.totals.headline", { ...data.total })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {(["councils", "meetings", "projects", "solved"] as const).map((key) => (
              <Col xs={12} md={6} key={key}>
                <Card size="small">
                  <Statistic title={t(`joint.field.${key}`)} value={data.total[key]} />
                </Card>
              </Col>
            ))}
          </Row>
          {table(t("joint.totals.streets"), data.streets, "joint-totals-streets")}
          {table(t("joint.totals.communities"), data.communities, "joint-totals-communities")}
        </>
      )}
    </div>
  );
}
