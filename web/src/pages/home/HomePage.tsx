import { Card, Col, Descriptions, Row, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { useMe } from "../../auth/context";
import { useT } from "../../i18n/context";
import { navItemsFor } from "../../navigation/menu";

const SHORTCUT_DESCRIPTIONS = { "/regions": "home.shortcut.regions" } as const;

export default function HomePage() {
  const me = useMe();
  const t = useT();
  const shortcuts = navItemsFor(me.role).filter(
    (item): item is typeof item & { path: keyof typeof SHORTCUT_DESCRIPTIONS } =>
      item.path in SHORTCUT_DESCRIPTIONS,
  );

  return (
    <div className="page">
      <Typography.Title level={3} className="page__title">
        {t("home.greeting", { name: me.displayName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t("home.profile")} data-testid="profile-card">
            <Descriptions column={1} bordered size="middle" styles={{ label: { width: 120 } }}>
              <Descriptions.Item label={t("home.displayName")}>{me.displayName}</Descriptions.Item>
              <Descriptions.Item label={t("home.username")}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t("home.role")}>
                <Tag color="blue" data-testid="profile-role">
                  {t(`role.${me.role}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("home.jurisdiction")}>
                {me.regionName ?? t("common.none")}
              </Descriptions.Item>
              <Descriptions.Item label={t("home.unit")}>{me.unitName ?? t("common.none")}</Descriptions.Item>
              <Descriptions.Item label={t("home.permissions")}>{me.permissions.length}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {shortcuts.length > 0 && (
          <Col xs={24} lg={10}>
            <Card title={t("home.shortcuts")}>
              {shortcuts.map((item) => (
                <Link key={item.path} to={item.path} className="shortcut">
                  <span className="shortcut__icon">{item.icon}</span>
                  <span>
                    <strong>{t(item.labelKey)}</strong>
                    <br />
                    <span className="muted">{t(SHORTCUT_DESCRIPTIONS[item.path])}</span>
                  </span>
                </Link>
              ))}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
