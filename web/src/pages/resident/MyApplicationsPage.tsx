import { ArrowLeftOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Skeleton, Tag, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { formatTime } from "../../components/orders";
import { servicesApi } from "../../components/services/api";
import { STATE_COLOURS, serviceName } from "../../components/services/labels";
import { useI18n } from "../../i18n/context";
import "./resident.css";

/** 我的办件: the resident's applications, where each stands. */
export default function MyApplicationsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const list = useRequest((signal) => servicesApi.applications(undefined, signal), []);
  return (
    <div className="resident-page" data-testid="my-applications">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate("/resident/services")}
        className="resident-back"
      >
        {t("services.menu.resident")}
      </Button>
      <Typography.Title level={4} className="resident-page__title">
        {t("services.mine.title")}
      </Typography.Title>
      {list.loading && !list.data && <Skeleton active paragraph={{ rows: 4 }} />}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.data?.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("services.mine.empty")} />
      )}
      {list.data?.items.map((application) => (
        <Card
          key={application.id}
          size="small"
          hoverable
          className="resident-card"
          onClick={() => navigate(`/resident/applications/${application.id}`)}
          data-testid="my-application"
        >
          <div className="resident-card__row resident-card__row--between">
            <span>
              <Typography.Text strong>{serviceName(application, locale)}</Typography.Text>
              <div className="muted resident-card__hint">
                {application.communityName} · {formatTime(application.submittedAt)}
              </div>
            </span>
            <span>
              <Tag color={STATE_COLOURS[application.state]}>{t(`services.state.${application.state}`)}</Tag>
              <RightOutlined />
            </span>
          </div>
        </Card>
      ))}
    </div>
  );
}
