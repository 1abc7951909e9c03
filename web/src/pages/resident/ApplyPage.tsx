import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { type ServiceField, servicesApi } from "../../components/services/api";
import { serviceName } from "../../components/services/labels";
import {
  encodeMaterials,
  type MaterialFiles,
  MaterialPicker,
  missingMaterials,
} from "../../components/services/MaterialPicker";
import { useI18n } from "../../i18n/context";
import "./resident.css";

/**
 * The input of one configured field: text, number, a day, or one of its options. Form.Item hands
 * its value and onChange to this, its direct child, to pass on to the input.
 */
function FieldInput({
  field,
  ...control
}: {
  field: ServiceField;
  /** From Form.Item, so its label names the input. */
  id?: string;
  value?: string | number;
  onChange?: (value: unknown) => void;
}) {
  if (field.type === "number") return <InputNumber style={{ width: "100%" }} size="large" {...control} />;
  if (field.type === "choice")
    return (
      <Select
        size="large"
        options={(field.options ?? []).map((o) => ({ value: o, label: o }))}
        {...control}
      />
    );
  return (
    <Input
      id={control.id}
      type={field.type === "date" ? "date" : "text"}
      size="large"
      maxLength={field.maxLength ?? 200}
      value={control.value}
      onChange={(event) => control.onChange?.(event.target.value)}
    />
  );
}

/** Applying for one service: its own fields and materials, as the administrator configured them. */
export default function ApplyPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const community = params.get("community") ?? "";
  const catalogue = useRequest((signal) => servicesApi.catalogue(community, signal), [community]);
  const service = catalogue.data?.items.find((s) => String(s.id) === id);
  const [files, setFiles] = useState<MaterialFiles>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, string | number>>();

  async function submit(values: Record<string, string | number | undefined>) {
    if (!service) return;
    const missing = missingMaterials(service.materials, files, locale);
    if (missing.length > 0) {
      setError(missing.map((label) => t("services.apply.materialRequired", { label })).join("；"));
      return;
    }
    setSending(true);
    setError(null);
    try {
      const answers = Object.fromEntries(
        Object.entries(values).filter(
          (entry): entry is [string, string | number] => entry[1] != null && entry[1] !== "",
        ),
      );
      const created = await servicesApi.apply(service.id, {
        community,
        answers,
        files: await encodeMaterials(files),
      });
      message.success(t("services.apply.done"));
      navigate(`/resident/applications/${created.id}`);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="resident-page" data-testid="apply-page">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate("/resident/services")}
        className="resident-back"
      >
        {t("services.menu.resident")}
      </Button>
      {catalogue.loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {catalogue.error && <Alert type="error" showIcon title={catalogue.error.message} />}
      {service && (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark>
          <Typography.Title level={4} className="resident-page__title">
            {t("services.apply.title", { name: serviceName(service, locale) })}
          </Typography.Title>
          {service.fields.length > 0 && (
            <Card size="small" title={t("services.apply.fields")} className="resident-card">
              {service.fields.map((field) => {
                const label = locale === "en-US" ? field.labelEn : field.label;
                return (
                  <Form.Item
                    key={field.key}
                    name={field.key}
                    label={label}
                    rules={[{ required: field.required, message: t("services.apply.required", { label }) }]}
                    data-testid={`field-${field.key}`}
                  >
                    <FieldInput field={field} />
                  </Form.Item>
                );
              })}
            </Card>
          )}
          {service.materials.length > 0 && (
            <Card size="small" title={t("services.apply.materials")} className="resident-card">
              <Typography.Paragraph type="secondary">{t("services.apply.materialHint")}</Typography.Paragraph>
              <MaterialPicker materials={service.materials} value={files} onChange={setFiles} requireAll />
            </Card>
          )}
          {error && (
            <Alert type="error" showIcon title={error} className="resident-card" data-testid="apply-error" />
          )}
          <Button
            type="primary"
            size="large"
            block
            htmlType="submit"
            loading={sending}
            data-testid="apply-submit"
          >
            {t("services.apply.submit")}
          </Button>
        </Form>
      )}
    </div>
  );
}
