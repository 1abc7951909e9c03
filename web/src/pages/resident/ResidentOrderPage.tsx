import { ArrowLeftOutlined, StarFilled, StarOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Collapse, Skeleton, Tag, Typography } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { usePlainT as useT } from "../../components/elderly";
import {
  dispositionLabel,
  formatTime,
  label,
  OrderHeadline,
  OrderProgress,
  OrderSummary,
  OrderTimeline,
  ordersApi,
  progressOf,
} from "../../components/orders";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import "./resident.css";

/** One of the resident's demands: progress in plain words, the reply, the rating, the record. */
export default function ResidentOrderPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const detail = useRequest((signal) => ordersApi.get(id, signal), [id]);
  useOrderEvents({
    onChange: (change) => {
      if (change.orderId === id) detail.reload();
    },
  });
  const order = detail.data;
  const pending = order?.visits.find((visit) => visit.state === "pending" && visit.token);
  const done = order?.visits.filter((visit) => visit.state === "done") ?? [];

  return (
    <div className="resident-page" data-testid="resident-order">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate("/resident/orders")}
        className="resident-back"
      >
        {t("resident.nav.mine")}
      </Button>
      {detail.loading && !order && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail.error && <Alert type="error" showIcon title={detail.error.message} />}
      {order && (
        <>
          <Card size="small" className="resident-card">
            <OrderHeadline order={order} />
            <Typography.Paragraph strong className="resident-order__title">
              {order.title}
            </Typography.Paragraph>
            {pending?.token && (
              <Button
                type="primary"
                size="large"
                block
                icon={<StarOutlined />}
                onClick={() => navigate(`/rate/${pending.token}`)}
                data-testid="rate-order"
              >
                {t("resident.rate.go")}
              </Button>
            )}
          </Card>

          <Card size="small" title={t("resident.order.progress")} className="resident-card">
            <OrderProgress state={order.state} progress={progressOf(order)} />
          </Card>

          {(order.replyText || order.disposition) && (
            <Card
              size="small"
              title={t("resident.order.reply")}
              className="resident-card"
              data-testid="resident-reply"
            >
              {order.disposition && <Tag color="green">{dispositionLabel(t, order.disposition)}</Tag>}
              <Typography.Paragraph className="resident-order__reply">{order.replyText}</Typography.Paragraph>
              <div className="muted">{formatTime(order.repliedAt)}</div>
            </Card>
          )}

          {done.length > 0 && (
            <Card
              size="small"
              title={t("resident.order.myRating")}
              className="resident-card"
              data-testid="resident-rating"
            >
              {done.map((visit) => (
                <div key={visit.round} className="resident-order__rating">
                  <StarFilled className="resident-order__star" />{" "}
                  {visit.solved && label(t, `orders.solved.${visit.solved}`, visit.solved)} ·{" "}
                  {visit.satisfied && label(t, `orders.satisfied.${visit.satisfied}`, visit.satisfied)}
                  {visit.comment && <div className="muted">{visit.comment}</div>}
                </div>
              ))}
            </Card>
          )}

          <Collapse
            className="resident-card"
            items={[
              {
                key: "summary",
                label: t("resident.order.details"),
                children: <OrderSummary order={order} />,
              },
              {
                key: "history",
                label: t("orders.history"),
                children: <OrderTimeline history={order.history} />,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
