import { Alert, Card, Empty, Skeleton, Table, Tag, Typography } from "antd";
import { useRequest } from "../../api/useRequest";
import { type PublicTopic, publicApi } from "../../components/services/publicApi";
import { useI18n } from "../../i18n/context";
import { PublicLayout } from "./PublicLayout";
import { PublicNav } from "./PublicNav";
import { ScrollRegion } from "./ScrollRegion";
import { useMonthLabel } from "./useMonthLabel";
import "./resident.css";

function TopicCard({ topic }: { topic: PublicTopic }) {
  const { t, locale } = useI18n();
  const monthLabel = useMonthLabel();
  const { origin, work } = topic;
  const category = origin
    ? ((locale === "en-US" ? origin.category.nameEn : null) ?? origin.category.name)
    : null;
  return (
    <Card size="small" className="resident-card" data-testid="public-topic">
      <Tag color="blue">{monthLabel(topic.month)}</Tag>
      <Typography.Title level={5}>{topic.title}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {origin
          ? t("public.topics.origin", {
              category: category ?? origin.category.code,
              area: origin.area.name ?? origin.area.code,
              days: origin.windowDays ?? "—",
              communities: origin.communities ?? "—",
              count: origin.count ?? "—",
            })
          : t("public.topics.noOrigin")}
      </Typography.Paragraph>
      <Typography.Text strong>{t("public.topics.work")}</Typography.Text>
      {work.workDays === 0 ? (
        <Typography.Paragraph>{t("public.topics.noWork")}</Typography.Paragraph>
      ) : (
        <ul className="public-topic__facts">
          <li>
            {t("public.topics.workDays", {
              days: work.workDays,
              leaders: work.leaders,
              communities: work.communities,
            })}
          </li>
          <li>{t("public.topics.households", { count: work.households })}</li>
          <li>{t("public.topics.cases", { count: work.casesCoordinated, solved: work.problemsSolved })}</li>
          {work.demandsRaised > 0 && (
            <li>{t("public.topics.raised", { count: work.demandsRaised, closed: work.demandsClosed })}</li>
          )}
        </ul>
      )}
      {topic.demands.length > 0 && (
        <>
          <Typography.Text strong>{t("public.topics.demands")}</Typography.Text>
          <ScrollRegion label={t("public.topics.demands")}>
            <Table
              className="public-table"
              size="small"
              rowKey="month"
              pagination={false}
              dataSource={topic.demands}
              columns={[
                { title: t("public.topics.col.month"), render: (_, row) => monthLabel(row.month) },
                {
                  title: t("public.topics.col.phase"),
                  render: (_, row) => t(`public.topics.phase.${row.phase}`),
                },
                { title: t("public.topics.col.registered"), dataIndex: "registered", align: "right" },
                { title: t("public.topics.col.closed"), dataIndex: "closed", align: "right" },
              ]}
            />
          </ScrollRegion>
        </>
      )}
    </Card>
  );
}

/**
 * 碑林发布 每月一题, no sign-in: each month's topic, the 共性问题 it was chosen from and what came of it.
 * Counts only: the server sends no caller, no demand text, no name of a leader or of anyone met.
 */
export default function PublicTopicsPage() {
  const { t } = useI18n();
  const topics = useRequest((signal) => publicApi.topics(signal), []);
  return (
    <PublicLayout>
      <div className="resident-page" data-testid="public-topics">
        <PublicNav />
        <Typography.Title level={4} className="resident-page__title">
          {t("public.topics.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("public.topics.hint")}</Typography.Paragraph>
        {topics.loading && !topics.data && <Skeleton active paragraph={{ rows: 6 }} />}
        {topics.error && <Alert type="error" showIcon title={topics.error.message} />}
        {topics.data?.items.length === 0 && <Empty description={t("public.topics.empty")} />}
        {topics.data?.items.map((topic) => (
          <TopicCard key={topic.month} topic={topic} />
        ))}
      </div>
    </PublicLayout>
  );
}
