import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  TreeSelect,
} from "antd";
import type { ServiceInput } from "../../components/services/api";
import { useT } from "../../i18n/context";
import { useCommunityTree } from "./useCommunityTree";
import "./services-admin.css";

// The limits of the server's ServiceBody schema (src/modules/services/schemas.ts), checked before sending.
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const FIELD_TYPES = ["text", "number", "date", "choice"] as const;
const RESULT_KINDS = ["document", "appointment", "approval"] as const;
const LEVELS = ["community", "community,street"] as const;

/** The next key not yet taken, `f1`, `f2`… (fields) or `m1`… (materials): keys stay out of the admin's way. */
export function nextKey(prefix: "f" | "m", taken: readonly { key?: string }[] | undefined): string {
  const keys = new Set((taken ?? []).map((item) => item.key));
  let n = 1;
  while (keys.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** A field's or material's label in both languages, as the schema limits them (1–60 characters). */
function LabelInputs({ name }: { name: number }) {
  const t = useT();
  return (
    <>
      {(["label", "labelEn"] as const).map((part) => (
        <Form.Item
          key={part}
          name={[name, part]}
          label={t(part === "label" ? "services.admin.label" : "services.admin.labelEn")}
          rules={[{ required: true, whitespace: true, max: 60, message: t("admin.required") }]}
        >
          <Input maxLength={60} />
        </Form.Item>
      ))}
    </>
  );
}

function FieldRows({ form }: { form: FormInstance<ServiceInput> }) {
  const t = useT();
  return (
    <Form.List name="fields">
      {(rows, { add, remove }) => (
        <Card size="small" title={t("services.admin.fields")} className="service-form__list">
          {rows.map(({ key, name }) => (
            <div key={key} className="service-form__row" data-testid="service-field-row">
              <LabelInputs name={name} />
              <Form.Item name={[name, "type"]} label={t("services.admin.type")} rules={[{ required: true }]}>
                <Select
                  options={FIELD_TYPES.map((type) => ({
                    value: type,
                    label: t(`services.admin.type.${type}`),
                  }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[["fields", name, "type"]]}>
                {() =>
                  form.getFieldValue(["fields", name, "type"]) === "choice" && (
                    <Form.Item
                      name={[name, "options"]}
                      label={t("services.admin.options")}
                      rules={[{ required: true, type: "array", min: 1, message: t("admin.required") }]}
                    >
                      <Select mode="tags" tokenSeparators={[",", "，"]} open={false} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <div className="service-form__row-end">
                <Form.Item name={[name, "required"]} valuePropName="checked" noStyle>
                  <Checkbox>{t("services.admin.required")}</Checkbox>
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("admin.delete")}
                  onClick={() => remove(name)}
                />
              </div>
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                key: nextKey("f", form.getFieldValue("fields")),
                label: "",
                labelEn: "",
                type: "text",
                required: true,
              })
            }
            disabled={rows.length >= 30}
          >
            {t("serviceAdmin.addField")}
          </Button>
        </Card>
      )}
    </Form.List>
  );
}

function MaterialRows({ form }: { form: FormInstance<ServiceInput> }) {
  const t = useT();
  return (
    <Form.List name="materials">
      {(rows, { add, remove }) => (
        <Card size="small" title={t("services.admin.materials")} className="service-form__list">
          {rows.map(({ key, name }) => (
            <div key={key} className="service-form__row" data-testid="service-material-row">
              <LabelInputs name={name} />
              <Form.Item name={[name, "pdf"]} label={t("serviceAdmin.fileKinds")}>
                <Select
                  options={[
                    { value: false, label: t("serviceAdmin.photosOnly") },
                    { value: true, label: t("serviceAdmin.photosOrPdf") },
                  ]}
                />
              </Form.Item>
              <div className="service-form__row-end">
                <Form.Item name={[name, "required"]} valuePropName="checked" noStyle>
                  <Checkbox>{t("services.admin.required")}</Checkbox>
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("admin.delete")}
                  onClick={() => remove(name)}
                />
              </div>
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                key: nextKey("m", form.getFieldValue("materials")),
                label: "",
                labelEn: "",
                required: true,
                pdf: false,
              })
            }
            disabled={rows.length >= 10}
          >
            {t("serviceAdmin.addMaterial")}
          </Button>
        </Card>
      )}
    </Form.List>
  );
}

/** A service's definition as the administrator edits it: what it asks, where, who reviews, how fast. */
export function ServiceForm({ form }: { form: FormInstance<ServiceInput> }) {
  const t = useT();
  const communities = useCommunityTree();
  return (
    <Form form={form} name="service" layout="vertical" className="service-form" data-testid="service-form">
      <div className="service-form__grid">
        <Form.Item
          name="name"
          label={t("services.admin.name")}
          rules={[{ required: true, whitespace: true, max: 40, message: t("admin.required") }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t("services.admin.nameEn")}
          rules={[{ required: true, whitespace: true, max: 80, message: t("admin.required") }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t("services.admin.code")}
          extra={t("serviceAdmin.codeHint")}
          rules={[
            { required: true, message: t("admin.required") },
            { pattern: KEY, message: t("serviceAdmin.codeInvalid") },
          ]}
        >
          <Input maxLength={40} placeholder="bike_shed" />
        </Form.Item>
        <Form.Item name="active" label={t("services.admin.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </div>
      <Form.Item name="description" label={t("services.admin.description")} rules={[{ max: 500 }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="regions" label={t("services.admin.regions")}>
        <TreeSelect
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_CHILD}
          treeData={communities.tree}
          loading={communities.loading}
          treeNodeFilterProp="title"
          showSearch
          maxTagCount="responsive"
          placeholder={t("serviceAdmin.regionsHint")}
        />
      </Form.Item>
      <FieldRows form={form} />
      <MaterialRows form={form} />
      <div className="service-form__grid">
        <Form.Item
          name="reviewLevels"
          label={t("services.admin.levels")}
          getValueProps={(value?: string[]) => ({ value: value?.join(",") })}
          normalize={(value: string) => value.split(",")}
        >
          <Radio.Group
            options={LEVELS.map((levels) => ({
              value: levels,
              label: t(`services.catalogue.levels.${levels === "community" ? "community" : "street"}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="timeLimitDays"
          label={t("services.admin.limit")}
          rules={[
            { required: true, type: "integer", min: 1, max: 60, message: t("serviceAdmin.limitRange") },
          ]}
        >
          <InputNumber min={1} max={60} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="resultKind" label={t("services.admin.result")} rules={[{ required: true }]}>
          <Select
            options={RESULT_KINDS.map((kind) => ({ value: kind, label: t(`services.result.${kind}`) }))}
          />
        </Form.Item>
      </div>
    </Form>
  );
}
