import { SettingOutlined } from "@ant-design/icons";
import { Button, Form, InputNumber, Typography } from "antd";
import { useState } from "react";
import { FadeModal } from "../../components/FadeModal";
import { ServerError } from "../../components/ServerError";
import { validValues } from "../../components/validValues";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { type AssessmentWeights, dashboardApi } from "./api";

const RATE_FIELDS = ["response", "onTime", "resolution", "satisfaction"] as const;

/**
 * 考核权重 (administrators): the composite score's weights of 响应率, 按期办结率, 解决率 and 满意率,
 * which sum to 100, how much 部分解决 and 基本满意 count, the 督办 deduction and the sample a row needs.
 * Saving re-scores the ranking shown.
 */
export function WeightsButton({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AssessmentWeights>();
  const editor = useAdminSave();

  const show = async () => {
    editor.clearError();
    setOpen(true);
    form.setFieldsValue(await dashboardApi.weights());
  };
  const save = async () => {
    const weights = await validValues(form);
    if (!weights) return;
    await editor.save(async () => {
      await dashboardApi.saveWeights(weights);
      setOpen(false);
      onSaved();
    });
  };

  return (
    <>
      <Button size="small" icon={<SettingOutlined />} onClick={show} data-testid="weights-button">
        {t("dashboard.weights.button")}
      </Button>
      <FadeModal
        open={open}
        title={t("dashboard.weights.title")}
        onCancel={() => setOpen(false)}
        onOk={() => save().catch(() => undefined)}
        okText={t("admin.save")}
        confirmLoading={editor.saving}
        okButtonProps={{ "data-testid": "weights-save" }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {RATE_FIELDS.map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`dashboard.weights.${field}`)}
              dependencies={RATE_FIELDS.filter((other) => other !== field)}
              rules={[
                { required: true, message: t("admin.required") },
                {
                  // Read the form now: the rendered `sum` is one keystroke behind when a field changes.
                  validator: () => {
                    const now = RATE_FIELDS.reduce((total, f) => total + (form.getFieldValue(f) ?? 0), 0);
                    return now === 100
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("dashboard.weights.sum", { sum: now })));
                  },
                },
              ]}
            >
              <InputNumber min={0} max={100} step={5} suffix="%" data-testid={`weight-${field}`} />
            </Form.Item>
          ))}
          <Typography.Paragraph type="secondary">{t("dashboard.weights.partialHint")}</Typography.Paragraph>
          <Form.Item
            name="partialWeight"
            label={t("dashboard.weights.partialWeight")}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={1} step={0.1} />
          </Form.Item>
          <Form.Item
            name="basicWeight"
            label={t("dashboard.weights.basicWeight")}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={1} step={0.1} />
          </Form.Item>
          {(["supervisionPenalty", "supervisionCap"] as const).map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`dashboard.weights.${field}`)}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} step={0.5} data-testid={`weight-${field}`} />
            </Form.Item>
          ))}
          <Form.Item name="minSample" label={t("dashboard.weights.minSample")} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} step={1} precision={0} data-testid="weight-minSample" />
          </Form.Item>
        </Form>
        <ServerError error={editor.error} />
      </FadeModal>
    </>
  );
}
