import { Card, Col, Row, Typography } from "antd";
import { Link } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { workApi } from "../../api/work";
import { useMe } from "../../auth/context";
import { LoadErrorAlert } from "../../components/ErrorState";
import { useT } from "../../i18n/context";
import { canOpen, navItemsFor } from "../../navigation/menu";
import { WorkTiles } from "./WorkTiles";

/**
 * 工作台: the signed-in person's work as counts (to do now, overdue, due soon, warnings), each one
 * click to the list it counts, then the pages of their menu.
 */
export default function HomePage() {
  const me = useMe();
  const t = useT();
  const work = useRequest((signal) => workApi.tiles(signal), []);
  const pages = navItemsFor(me.role).filter((item) => item.path !== "/");

  return (
    <div className="page" data-testid="home-page">
      <Typography.Title level={3} className="page__title">
        {t("home.greeting", { name: me.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        <span data-testid="profile-role">{t(`role.${me.role}`)}</span>
        {me.regionName ? ` · ${me.regionName}` : ""}
        {me.unitName ? ` · ${me.unitName}` : ""}
      </Typography.Paragraph>
      {work.error && <LoadErrorAlert error={work.error} onRetry={work.reload} />}
      <WorkTiles
        tiles={work.data?.tiles}
        loading={work.loading}
        hasCommandPage={canOpen(me.role, "/command")}
      />
      <Row gutter={[16, 16]} className="home-page__pages">
        <Col xs={24}>
          <Card title={t("home.shortcuts")} size="small">
            {pages.map((item) => (
              <Link key={item.path} to={item.path} className="shortcut">
                <span className="shortcut__icon">{item.icon}</span>
                <strong>{t(item.labelKey)}</strong>
              </Link>
            ))}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
