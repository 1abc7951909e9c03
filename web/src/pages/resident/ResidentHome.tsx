import {
  CloudOutlined,
  EditOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  StarOutlined,
} from "@ant-design/icons";
import { Alert, Button, Card, Empty, Skeleton, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { usePlainT as useT } from "../../components/elderly";
import { OrderCard, ordersApi } from "../../components/orders";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import { usePendingRatings } from "./usePendingRatings";
import "./resident.css";

/** The resident's mobile home (like the 长安e格 mini-program): report, my demands, ratings due. */
export default function ResidentHome() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const recent = useRequest((signal) => ordersApi.list({ pageSize: 3 }, signal), []);
  const ratings = usePendingRatings();
  useOrderEvents({
    onChange: () => {
      recent.reload();
      ratings.reload();
    },
  });

  return (
    <div className="resident-page" data-testid="resident-home">
      <div className="resident-hero">
        <div className="resident-hero__hello">{t("home.greeting", { name: me.displayName })}</div>
        <div className="resident-hero__slogan">{t("resident.home.slogan")}</div>
        <Button
          type="primary"
          size="large"
          icon={<EditOutlined />}
          className="resident-hero__cta"
          onClick={() => navigate("/resident/new")}
          data-testid="start-demand"
        >
          {t("resident.home.report")}
        </Button>
      </div>

      <div className="resident-tiles">
        <Link to="/resident/orders" className="resident-tile">
          <ProfileOutlined />
          <span>{t("resident.nav.mine")}</span>
        </Link>
        <Link to="/resident/services" className="resident-tile" data-testid="services-tile">
          <CloudOutlined />
          <span>{t("services.menu.resident")}</span>
        </Link>
        <Link to="/track" className="resident-tile">
          <FileSearchOutlined />
          <span>{t("resident.nav.track")}</span>
        </Link>
      </div>

      {ratings.items.map(({ order, token }) => (
        <Alert
          key={order.id}
          type="warning"
          showIcon
          icon={<StarOutlined />}
          className="resident-card"
          title={t("resident.rate.due", { title: order.title })}
          action={
            <Button
              size="small"
              type="primary"
              onClick={() => navigate(`/rate/${token}`)}
              data-testid="rate-now"
            >
              {t("resident.rate.go")}
            </Button>
          }
        />
      ))}

      <Card
        size="small"
        title={t("resident.home.recent")}
        extra={<Link to="/resident/orders">{t("resident.home.all")}</Link>}
        className="resident-card"
      >
        {recent.loading && !recent.data && <Skeleton active paragraph={{ rows: 3 }} />}
        {recent.error && <Alert type="error" showIcon title={recent.error.message} />}
        {recent.data?.items.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("resident.mine.empty")} />
        )}
        {recent.data?.items.map((order) => (
          <OrderCard key={order.id} order={order} onOpen={() => navigate(`/resident/orders/${order.id}`)} />
        ))}
      </Card>
      <Typography.Paragraph type="secondary" className="resident-page__foot">
        {t("resident.home.privacy")}
      </Typography.Paragraph>
    </div>
  );
}
