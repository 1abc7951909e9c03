import { ClearOutlined, PhoneOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Drawer, Form, Input, Switch, Typography } from "antd";
import { useCallback, useRef, useState } from "react";
import { useMe } from "../../auth/context";
import { DistrictPointPicker, type PickedPoint } from "../../components/map";
import {
  chinaTime,
  type DemandSubmission,
  type DuplicateSuggestion,
  type Located,
  type Order,
  OrderDetailPanel,
  ordersApi,
  type SubmittedOrder,
} from "../../components/orders";
import {
  CALLER_PHONE,
  ClassifiedChoiceFields,
  contentRules,
  DuplicateList,
  submitErrorText,
  useClassifiedChoice,
  useDuplicates,
  useIdempotencyKey,
} from "../../components/orders/intake";
import { type ChosenPlace, PlaceSearch, placeTypedText } from "../../components/places";
import { useT } from "../../i18n/context";
import { CallerHistory } from "./CallerHistory";
import { RoutingHint } from "./RoutingHint";
import { SubmittedPanel } from "./SubmittedPanel";
import { useCallKeys } from "./useCallKeys";
import "./operator.css";

interface CallValues {
  phone: string;
  name?: string;
  workOrderNo: string;
  content: string;
}

/** Alt+1…3 accept the classifier's first three categories; shown on the chips. */
const hotkeyLabel = (index: number) => `Alt+${index + 1}`;

/**
 * 12345 来电登记: a keyboard-first intake for hotline calls. Tab walks the fields in speaking order,
 * Alt+1…3 accept a suggested category (with the suggested type and urgency), Ctrl+Enter submits,
 * Esc clears for the next call. The caller's earlier demands, duplicates (one-click merge) and the
 * routing suggestion update as the call goes on; after submitting, the order number is shown big to
 * read back.
 */
export default function OperatorIntakePage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<CallValues>();
  const phone = ((Form.useWatch("phone", form) as string | undefined) ?? "").trim();
  const content = (Form.useWatch("content", form) as string | undefined) ?? "";
  const choice = useClassifiedChoice(content, 300);
  const [confidential, setConfidential] = useState(false);
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [located, setLocated] = useState<Located | null>(null);
  /** The place field: what was typed (the order's address) and what it was placed as. */
  const [placeText, setPlaceText] = useState("");
  const [chosen, setChosen] = useState<ChosenPlace | null>(null);
  const [callAt, setCallAt] = useState<string | null>(null);
  /** Each call gets a fresh caller history, even when the next caller has the same number. */
  const [callSerial, setCallSerial] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [mergingId, setMergingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{
    order: SubmittedOrder;
    mergedInto: DuplicateSuggestion | null;
  } | null>(null);
  const [openOrderId, setOpenOrderId] = useState<string | null>(null);
  const idempotency = useIdempotencyKey();
  const phoneRef = useRef<HTMLInputElement>(null);

  const regionCode = located?.grid.code ?? chosen?.regionCode ?? null;
  const location = point ? { lng: point.lng, lat: point.lat, crs: point.crs } : null;
  const duplicates = useDuplicates(content, { location, regionCode }, 400);
  const suggestedCategory = choice.categoryCode ?? choice.classification.result?.candidates[0]?.code ?? null;

  const clear = useCallback(() => {
    setCallSerial((serial) => serial + 1);
    form.resetFields();
    choice.reset();
    setConfidential(false);
    setPoint(null);
    setLocated(null);
    setPlaceText("");
    setChosen(null);
    setCallAt(null);
    setError(null);
    setSubmitted(null);
    setMergingId(null);
    idempotency.settled();
    window.setTimeout(() => phoneRef.current?.focus(), 0);
  }, [form, idempotency, choice.reset]);

  /** Submits the call; with `mergeInto` the new order is merged into that open one right away. */
  const submit = useCallback(
    async (mergeInto: DuplicateSuggestion | null = null) => {
      let values: CallValues;
      try {
        values = await form.validateFields();
      } catch {
        return;
      }
      let place: { location: typeof location; regionCode: string | null } = { location, regionCode };
      if (!location && !regionCode) {
        // Typed but not chosen: placed as the "place by address" option would, if sure enough.
        const typed = await placeTypedText(placeText).catch(() => null);
        if (!typed?.point) {
          setError(t(placeText.trim() ? "places.notPlaced" : "operator.form.placeRequired"));
          return;
        }
        place = { location: { ...typed.point, crs: "wgs84" }, regionCode: typed.regionCode };
      }
      setSubmitting(true);
      setMergingId(mergeInto?.id ?? null);
      setError(null);
      try {
        const body: DemandSubmission = {
          channel: "12345",
          channelFields: { workOrderNo: values.workOrderNo.trim(), ...(callAt ? { callAt } : {}) },
          content: values.content.trim(),
          ...(choice.type ? { type: choice.type } : {}),
          ...(choice.categoryCode ? { categoryCode: choice.categoryCode } : {}),
          urgent: choice.urgent,
          ...(place.location ? { location: place.location } : { regionCode: place.regionCode ?? undefined }),
          ...(placeText.trim() ? { address: placeText.trim().slice(0, 200) } : {}),
          caller: {
            phone: values.phone.trim(),
            ...(values.name?.trim() ? { name: values.name.trim() } : {}),
            confidential,
          },
        };
        const order = await ordersApi.submit(body, idempotency.keyFor(body));
        idempotency.settled();
        setSubmitted({ order, mergedInto: null });
        if (mergeInto) {
          // The order exists now: a failed merge is offered again on the result, never resubmitted.
          try {
            const merged = await ordersApi.act(order.id, "merge", order.version, {
              targetOrderId: mergeInto.id,
            });
            setSubmitted({ order: { ...order, ...merged }, mergedInto: mergeInto });
          } catch (cause) {
            message.error(submitErrorText(cause, t("intake.networkRetry")));
          }
        }
      } catch (cause) {
        setError(submitErrorText(cause, t("intake.networkRetry")));
      } finally {
        setSubmitting(false);
        setMergingId(null);
      }
    },
    [form, location, regionCode, placeText, t, callAt, choice, confidential, idempotency, message],
  );

  useCallKeys({
    submit,
    clear,
    acceptSuggestion: choice.accept,
    submitted: submitted !== null,
    drawerOpen: openOrderId !== null,
  });

  // The call starts with the first thing typed.
  const onValuesChange = () => {
    if (!callAt) setCallAt(new Date().toISOString());
  };

  const openOrder = (order: Pick<Order, "id">) => setOpenOrderId(order.id);

  return (
    <div className="operator-page" data-testid="operator-intake">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            <PhoneOutlined /> {t("operator.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("operator.keys")}</Typography.Text>
        </div>
        <span className="muted">{me.displayName}</span>
      </div>

      <div className="operator-layout">
        <div className="operator-layout__main">
          {submitted ? (
            <SubmittedPanel
              order={submitted.order}
              mergedInto={submitted.mergedInto}
              onNext={clear}
              onOpen={openOrder}
              onMerged={(order, into) =>
                setSubmitted({ order: { ...submitted.order, ...order }, mergedInto: into })
              }
            />
          ) : (
            <Card size="small" className="operator-card">
              <Form
                key={callSerial}
                form={form}
                preserve={false}
                layout="vertical"
                requiredMark
                onValuesChange={onValuesChange}
                onFinish={() => submit()}
                className="operator-form"
              >
                <div className="operator-form__row">
                  <Form.Item
                    name="phone"
                    label={t("operator.form.phone")}
                    rules={[
                      { required: true, message: t("operator.form.phoneRequired") },
                      { pattern: CALLER_PHONE, message: t("resident.track.phoneInvalid") },
                    ]}
                    className="operator-form__phone"
                  >
                    <Input
                      ref={(input) => {
                        phoneRef.current = input?.input ?? null;
                      }}
                      autoFocus
                      inputMode="tel"
                      autoComplete="off"
                      data-testid="caller-phone-input"
                    />
                  </Form.Item>
                  <Form.Item name="name" label={t("operator.form.name")} rules={[{ max: 40 }]}>
                    <Input autoComplete="off" maxLength={40} data-testid="caller-name-input" />
                  </Form.Item>
                  <Form.Item label={t("intake.confidential")}>
                    <Switch
                      checked={confidential}
                      onChange={setConfidential}
                      aria-label={t("intake.confidential")}
                      data-testid="caller-confidential"
                    />
                  </Form.Item>
                </div>
                <div className="operator-form__row">
                  <Form.Item
                    name="workOrderNo"
                    label={t("operator.form.workOrderNo")}
                    rules={[
                      { required: true, whitespace: true, message: t("operator.form.workOrderNoRequired") },
                      { max: 40 },
                    ]}
                    className="operator-form__grow"
                  >
                    <Input autoComplete="off" maxLength={40} data-testid="work-order-no" />
                  </Form.Item>
                  <Form.Item label={t("operator.form.callAt")}>
                    <span className="operator-form__callat" data-testid="call-at">
                      {callAt ? chinaTime(callAt).format("HH:mm:ss") : "—"}
                    </span>
                  </Form.Item>
                </div>
                <Form.Item name="content" label={t("operator.form.content")} rules={contentRules(t)}>
                  <Input.TextArea rows={5} maxLength={4000} showCount data-testid="call-content" />
                </Form.Item>
                <ClassifiedChoiceFields
                  choice={choice}
                  withUrgency
                  hotkeyLabel={hotkeyLabel}
                  typeTestId="call-type"
                  urgentTestId="call-urgent"
                />
                <Form.Item label={t("places.field")} required>
                  <PlaceSearch
                    text={placeText}
                    onTextChange={(text) => {
                      setPlaceText(text);
                      onValuesChange();
                    }}
                    chosen={chosen}
                    onChoose={(place) => {
                      setChosen(place);
                      setError(null);
                      setPoint(place?.point ? { ...place.point, crs: "wgs84", source: "search" } : null);
                    }}
                    onSubmitKey={() => {
                      if (!submitted) void submit();
                    }}
                    testId="call-place"
                  />
                </Form.Item>
                {error && (
                  <Alert
                    type="error"
                    showIcon
                    title={error}
                    className="operator-card"
                    data-testid="intake-error"
                  />
                )}
                <div className="operator-form__buttons">
                  <Button
                    type="primary"
                    htmlType="submit"
                    icon={<SendOutlined />}
                    loading={submitting && !mergingId}
                    size="large"
                    data-testid="submit-call"
                  >
                    {t("operator.form.submit")} <kbd className="operator-kbd">Ctrl+Enter</kbd>
                  </Button>
                  <Button icon={<ClearOutlined />} onClick={clear} size="large" data-testid="clear-call">
                    {t("operator.form.clear")} <kbd className="operator-kbd">Esc</kbd>
                  </Button>
                </div>
              </Form>
            </Card>
          )}
        </div>

        <div className="operator-layout__side">
          {!submitted && (
            <Card
              size="small"
              title={t("intake.duplicates")}
              className="operator-card"
              data-testid="operator-duplicates-card"
              extra={duplicates.loading ? <span className="muted">…</span> : null}
            >
              <DuplicateList
                items={duplicates.items}
                onMerge={(item) => void submit(item)}
                mergeLabel={t("operator.merge.submitAndMerge")}
                mergingId={mergingId}
                onOpen={(item) => setOpenOrderId(item.id)}
                empty={t("operator.duplicates.none")}
              />
            </Card>
          )}
          {!submitted && (
            <Card
              size="small"
              title={t("operator.routing.title")}
              className="operator-card"
              data-testid="operator-routing-card"
            >
              <RoutingHint category={suggestedCategory} region={regionCode} />
            </Card>
          )}
          <Card size="small" title={t("operator.caller.title")} className="operator-card">
            <CallerHistory
              key={callSerial}
              phone={CALLER_PHONE.test(phone) ? phone : ""}
              onOpen={openOrder}
            />
          </Card>
          <Card
            size="small"
            title={t("operator.map.title")}
            className="operator-card"
            styles={{ body: { padding: 8 } }}
          >
            <DistrictPointPicker
              className="operator-map"
              value={point}
              onChange={(next) => {
                setPoint(next);
                // A tap on the map replaces the place chosen by name; the typed text stays the address.
                if (next?.source !== "search") setChosen(null);
              }}
              onLocated={setLocated}
            />
          </Card>
        </div>
      </div>

      <Drawer
        open={openOrderId !== null}
        onClose={() => setOpenOrderId(null)}
        size={560}
        title={t("operator.order.title")}
        destroyOnHidden
      >
        {openOrderId && <OrderDetailPanel orderId={openOrderId} />}
      </Drawer>
    </div>
  );
}
