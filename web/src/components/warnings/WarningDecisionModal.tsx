import { Checkbox, Form, Input } from "antd";
import { useEffect } from "react";
import { useT } from "../../i18n/context";
import { FadeModal } from "../FadeModal";
import type { EarlyWarning } from "./api";

export type WarningDecision = "action" | "dismiss";

interface DecisionValues {
  note: string;
  markCommon?: boolean;
}

/**
 * 处置 / 排除 a warning: both need a note saying what was done or why it was a false alarm; acting on a
 * 共性问题 warning can also file its orders in the 共性问题 ledger.
 */
export function WarningDecisionModal({
  warning,
  decision,
  busy,
  onSubmit,
  onCancel,
}: {
  warning: EarlyWarning | null;
  decision: WarningDecision;
  busy: boolean;
  onSubmit: (values: DecisionValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DecisionValues>();
  useEffect(() => {
    if (warning) form.resetFields();
  }, [warning, form]);
  const offerCommon = decision === "action" && warning?.rule === "common_problem";
  return (
    <FadeModal
      open={warning !== null}
      title={t(decision === "action" ? "command.warnings.actionTitle" : "command.warnings.dismissTitle")}
      okText={t(decision === "action" ? "command.warnings.action" : "command.warnings.dismiss")}
      okButtonProps={{ loading: busy, "data-testid": "warning-decision-ok" }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {warning && <p className="command-warnings__decision-title">{warning.title}</p>}
      <Form form={form} layout="vertical" onFinish={onSubmit} initialValues={{ markCommon: offerCommon }}>
        <Form.Item
          name="note"
          label={t(decision === "action" ? "command.warnings.actionNote" : "command.warnings.dismissNote")}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 1000,
              message: t("command.warnings.noteRequired"),
            },
          ]}
          validateTrigger={["onChange", "onBlur"]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t("command.warnings.notePlaceholder")}
            data-testid="warning-decision-note"
          />
        </Form.Item>
        {offerCommon && (
          <Form.Item name="markCommon" valuePropName="checked">
            <Checkbox>{t("command.warnings.markCommon", { count: warning?.orderIds.length ?? 0 })}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </FadeModal>
  );
}
