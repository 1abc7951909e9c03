import { BulbOutlined } from "@ant-design/icons";
import {
  Alert,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Select,
  Tag,
  type UploadFile,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { useI18n, useT } from "../../i18n/context";
import { ordersApi } from "./api";
import { dispositionLabel, label, stateLabel } from "./format";
import { filesOf, PhotoPicker } from "./intake/PhotoPicker";
import { encodePhoto } from "./intake/photos";
import {
  DISPOSITIONS,
  type Order,
  type OrderAction,
  SATISFIED_ANSWERS,
  SOLVED_ANSWERS,
  type Unit,
} from "./types";
import { useRoutingSuggestion } from "./useRoutingSuggestion";
import { useUnits } from "./useUnits";

const UNIT_KIND_ORDER: readonly Unit["kind"][] = [
  "department",
  "street_office",
  "community_committee",
  "command_centre",
  "enterprise",
];

function Reason({
  name = "reason",
  labelKey = "orders.form.reason" as const,
}: {
  name?: string;
  labelKey?: "orders.form.reason" | "orders.form.urgeNote";
}) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={t(labelKey)}
      rules={[{ required: true, whitespace: true, min: 2, message: t("orders.form.reasonRequired") }]}
    >
      <Input.TextArea rows={3} maxLength={1000} showCount autoFocus data-testid="action-reason" />
    </Form.Item>
  );
}

function Note({ required = false, hint }: { required?: boolean; hint?: string }) {
  const t = useT();
  return (
    <Form.Item
      name="note"
      label={t("orders.form.note")}
      extra={hint}
      rules={required ? [{ required: true, whitespace: true, message: hint }] : [{ max: 1000 }]}
    >
      <Input.TextArea rows={2} maxLength={1000} showCount data-testid="action-note" />
    </Form.Item>
  );
}

/**
 * 三种答复: disposition and the text the caller will hear (reply and solve-on-the-spot); a unit's
 * reply may carry photos of the result (处置后照片), checked and sent as at intake.
 */
export function ReplyFields({ photos = false }: { photos?: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item
        name="disposition"
        label={t("orders.form.disposition")}
        initialValue="solved"
        rules={[{ required: true }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={DISPOSITIONS.map((d) => ({ value: d, label: dispositionLabel(t, d) }))}
          data-testid="action-disposition"
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t("orders.form.replyText")}
        rules={[{ required: true, whitespace: true, min: 5, message: t("orders.form.replyTextRequired") }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="action-reply-text" />
      </Form.Item>
      {photos && (
        <Form.Item name="photos" label={t("orders.form.replyPhotos")} initialValue={[]}>
          <PhotosField />
        </Form.Item>
      )}
    </>
  );
}

/** The photo picker as a form field (the form hands it its value and onChange). */
function PhotosField({
  value = [],
  onChange,
}: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}) {
  return <PhotoPicker value={value} onChange={(files) => onChange?.(files)} />;
}

/** 回访: solved? satisfied? comment (also the public rating page's form). */
export function VisitFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="solved" label={t("orders.form.solved")} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={SOLVED_ANSWERS.map((v) => ({ value: v, label: label(t, `orders.solved.${v}`, v) }))}
          data-testid="visit-solved"
        />
      </Form.Item>
      <Form.Item name="satisfied" label={t("orders.form.satisfied")} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={SATISFIED_ANSWERS.map((v) => ({ value: v, label: label(t, `orders.satisfied.${v}`, v) }))}
          data-testid="visit-satisfied"
        />
      </Form.Item>
      <Form.Item name="comment" label={t("orders.form.comment")} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="visit-comment" />
      </Form.Item>
    </>
  );
}

function unitLabel(unit: Unit, locale: string): string {
  return locale === "en-US" && unit.nameEn ? unit.nameEn : unit.name;
}

/** 派单 / 改派: main unit, assisting units and a note; the catalogue's suggestion is preselected. */
function DispatchFields({ order, form }: { order: Order; form: FormInstance }) {
  const { t, locale } = useI18n();
  const { units, loading, error } = useUnits();
  const route = useRoutingSuggestion(order.category?.code, order.region.code);
  const mainUnitId = Form.useWatch("mainUnitId", form) as number | undefined;

  useEffect(() => {
    if (!route?.unitId || units.length === 0 || form.getFieldValue("mainUnitId")) return;
    if (units.some((unit) => unit.id === route.unitId)) form.setFieldValue("mainUnitId", route.unitId);
  }, [route, units, form]);

  const groups = useMemo(
    () =>
      UNIT_KIND_ORDER.map((kind) => ({
        label: label(t, `orders.unitKind.${kind}`, kind),
        options: units
          .filter((unit) => unit.kind === kind && unit.id !== order.mainUnit?.id)
          .map((unit) => ({ value: unit.id, label: unitLabel(unit, locale) })),
      })).filter((group) => group.options.length > 0),
    [units, locale, order.mainUnit?.id, t],
  );
  const suggested = units.find((unit) => unit.id === route?.unitId);

  return (
    <>
      {error && <Alert type="error" showIcon title={error.message} className="order-dialog__alert" />}
      {suggested && (
        <Alert
          type="info"
          showIcon
          icon={<BulbOutlined />}
          className="order-dialog__alert"
          data-testid="dispatch-suggestion"
          title={
            <span>
              {t("orders.form.suggested")}: <strong>{unitLabel(suggested, locale)}</strong>
              {route?.handlingLevel && (
                <Tag className="order-dialog__tag">
                  {label(t, `level.${route.handlingLevel}`, route.handlingLevel)}
                </Tag>
              )}
            </span>
          }
        />
      )}
      <Form.Item
        name="mainUnitId"
        label={t("orders.form.mainUnit")}
        rules={[{ required: true, message: t("orders.form.mainUnitRequired") }]}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          loading={loading}
          options={groups.map((group) => ({
            label: group.label,
            title: group.label,
            options: group.options,
          }))}
          data-testid="action-main-unit"
        />
      </Form.Item>
      <Form.Item name="assistingUnitIds" label={t("orders.form.assistingUnits")}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          options={groups.map((group) => ({
            label: group.label,
            title: group.label,
            options: group.options.filter((option) => option.value !== mainUnitId),
          }))}
        />
      </Form.Item>
      <Note />
    </>
  );
}

interface MergeCandidate {
  id: string;
  orderNo: string;
  title: string;
  state: string;
}

/** 合并: pick the open order to join: nearby duplicates first, or search by order number. */
function MergeFields({ order }: { order: Order }) {
  const t = useT();
  const [nearby, setNearby] = useState<MergeCandidate[]>([]);
  const [found, setFound] = useState<MergeCandidate[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const location = order.location ? { ...order.location, crs: "wgs84" as const } : undefined;
    ordersApi
      .duplicates(
        { content: order.content, location, regionCode: location ? undefined : order.region.code },
        controller.signal,
      )
      .then(
        ({ items }) => setNearby(items.filter((item) => item.id !== order.id)),
        () => undefined,
      );
    return () => controller.abort();
  }, [order]);

  const search = async (text: string) => {
    if (text.trim().length < 4) return;
    setSearching(true);
    try {
      const page = await ordersApi.list({ q: text.trim(), pageSize: 10 });
      setFound(page.items.filter((item) => item.id !== order.id && !item.mergedIntoId));
    } catch {
      setFound([]);
    } finally {
      setSearching(false);
    }
  };

  const options = [...nearby, ...found.filter((f) => !nearby.some((n) => n.id === f.id))].map((item) => ({
    value: item.id,
    label: `${item.orderNo} · ${item.title} (${stateLabel(t, item.state)})`,
  }));

  return (
    <>
      <Form.Item
        name="targetOrderId"
        label={t("orders.form.targetOrder")}
        rules={[{ required: true, message: t("orders.form.targetOrderRequired") }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: search }}
          loading={searching}
          placeholder={t("orders.form.targetOrderPlaceholder")}
          options={options}
          data-testid="action-merge-target"
        />
      </Form.Item>
      <Note />
    </>
  );
}

function YesNo({
  name,
  labelKey,
}: {
  name: string;
  labelKey: "orders.form.rightUnit" | "orders.form.reasonable";
}) {
  const t = useT();
  return (
    <Form.Item name={name} label={t(labelKey)} rules={[{ required: true }]}>
      <Radio.Group
        optionType="button"
        options={[
          { value: true, label: t("orders.form.yes") },
          { value: false, label: t("orders.form.no") },
        ]}
      />
    </Form.Item>
  );
}

/** The form fields one action needs, matching the action's input schema on the server. */
export function ActionFields({
  action,
  order,
  form,
}: {
  action: OrderAction;
  order: Order;
  form: FormInstance;
}) {
  const t = useT();
  switch (action) {
    case "reject":
    case "escalate":
    case "return":
    case "rework":
    case "reopen":
      return <Reason />;
    case "urge":
      return <Reason name="note" labelKey="orders.form.urgeNote" />;
    case "dispatch":
    case "transfer":
      return <DispatchFields order={order} form={form} />;
    case "solve_on_spot":
      return <ReplyFields />;
    case "reply":
      return <ReplyFields photos />;
    case "request_extension":
      return (
        <>
          <Form.Item
            name="workingDays"
            label={t("orders.form.workingDays")}
            initialValue={3}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={30} precision={0} />
          </Form.Item>
          <Reason />
        </>
      );
    case "decide_extension":
      return (
        <>
          <Form.Item
            name="approve"
            label={t("orders.form.approve")}
            initialValue={true}
            rules={[{ required: true }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: t("orders.form.approveYes") },
                { value: false, label: t("orders.form.approveNo") },
              ]}
            />
          </Form.Item>
          <Note />
        </>
      );
    case "visit":
      return <VisitFields />;
    case "merge":
      return <MergeFields order={order} />;
    case "rate_dispatch":
      return (
        <>
          <YesNo name="rightUnit" labelKey="orders.form.rightUnit" />
          <YesNo name="reasonable" labelKey="orders.form.reasonable" />
          <Form.Item name="comment" label={t("orders.form.comment")} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
    case "close":
      return order.state === "verified" ? <Note required hint={t("orders.form.closeNoteHint")} /> : <Note />;
    case "accept":
    case "sign":
    case "verify":
      return <Note />;
  }
}

/**
 * The action's body from the form's values: the picked photos encoded as the API wants them
 * (`attachments`), empty optional values dropped (no empty strings or nulls).
 */
export async function actionInput(values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { photos, ...rest } = values;
  const files = Array.isArray(photos) ? filesOf(photos as UploadFile[]) : [];
  const attachments = await Promise.all(files.map(encodePhoto));
  return cleanInput({ ...rest, attachments });
}

/** Drops empty optional values so the body matches the action's schema (no empty strings or nulls). */
export function cleanInput(values: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "string") {
      const trimmed = value.trim();
      if (trimmed) input[key] = trimmed;
      continue;
    }
    if (Array.isArray(value) && value.length === 0) continue;
    input[key] = value;
  }
  return input;
}
