import { Alert, Segmented, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { formatTime } from "../../components/orders";
import { type ApplicationState, type ApplicationSummary, servicesApi } from "../../components/services/api";
import { STATE_COLOURS, serviceName } from "../../components/services/labels";
import { useI18n } from "../../i18n/context";
import "../../ops.css";

const FILTERS = ["all", "community_review", "street_review", "supplement", "approved", "refused"] as const;
type Filter = (typeof FILTERS)[number];

/** 服务办件: the applications of the staff member's communities; those they hold now show their buttons. */
export default function ReviewPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>("all");
  const list = useRequest(
    (signal) => servicesApi.applications(filter === "all" ? undefined : (filter as ApplicationState), signal),
    [filter],
  );
  return (
    <div className="page" data-testid="service-review">
      <div className="page__header">
        <Typography.Title level={3} className="page__title">
          {t("services.review.title")}
        </Typography.Title>
      </div>
      {/* Six states do not fit a phone in English: the filter scrolls inside its row, not the page. */}
      <div className="service-review__filters">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={FILTERS.map((value) => ({
            value,
            label: value === "all" ? t("services.review.all") : t(`services.state.${value}`),
          }))}
        />
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<ApplicationSummary>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t("services.review.empty") }}
        onRow={(row) => ({
          onClick: () => navigate(`/services/applications/${row.id}`),
          style: { cursor: "pointer" },
        })}
        pagination={{ pageSize: 20, size: "small" }}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("services.review.service"), render: (_, row) => serviceName(row, locale) },
          { title: t("services.detail.applicant"), dataIndex: "applicantName" },
          { title: t("services.detail.community"), dataIndex: "communityName" },
          { title: t("services.review.submitted"), render: (_, row) => formatTime(row.submittedAt) },
          {
            title: t("services.review.state"),
            render: (_, row) => (
              <>
                <Tag color={STATE_COLOURS[row.state]}>{t(`services.state.${row.state}`)}</Tag>
                {row.overdue && <Tag color="red">{t("services.detail.overdue")}</Tag>}
                {row.actions.length > 0 && (
                  <Tag color="blue" data-testid="review-mine">
                    ●
                  </Tag>
                )}
              </>
            ),
          },
          { title: t("services.review.due"), render: (_, row) => formatTime(row.dueAt) },
        ]}
      />
    </div>
  );
}
