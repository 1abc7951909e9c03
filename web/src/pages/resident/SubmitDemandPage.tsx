import { CheckCircleFilled, LockOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Result, Switch, Typography, type UploadFile } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { type PickedPoint, PointPicker } from "../../components/map";
import {
  ClassifiedChoiceFields,
  encodePhoto,
  filesOf,
  PhotoPicker,
  useClassifiedChoice,
  useDemandSubmission,
  useDuplicates,
} from "../../components/orders/intake";
import { useT } from "../../i18n/context";
import "./resident.css";

interface FormValues {
  content: string;
  address?: string;
}

/** 我要反映: the resident's H5 intake (channel online). */
export default function SubmitDemandPage() {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const content = (Form.useWatch("content", form) as string | undefined) ?? "";
  const choice = useClassifiedChoice(content);
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [confidential, setConfidential] = useState(false);
  const [placeMissing, setPlaceMissing] = useState(false);
  const { submitting, error, submitted, submit: send, reset } = useDemandSubmission(t("intake.networkRetry"));
  const location = point ? { lng: point.lng, lat: point.lat, crs: point.crs } : null;
  const duplicates = useDuplicates(content, { location });

  const submit = async (values: FormValues) => {
    if (!point) {
      setPlaceMissing(true);
      return;
    }
    // Urgency is not the resident's to set: the server's classifier decides it.
    await send(async () => {
      const attachments = await Promise.all(filesOf(photos).map(encodePhoto));
      return {
        channel: "online",
        channelFields: { client: "h5" },
        content: values.content.trim(),
        ...(choice.type ? { type: choice.type } : {}),
        ...(choice.categoryCode ? { categoryCode: choice.categoryCode } : {}),
        location: { lng: point.lng, lat: point.lat, crs: point.crs },
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
        caller: { confidential },
        ...(attachments.length > 0 ? { attachments } : {}),
      };
    });
  };

  if (submitted) {
    return (
      <div className="resident-page">
        <Result
          icon={<CheckCircleFilled className="resident-success__icon" />}
          status="success"
          title={t("resident.submit.done")}
          subTitle={
            <div data-testid="submitted-order">
              {t("resident.submit.doneHint")}
              <Typography.Title
                level={3}
                copyable
                className="resident-success__no"
                data-testid="submitted-order-no"
              >
                {submitted.orderNo}
              </Typography.Title>
              <Typography.Text copyable={{ text: submitted.trackingCode }}>
                {t("resident.submit.trackingCode")}{" "}
                <Typography.Text strong data-testid="submitted-tracking-code">
                  {submitted.trackingCode}
                </Typography.Text>
              </Typography.Text>
            </div>
          }
          extra={[
            <Button
              type="primary"
              key="view"
              size="large"
              block
              onClick={() => navigate(`/resident/orders/${submitted.id}`)}
              data-testid="view-submitted"
            >
              {t("resident.submit.view")}
            </Button>,
            <Button
              key="again"
              size="large"
              block
              className="resident-success__again"
              onClick={() => {
                form.resetFields();
                reset();
                setPoint(null);
                setPhotos([]);
                choice.reset();
                setConfidential(false);
              }}
            >
              {t("resident.submit.again")}
            </Button>,
          ]}
        />
      </div>
    );
  }

  return (
    <div className="resident-page" data-testid="resident-submit">
      <Typography.Title level={4} className="resident-page__title">
        {t("resident.submit.title")}
      </Typography.Title>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} scrollToFirstError>
        <Card size="small" title={t("resident.submit.what")} className="resident-card">
          <Form.Item
            name="content"
            rules={[
              { required: true, whitespace: true, message: t("intake.contentRequired") },
              { min: 5, message: t("intake.contentTooShort") },
            ]}
          >
            <Input.TextArea
              rows={5}
              maxLength={4000}
              showCount
              placeholder={t("resident.submit.contentPlaceholder")}
              data-testid="demand-content"
            />
          </Form.Item>
          <ClassifiedChoiceFields choice={choice} typeTestId="demand-type" />
          {duplicates.items.length > 0 && (
            <Alert
              type="info"
              showIcon
              className="resident-card__alert"
              title={t("resident.submit.similar")}
            />
          )}
        </Card>

        <Card size="small" title={t("resident.submit.where")} className="resident-card">
          <PointPicker
            value={point}
            onChange={(next) => {
              setPoint(next);
              setPlaceMissing(false);
            }}
            className="resident-map"
          />
          {placeMissing && (
            <Typography.Text type="danger" data-testid="place-missing">
              {t("resident.submit.placeRequired")}
            </Typography.Text>
          )}
          <Form.Item name="address" className="resident-card__address">
            <Input
              maxLength={200}
              placeholder={t("intake.addressPlaceholder")}
              data-testid="demand-address"
            />
          </Form.Item>
        </Card>

        <Card size="small" title={t("resident.submit.photos")} className="resident-card">
          <PhotoPicker value={photos} onChange={setPhotos} />
        </Card>

        <Card size="small" className="resident-card">
          <div className="resident-card__row resident-card__row--between">
            <span>
              <LockOutlined /> {t("intake.confidential")}
              <div className="muted resident-card__hint">{t("intake.confidentialHint")}</div>
            </span>
            <Switch checked={confidential} onChange={setConfidential} data-testid="confidential" />
          </div>
        </Card>

        {error && (
          <Alert type="error" showIcon title={error} className="resident-card" data-testid="submit-error" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={submitting}
          data-testid="submit-demand"
        >
          {t("resident.submit.submit")}
        </Button>
        <div className="resident-page__foot">
          <Link to="/resident/orders">{t("resident.nav.mine")}</Link>
        </div>
      </Form>
    </div>
  );
}
