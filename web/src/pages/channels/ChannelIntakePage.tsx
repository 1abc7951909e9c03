import { CheckCircleFilled, ClearOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Result, Switch, Typography, type UploadFile } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { ApiError } from "../../api/client";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { LoadErrorAlert } from "../../components/ErrorState";
import { DistrictPointPicker, type PickedPoint } from "../../components/map";
import {
  channelLabel,
  type DemandSubmission,
  type Located,
  ordersApi,
  type SubmittedOrder,
} from "../../components/orders";
import {
  ClassifiedChoiceFields,
  DuplicateList,
  encodePhoto,
  filesOf,
  PhotoPicker,
  useClassifiedChoice,
  useDuplicates,
  useIdempotencyKey,
} from "../../components/orders/intake";
import { PageLoading } from "../../components/PageLoading";
import { type ChosenPlace, PlaceSearch, placeTypedText } from "../../components/places";
import { OrderDrawer } from "../../components/workbench/OrderDrawer";
import { type Translate, useT } from "../../i18n/context";
import { type ChannelField, ChannelFieldInputs, channelFieldsOf, channelFieldValues } from "./ChannelFields";
import "./channels.css";

const PHONE = /^\+?[0-9][0-9 -]{6,19}$/;

interface IntakeValues {
  channelFields?: Record<string, string | undefined>;
  content: string;
  name?: string;
  phone?: string;
}

/** A failed submission as shown: the server's stable code and its message in the reader's language. */
interface SubmitError {
  code: string;
  message: string;
}

function errorOf(cause: unknown, t: Translate): SubmitError {
  if (cause instanceof ApiError) {
    return cause.code === "NETWORK_ERROR"
      ? { code: cause.code, message: t("intake.networkRetry") }
      : { code: cause.code, message: cause.message };
  }
  return { code: "ERROR", message: cause instanceof Error ? cause.message : String(cause) };
}

/**
 * 渠道受理 `/channels/:channel`: the staff who take demands at a window, from deputies, the media,
 * petitions, inspections, forums or grassroots reports register them here. The channel's own fields
 * and their rules come from GET /api/channels, the same schema the server checks; the rest (content
 * with suggested category, place, caller, photos, nearby duplicates) is the shared intake.
 */
export default function ChannelIntakePage() {
  const t = useT();
  const me = useMe();
  const { channel = "" } = useParams();
  const channels = useRequest((signal) => ordersApi.channels(signal), []);
  const info = channels.data?.items.find((item) => item.code === channel);

  if (channels.error) return <LoadErrorAlert error={channels.error} onRetry={channels.reload} />;
  if (!channels.data) return <PageLoading />;
  if (!info?.roles.includes(me.role)) {
    return <Result status="404" title={t("channels.unknown")} data-testid="channel-unknown" />;
  }
  // A fresh form per channel: nothing typed for one channel carries over to another.
  return <ChannelForm key={info.code} code={info.code} fields={channelFieldsOf(info.fields)} />;
}

function ChannelForm({ code, fields }: { code: string; fields: ChannelField[] }) {
  const t = useT();
  const [form] = Form.useForm<IntakeValues>();
  const content = (Form.useWatch("content", form) as string | undefined) ?? "";
  const choice = useClassifiedChoice(content, 300);
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [located, setLocated] = useState<Located | null>(null);
  const [placeText, setPlaceText] = useState("");
  const [chosen, setChosen] = useState<ChosenPlace | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [confidential, setConfidential] = useState(false);
  const [serial, setSerial] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<SubmitError | null>(null);
  const [submitted, setSubmitted] = useState<SubmittedOrder | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const idempotency = useIdempotencyKey();

  const regionCode = located?.grid.code ?? chosen?.regionCode ?? null;
  const location = useMemo(
    () => (point ? { lng: point.lng, lat: point.lat, crs: point.crs } : null),
    [point],
  );
  const duplicates = useDuplicates(content, { location, regionCode }, 400);
  const name = channelLabel(t, code);

  const clear = useCallback(() => {
    setSerial((n) => n + 1);
    form.resetFields();
    choice.reset();
    setPoint(null);
    setLocated(null);
    setPlaceText("");
    setChosen(null);
    setPhotos([]);
    setConfidential(false);
    setError(null);
    setSubmitted(null);
    idempotency.settled();
  }, [form, choice.reset, idempotency]);

  const submit = async (values: IntakeValues) => {
    setError(null);
    let place: { location: typeof location; regionCode: string | null } = { location, regionCode };
    if (!location && !regionCode) {
      // Typed but not chosen: placed as the "place by address" option would, if sure enough.
      const typed = placeText.trim() ? await placeTypedText(placeText).catch(() => null) : null;
      if (!typed?.point) {
        setError({
          code: "PLACE_REQUIRED",
          message: t(placeText.trim() ? "places.notPlaced" : "channels.placeRequired"),
        });
        return;
      }
      place = { location: { ...typed.point, crs: "wgs84" }, regionCode: typed.regionCode };
    }
    setSubmitting(true);
    try {
      const attachments = await Promise.all(filesOf(photos).map(encodePhoto));
      const caller = {
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        confidential,
      };
      const body = {
        channel: code,
        channelFields: channelFieldValues(fields, values.channelFields),
        content: values.content.trim(),
        ...(choice.type ? { type: choice.type } : {}),
        ...(choice.categoryCode ? { categoryCode: choice.categoryCode } : {}),
        urgent: choice.urgent,
        ...(place.location ? { location: place.location } : { regionCode: place.regionCode ?? undefined }),
        ...(placeText.trim() ? { address: placeText.trim().slice(0, 200) } : {}),
        caller,
        ...(attachments.length > 0 ? { attachments } : {}),
      } as DemandSubmission;
      const order = await ordersApi.submit(body, idempotency.keyFor(body));
      idempotency.settled();
      setSubmitted(order);
    } catch (cause) {
      setError(errorOf(cause, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="channel-page" data-testid="channel-intake" data-channel={code}>
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("channels.title", { channel: name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(`channels.hint.${code}` as "channels.hint.window")}
          </Typography.Text>
        </div>
      </div>

      {submitted ? (
        <Receipt order={submitted} onOpen={() => setOpenId(submitted.id)} onNext={clear} t={t} />
      ) : (
        <div className="channel-layout">
          <div className="channel-layout__main">
            <Form
              key={serial}
              form={form}
              layout="vertical"
              requiredMark
              onFinish={submit}
              scrollToFirstError
              data-testid="channel-form"
            >
              {fields.length > 0 && (
                <Card size="small" title={t("channels.section.source")} className="channel-card">
                  <ChannelFieldInputs fields={fields} t={t} />
                </Card>
              )}
              <Card size="small" title={t("channels.section.demand")} className="channel-card">
                <Form.Item
                  name="content"
                  label={t("operator.form.content")}
                  rules={[
                    { required: true, whitespace: true, message: t("intake.contentRequired") },
                    { min: 5, message: t("intake.contentTooShort") },
                  ]}
                >
                  <Input.TextArea rows={5} maxLength={4000} showCount data-testid="channel-content" />
                </Form.Item>
                <ClassifiedChoiceFields
                  choice={choice}
                  withUrgency
                  typeTestId="channel-type"
                  urgentTestId="channel-urgent"
                />
              </Card>
              <Card size="small" title={t("channels.section.place")} className="channel-card">
                <Form.Item label={t("places.field")} required>
                  <PlaceSearch
                    text={placeText}
                    onTextChange={setPlaceText}
                    chosen={chosen}
                    onChoose={(next) => {
                      setChosen(next);
                      setError(null);
                      setPoint(next?.point ? { ...next.point, crs: "wgs84", source: "search" } : null);
                    }}
                    testId="channel-place"
                  />
                </Form.Item>
              </Card>
              <Card size="small" title={t("channels.section.caller")} className="channel-card">
                <div className="channel-form__row">
                  <Form.Item name="name" label={t("channels.caller.name")} rules={[{ max: 40 }]}>
                    <Input autoComplete="off" maxLength={40} data-testid="channel-caller-name" />
                  </Form.Item>
                  <Form.Item
                    name="phone"
                    label={t("channels.caller.phone")}
                    rules={[{ pattern: PHONE, message: t("resident.track.phoneInvalid") }]}
                  >
                    <Input inputMode="tel" autoComplete="off" data-testid="channel-caller-phone" />
                  </Form.Item>
                  <Form.Item label={t("intake.confidential")}>
                    <Switch
                      checked={confidential}
                      onChange={setConfidential}
                      aria-label={t("intake.confidential")}
                      data-testid="channel-confidential"
                    />
                  </Form.Item>
                </div>
              </Card>
              <Card size="small" title={t("channels.section.photos")} className="channel-card">
                <PhotoPicker value={photos} onChange={setPhotos} />
              </Card>
              {error && (
                <Alert
                  type="error"
                  showIcon
                  title={error.message}
                  description={<span className="muted">{error.code}</span>}
                  className="channel-card"
                  data-testid="channel-error"
                  data-code={error.code}
                />
              )}
              <div className="channel-form__buttons">
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SendOutlined />}
                  loading={submitting}
                  size="large"
                  data-testid="channel-submit"
                >
                  {t("channels.submit")}
                </Button>
                <Button icon={<ClearOutlined />} onClick={clear} size="large">
                  {t("channels.clear")}
                </Button>
              </div>
            </Form>
          </div>
          <div className="channel-layout__side">
            <Card
              size="small"
              title={t("intake.duplicates")}
              className="channel-card"
              extra={duplicates.loading ? <span className="muted">…</span> : null}
            >
              <DuplicateList
                items={duplicates.items}
                onOpen={(item) => setOpenId(item.id)}
                empty={t("channels.duplicatesNone")}
              />
            </Card>
            <Card
              size="small"
              title={t("operator.map.title")}
              className="channel-card"
              styles={{ body: { padding: 8 } }}
            >
              <DistrictPointPicker
                className="channel-map"
                value={point}
                onChange={(next) => {
                  setPoint(next);
                  if (next?.source !== "search") setChosen(null);
                }}
                onLocated={setLocated}
              />
            </Card>
          </div>
        </div>
      )}
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** The receipt: order number and tracking code to hand over, a link to the order, and the next one. */
function Receipt({
  order,
  onOpen,
  onNext,
  t,
}: {
  order: SubmittedOrder;
  onOpen: () => void;
  onNext: () => void;
  t: Translate;
}) {
  return (
    <Card className="channel-card channel-done" data-testid="channel-submitted" data-order-id={order.id}>
      <div className="channel-done__head">
        <CheckCircleFilled className="channel-done__icon" />
        <span>{t("channels.done.title")}</span>
      </div>
      <div className="channel-done__label">{t("channels.done.orderNo")}</div>
      <div className="channel-done__number">
        <Typography.Link onClick={onOpen} data-testid="channel-order-no">
          {order.orderNo}
        </Typography.Link>
      </div>
      <div className="channel-done__label">
        {t("channels.done.trackingCode")}{" "}
        <Typography.Text strong copyable data-testid="channel-tracking-code">
          {order.trackingCode}
        </Typography.Text>
      </div>
      <div className="channel-form__buttons">
        <Button type="primary" size="large" onClick={onOpen} data-testid="channel-open-order">
          {t("channels.done.open")}
        </Button>
        <Button size="large" onClick={onNext} data-testid="channel-next">
          {t("channels.done.next")}
        </Button>
      </div>
    </Card>
  );
}
