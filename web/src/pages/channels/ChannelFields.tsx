import { DatePicker, Form, Input, Select } from "antd";
import type { Rule } from "antd/es/form";
import dayjs, { type Dayjs } from "dayjs";
import { label } from "../../components/orders";
import type { Translate } from "../../i18n/context";

/** One property of a channel's `fields` JSON Schema (as GET /api/channels sends the server's TypeBox). */
interface FieldSchema {
  type?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: { const?: string }[];
}

/** A channel's fields schema: an object of string properties, some required. */
export interface ChannelFieldsSchema {
  properties?: Record<string, FieldSchema>;
  required?: string[];
}

type FieldKind = "text" | "choice" | "date" | "instant" | "url";

/** A channel field as the form renders it, read from the same schema the server checks against. */
export interface ChannelField {
  key: string;
  kind: FieldKind;
  required: boolean;
  schema: FieldSchema;
  choices: string[];
}

const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

function kindOf(schema: FieldSchema): FieldKind {
  if (schema.anyOf) return "choice";
  if (schema.pattern === DATE_PATTERN) return "date";
  if (schema.pattern?.startsWith("^\\d{4}-\\d{2}-\\d{2}T")) return "instant";
  if (schema.pattern === "^https?://") return "url";
  return "text";
}

/** The channel's fields in schema order. */
export function channelFieldsOf(schema: unknown): ChannelField[] {
  const object = (schema ?? {}) as ChannelFieldsSchema;
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([key, field]) => ({
    key,
    kind: kindOf(field),
    required: required.has(key),
    schema: field,
    choices: (field.anyOf ?? []).flatMap((option) => (option.const === undefined ? [] : [option.const])),
  }));
}

const fieldLabel = (t: Translate, key: string) => label(t, `channels.field.${key}`, key);

/** antd rules from the field's schema: required, length and pattern, worded for the reader. */
function rulesOf(t: Translate, field: ChannelField): Rule[] {
  const name = fieldLabel(t, field.key);
  const rules: Rule[] = [];
  if (field.required) {
    const key =
      field.kind === "text" || field.kind === "url" ? "channels.rule.required" : "channels.rule.choose";
    rules.push({ required: true, whitespace: true, message: t(key, { field: name }) });
  }
  const { minLength, maxLength, pattern } = field.schema;
  if (field.kind === "text" || field.kind === "url") {
    if (maxLength !== undefined)
      rules.push({ max: maxLength, message: t("channels.rule.max", { field: name, max: maxLength }) });
    if (minLength !== undefined && minLength > 1)
      rules.push({ min: minLength, message: t("channels.rule.min", { field: name, min: minLength }) });
    if (pattern) {
      const key = field.kind === "url" ? "channels.rule.url" : "channels.rule.pattern";
      rules.push({ pattern: new RegExp(pattern), message: t(key, { field: name }) });
    }
  }
  return rules;
}

/** The inputs for a channel's own fields, named `["channelFields", key]` in the surrounding form. */
export function ChannelFieldInputs({ fields, t }: { fields: ChannelField[]; t: Translate }) {
  return (
    <div className="channel-fields">
      {fields.map((field) => (
        <Form.Item
          key={field.key}
          name={["channelFields", field.key]}
          label={fieldLabel(t, field.key)}
          rules={rulesOf(t, field)}
          className="channel-fields__item"
        >
          {inputFor(t, field)}
        </Form.Item>
      ))}
    </div>
  );
}

function inputFor(t: Translate, field: ChannelField) {
  const testId = `channel-field-${field.key}`;
  switch (field.kind) {
    case "choice":
      return (
        <Select
          allowClear={!field.required}
          data-testid={testId}
          options={field.choices.map((value) => ({
            value,
            label: label(t, `channels.value.${field.key}.${value}`, value),
          }))}
        />
      );
    case "date":
      return <DatePicker className="channel-fields__date" data-testid={testId} />;
    case "instant":
      return <DatePicker showTime className="channel-fields__date" data-testid={testId} />;
    default:
      return (
        <Input
          autoComplete="off"
          maxLength={field.schema.maxLength}
          inputMode={field.kind === "url" ? "url" : undefined}
          data-testid={testId}
        />
      );
  }
}

/** The form's values as the server's `channelFields`: trimmed text, dates as YYYY-MM-DD, empty ones left out. */
export function channelFieldValues(
  fields: ChannelField[],
  values: Record<string, string | Dayjs | undefined> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = values?.[field.key];
    if (value === undefined || value === null) continue;
    if (dayjs.isDayjs(value)) {
      out[field.key] = field.kind === "instant" ? value.toISOString() : value.format("YYYY-MM-DD");
    } else if (value.trim()) {
      out[field.key] = value.trim();
    }
  }
  return out;
}
