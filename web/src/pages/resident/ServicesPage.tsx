import { ArrowLeftOutlined, ProfileOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Select, Skeleton, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { usePlainT } from "../../components/elderly";
import { servicesApi } from "../../components/services/api";
import { serviceName } from "../../components/services/labels";
import { useI18n } from "../../i18n/context";
import "./resident.css";

const REMEMBERED = "minhu.services.community";

/** 智慧云社区: the resident picks their community and sees the services it offers online. */
export default function ServicesPage() {
  const { locale } = useI18n();
  const t = usePlainT();
  const navigate = useNavigate();
  const communities = useRequest((signal) => servicesApi.communities(signal), []);
  const [community, setCommunity] = useState<string | null>(() => localStorage.getItem(REMEMBERED));
  useEffect(() => {
    if (community) localStorage.setItem(REMEMBERED, community);
  }, [community]);
  const catalogue = useRequest(
    (signal) => (community ? servicesApi.catalogue(community, signal) : Promise.resolve({ items: [] })),
    [community],
  );

  return (
    <div className="resident-page" data-testid="services-page">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate("/resident")}
        className="resident-back"
      >
        {t("resident.menu.home")}
      </Button>
      <div className="resident-page__header">
        <Typography.Title level={4} className="resident-page__title">
          {t("services.catalogue.title")}
        </Typography.Title>
        <Link to="/resident/applications">
          <ProfileOutlined /> {t("services.menu.mine")}
        </Link>
      </div>
      <Typography.Paragraph type="secondary">{t("services.catalogue.hint")}</Typography.Paragraph>
      <Select
        showSearch
        optionFilterProp="label"
        className="services-community"
        style={{ width: "100%", marginBottom: 12 }}
        size="large"
        placeholder={t("services.catalogue.community")}
        aria-label={t("services.catalogue.community")}
        loading={communities.loading}
        value={community ?? undefined}
        onChange={setCommunity}
        options={(communities.data?.items ?? []).map((c) => ({
          value: c.code,
          label: c.streetName ? `${c.streetName} · ${c.name}` : c.name,
        }))}
        data-testid="services-community"
      />
      {catalogue.error && <Alert type="error" showIcon title={catalogue.error.message} />}
      {catalogue.loading && community && <Skeleton active paragraph={{ rows: 4 }} />}
      {community && catalogue.data?.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("services.catalogue.empty")} />
      )}
      {catalogue.data?.items.map((service) => (
        <Card key={service.id} size="small" className="resident-card" data-testid={`service-${service.code}`}>
          <Typography.Text strong>{serviceName(service, locale)}</Typography.Text>
          <Typography.Paragraph type="secondary" className="resident-card__hint">
            {service.description}
          </Typography.Paragraph>
          <div className="resident-card__row resident-card__row--between">
            <span>
              <Tag>{t("services.catalogue.limit", { days: service.timeLimitDays })}</Tag>
              <Tag>{t(`services.result.${service.resultKind}`)}</Tag>
              <Tag>{t(`services.catalogue.levels.${service.reviewLevels.at(-1) ?? "community"}`)}</Tag>
            </span>
            <Button
              type="primary"
              onClick={() => navigate(`/resident/services/${service.id}?community=${community}`)}
              data-testid={`apply-${service.code}`}
            >
              {t("services.catalogue.apply")}
            </Button>
          </div>
        </Card>
      ))}
    </div>
  );
}
