import { ClearOutlined, PhoneOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Drawer, Form, Input, Segmented, Switch, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { GridProperties } from "../../api/types";
import { useMe } from "../../auth/context";
import { type PickedPoint, PointPicker } from "../../components/map";
import {
  DEMAND_TYPES,
  type DemandSubmission,
  type DemandType,
  type DuplicateSuggestion,
  type Located,
  type Order,
  OrderDetailPanel,
  ordersApi,
  type SubmittedOrder,
  typeLabel,
} from "../../components/orders";
import {
  CategorySuggestions,
  DuplicateList,
  submitErrorText,
  useCategoryTree,
  useClassification,
  useDuplicates,
  useIdempotencyKey,
} from "../../components/orders/intake";
import { useT } from "../../i18n/context";
import { gridStyle } from "../regions/gridStyles";
import { streetSwatches } from "../regions/streetColors";
import { useGridData } from "../regions/useGridData";
import { CallerHistory } from "./CallerHistory";
import { RegionCascader } from "./RegionCascader";
import { RoutingHint } from "./RoutingHint";
import { SubmittedPanel } from "./SubmittedPanel";
import "./operator.css";

interface CallValues {
  phone: string;
  name?: string;
  workOrderNo: string;
  content: string;
  address?: string;
}

const PHONE = /^\+?[0-9][0-9 -]{6,19}$/;

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
  const classification = useClassification(content, 300);
  const tree = useCategoryTree();
  const grids = useGridData();
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [type, setType] = useState<DemandType | null>(null);
  const [urgent, setUrgent] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [located, setLocated] = useState<Located | null>(null);
  const [regionPath, setRegionPath] = useState<string[]>([]);
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

  const regionCode = located?.grid.code ?? regionPath[regionPath.length - 1] ?? null;
  const location = point ? { lng: point.lng, lat: point.lat, crs: point.crs } : null;
  const duplicates = useDuplicates(content, { location, regionCode }, 400);
  const suggestedCategory = categoryCode ?? classification.result?.candidates[0]?.code ?? null;

  const features = grids.data?.collection.features;
  const styleGrid = useMemo(() => {
    const colorByStreet = new Map(
      streetSwatches(features ?? []).map((street) => [street.code, street.color]),
    );
    return (grid: GridProperties) => ({
      ...gridStyle(colorByStreet.get(grid.streetCode), { hovered: false, selected: false }),
      fillOpacity: 0.3,
    });
  }, [features]);

  const acceptSuggestion = useCallback(
    (index: number) => {
      const result = classification.result;
      const candidate = result?.candidates[index];
      if (!result || !candidate) return;
      setCategoryCode(candidate.code);
      setType(result.type);
      setUrgent(result.urgent);
    },
    [classification.result],
  );

  const clear = useCallback(() => {
    setCallSerial((serial) => serial + 1);
    form.resetFields();
    setCategoryCode(null);
    setType(null);
    setUrgent(false);
    setConfidential(false);
    setPoint(null);
    setLocated(null);
    setRegionPath([]);
    setCallAt(null);
    setError(null);
    setSubmitted(null);
    setMergingId(null);
    idempotency.settled();
    window.setTimeout(() => phoneRef.current?.focus(), 0);
  }, [form, idempotency]);

  /** Submits the call; with `mergeInto` the new order is merged into that open one right away. */
  const submit = useCallback(
    async (mergeInto: DuplicateSuggestion | null = null) => {
      let values: CallValues;
      try {
        values = await form.validateFields();
      } catch {
        return;
      }
      if (!location && !regionCode) {
        setError(t("operator.form.placeRequired"));
        return;
      }
      setSubmitting(true);
      setMergingId(mergeInto?.id ?? null);
      setError(null);
      try {
        const body: DemandSubmission = {
          channel: "12345",
          channelFields: { workOrderNo: values.workOrderNo.trim(), ...(callAt ? { callAt } : {}) },
          content: values.content.trim(),
          ...(type ? { type } : {}),
          ...(categoryCode ? { categoryCode } : {}),
          urgent,
          ...(location ? { location } : { regionCode: regionCode ?? undefined }),
          ...(values.address?.trim() ? { address: values.address.trim() } : {}),
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
    [form, location, regionCode, t, callAt, type, categoryCode, urgent, confidential, idempotency, message],
  );

  // Page-wide keys: Ctrl/⌘+Enter submits, Esc starts the next call, Alt+1…3 accept a suggestion.
  const keys = useRef({ submit, clear, acceptSuggestion, submitted, drawerOpen: false });
  keys.current = { submit, clear, acceptSuggestion, submitted, drawerOpen: openOrderId !== null };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (!keys.current.submitted) void keys.current.submit();
        return;
      }
      if (event.key === "Escape") {
        const active = document.activeElement;
        // Esc first closes an open dropdown, drawer or dialog; only then does it clear the call.
        if (active?.getAttribute("aria-expanded") === "true") return;
        if (keys.current.drawerOpen) return;
        event.preventDefault();
        keys.current.clear();
        return;
      }
      if (event.altKey && /^Digit[1-3]$/.test(event.code)) {
        event.preventDefault();
        keys.current.acceptSuggestion(Number(event.code.slice(5)) - 1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

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
                form={form}
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
                      { pattern: PHONE, message: t("resident.track.phoneInvalid") },
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
                      {callAt ? new Date(callAt).toLocaleTimeString() : "—"}
                    </span>
                  </Form.Item>
                </div>
                <Form.Item
                  name="content"
                  label={t("operator.form.content")}
                  rules={[
                    { required: true, whitespace: true, message: t("intake.contentRequired") },
                    { min: 5, message: t("intake.contentTooShort") },
                  ]}
                >
                  <Input.TextArea rows={5} maxLength={4000} showCount data-testid="call-content" />
                </Form.Item>
                <CategorySuggestions
                  classification={classification.result}
                  loading={classification.loading}
                  value={categoryCode}
                  onChange={setCategoryCode}
                  hotkeyLabel={hotkeyLabel}
                  tree={tree}
                />
                <div className="operator-form__row operator-form__row--center">
                  <span className="muted">{t("intake.type")}</span>
                  <Segmented
                    value={type ?? classification.result?.type ?? undefined}
                    options={DEMAND_TYPES.map((value) => ({ value, label: typeLabel(t, value) }))}
                    onChange={(value) => setType(value as DemandType)}
                    data-testid="call-type"
                  />
                  <span className="operator-form__urgent">
                    {t("intake.urgent")}{" "}
                    <Switch size="small" checked={urgent} onChange={setUrgent} data-testid="call-urgent" />
                    {classification.result?.urgent && !urgent && (
                      <Tag color="red" className="operator-form__hint-tag">
                        {t("operator.form.urgentSuggested")}
                      </Tag>
                    )}
                  </span>
                </div>
                <div className="operator-form__row">
                  <Form.Item label={t("operator.form.region")} className="operator-form__grow">
                    <RegionCascader
                      value={regionPath}
                      onChange={(path) => {
                        setRegionPath(path);
                        setPoint(null);
                      }}
                    />
                  </Form.Item>
                  <Form.Item
                    name="address"
                    label={t("orders.field.address")}
                    className="operator-form__grow"
                    rules={[{ max: 200 }]}
                  >
                    <Input maxLength={200} autoComplete="off" data-testid="call-address" />
                  </Form.Item>
                </div>
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
          <Card size="small" title={t("operator.caller.title")} className="operator-card">
            <CallerHistory key={callSerial} phone={PHONE.test(phone) ? phone : ""} onOpen={openOrder} />
          </Card>
          {!submitted && (
            <Card
              size="small"
              title={t("intake.duplicates")}
              className="operator-card"
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
            <Card size="small" title={t("operator.routing.title")} className="operator-card">
              <RoutingHint category={suggestedCategory} region={regionCode} />
            </Card>
          )}
          <Card
            size="small"
            title={t("operator.map.title")}
            className="operator-card"
            styles={{ body: { padding: 8 } }}
          >
            <PointPicker
              value={point}
              onChange={(next) => {
                setPoint(next);
                if (!next) setRegionPath([]);
              }}
              onLocated={(found) => {
                setLocated(found);
                if (found) setRegionPath([found.street.code, found.community.code, found.grid.code]);
              }}
              grids={features}
              styleGrid={styleGrid}
              receivedAt={grids.data?.receivedAt}
              className="operator-map"
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
