import { SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { usePlainT as useT } from "../../components/elderly";
import {
  dispositionLabel,
  OrderProgress,
  OrderStateTag,
  ordersApi,
  type TrackResult,
} from "../../components/orders";
import { PublicLayout } from "./PublicLayout";

interface TrackForm {
  orderNo: string;
  code: string;
}

/** 进度查询: anyone with the order number and the 查询码 on the receipt sees the progress (GET /api/track). */
export default function TrackPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [result, setResult] = useState<TrackResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const search = async ({ orderNo, code }: TrackForm) => {
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await ordersApi.track(orderNo.trim().toUpperCase(), code.replace(/\s+/g, "").toUpperCase()));
    } catch (cause) {
      setError(
        cause instanceof ApiError && cause.status === 404
          ? t("resident.track.notFound")
          : cause instanceof ApiError && cause.status === 429
            ? t("resident.track.throttled")
            : cause instanceof Error
              ? cause.message
              : String(cause),
      );
    } finally {
      setLoading(false);
    }
  };

  return (
    <PublicLayout>
      <div className="resident-page" data-testid="track-page">
        <Typography.Title level={4} className="resident-page__title">
          {t("resident.nav.track")}
        </Typography.Title>
        <Card size="small" className="resident-card">
          <Form<TrackForm>
            layout="vertical"
            requiredMark={false}
            onFinish={search}
            initialValues={{ orderNo: params.get("orderNo") ?? "", code: params.get("code") ?? "" }}
          >
            <Form.Item
              name="orderNo"
              label={t("orders.field.orderNo")}
              rules={[
                {
                  required: true,
                  pattern: /^\s*[A-Za-z]{2}\d{12,14}\s*$/,
                  message: t("resident.track.orderNoInvalid"),
                },
              ]}
            >
              <Input placeholder="BL202611260001" autoComplete="off" data-testid="track-order-no" />
            </Form.Item>
            <Form.Item
              name="code"
              label={t("resident.track.code")}
              rules={[
                {
                  required: true,
                  pattern: /^\s*[0-9A-Fa-f]{10}\s*$/,
                  message: t("resident.track.codeInvalid"),
                },
              ]}
            >
              <Input autoComplete="off" placeholder="7F3A9C2E1B" data-testid="track-code" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              icon={<SearchOutlined />}
              loading={loading}
              data-testid="track-submit"
            >
              {t("resident.track.search")}
            </Button>
          </Form>
        </Card>
        {error && (
          <Alert type="warning" showIcon title={error} className="resident-card" data-testid="track-error" />
        )}
        {result && (
          <Card
            size="small"
            className="resident-card"
            data-testid="track-result"
            title={
              <span>
                {result.orderNo} <OrderStateTag state={result.state} />
              </span>
            }
          >
            <Typography.Paragraph strong>{result.title}</Typography.Paragraph>
            {result.category && <Tag className="track-result__category">{result.category}</Tag>}
            <OrderProgress state={result.state} progress={result.progress} />
            {result.replyText && (
              <Alert
                type="success"
                className="resident-card"
                title={
                  result.disposition ? dispositionLabel(t, result.disposition) : t("resident.order.reply")
                }
                description={result.replyText}
              />
            )}
          </Card>
        )}
      </div>
    </PublicLayout>
  );
}
