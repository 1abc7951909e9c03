import { CheckCircleFilled } from "@ant-design/icons";
import { Alert, Button, Card, Form, Result, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useRequest } from "../../api/useRequest";
import { useAuth } from "../../auth/context";
import { usePlainT as useT } from "../../components/elderly";
import {
  dispositionLabel,
  formatTime,
  label,
  ordersApi,
  stateLabel,
  type VisitRating,
} from "../../components/orders";
import { VisitFields } from "../../components/orders/ActionFields";
import { PublicLayout } from "./PublicLayout";

/**
 * 一事一评: the return-visit link (/rate/:token), public. Shows the demand and its reply and takes the
 * caller's rating; a satisfactory one closes the order.
 */
export default function RatePage() {
  const t = useT();
  const { token = "" } = useParams();
  const { session } = useAuth();
  const link = useRequest((signal) => ordersApi.visitLink(token, signal), [token]);
  const [form] = Form.useForm<VisitRating>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ orderNo: string; state: string } | null>(null);
  const isResident = session.status === "authenticated" && session.me.role === "resident";

  const submit = async (values: VisitRating) => {
    setSubmitting(true);
    setError(null);
    try {
      const comment = values.comment?.trim();
      setResult(
        await ordersApi.rate(token, {
          solved: values.solved,
          satisfied: values.satisfied,
          ...(comment ? { comment } : {}),
        }),
      );
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSubmitting(false);
    }
  };

  const back = isResident ? (
    <Link to="/resident/orders" key="mine">
      <Button type="primary" size="large" block data-testid="back-to-mine">
        {t("resident.nav.mine")}
      </Button>
    </Link>
  ) : null;

  let body: React.ReactNode;
  if (link.loading && !link.data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (link.error) {
    const missing = link.error instanceof ApiError && link.error.status === 404;
    body = (
      <Result
        status="warning"
        title={missing ? t("resident.rate.invalid") : t("error.loadFailed")}
        subTitle={missing ? undefined : link.error.message}
        extra={back}
      />
    );
  } else if (result) {
    body = (
      <Result
        icon={<CheckCircleFilled className="resident-success__icon" />}
        status="success"
        title={t("resident.rate.thanks")}
        subTitle={
          <span data-testid="rate-result" data-state={result.state}>
            {result.orderNo} · {stateLabel(t, result.state)}
          </span>
        }
        extra={back}
      />
    );
  } else if (link.data) {
    const visit = link.data;
    body = (
      <>
        <Card size="small" className="resident-card" title={t("resident.rate.title")}>
          <div className="muted">{visit.orderNo}</div>
          <Typography.Paragraph strong>{visit.title}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }}>
            {visit.content}
          </Typography.Paragraph>
        </Card>
        <Card
          size="small"
          className="resident-card"
          title={t("resident.order.reply")}
          data-testid="rate-reply"
        >
          {visit.disposition && <Tag color="green">{dispositionLabel(t, visit.disposition)}</Tag>}
          <Typography.Paragraph className="resident-order__reply">
            {visit.replyText ?? "—"}
          </Typography.Paragraph>
          <div className="muted">{formatTime(visit.repliedAt)}</div>
        </Card>
        {visit.state === "pending" ? (
          <Card size="small" className="resident-card" title={t("resident.rate.yourRating")}>
            <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} className="rate-form">
              <VisitFields />
              {error && <Alert type="error" showIcon title={error} className="resident-card" />}
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={submitting}
                data-testid="submit-rating"
              >
                {t("resident.rate.submit")}
              </Button>
            </Form>
          </Card>
        ) : (
          <Alert
            type="success"
            showIcon
            className="resident-card"
            title={t("resident.rate.already")}
            description={[
              visit.solved && label(t, `orders.solved.${visit.solved}`, visit.solved),
              visit.satisfied && label(t, `orders.satisfied.${visit.satisfied}`, visit.satisfied),
            ]
              .filter(Boolean)
              .join(" · ")}
          />
        )}
      </>
    );
  }

  return (
    <PublicLayout>
      <div className="resident-page" data-testid="rate-page">
        {body}
      </div>
    </PublicLayout>
  );
}
