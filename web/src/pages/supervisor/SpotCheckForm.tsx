import { App, Button, Card, Form, Input, Radio, Select } from "antd";
import { useState } from "react";
import type { OrderDetail } from "../../components/orders";
import { useT } from "../../i18n/context";
import { type CheckerKind, supervisionApi } from "./api";

const KINDS: readonly CheckerKind[] = ["supervisor", "third_party", "deputy"];

/** 记录抽查: a spot check of how the order was handled (the order's state does not change). */
export function SpotCheckForm({ order, onRecorded }: { order: OrderDetail; onRecorded: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: {
    checkerKind: CheckerKind;
    checkerName: string;
    result: "pass" | "fail";
    comment?: string;
  }) => {
    setBusy(true);
    setError(null);
    try {
      await supervisionApi.record(order.id, {
        ...values,
        checkerName: values.checkerName.trim(),
        comment: values.comment?.trim() || undefined,
      });
      message.success(t("supervisor.spot.recorded"));
      form.resetFields();
      onRecorded();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t("supervisor.spot.record")}
      className="order-detail__card"
      data-testid="spot-check-form"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ checkerKind: "supervisor", result: "pass" }}
        onFinish={submit}
        disabled={busy}
      >
        <div className="spot-form__row">
          <Form.Item name="checkerKind" label={t("supervisor.spot.kind")} rules={[{ required: true }]}>
            <Select options={KINDS.map((kind) => ({ value: kind, label: t(`supervisor.kind.${kind}`) }))} />
          </Form.Item>
          <Form.Item
            name="checkerName"
            label={t("supervisor.spot.checker")}
            rules={[
              { required: true, whitespace: true, message: t("supervisor.spot.checkerRequired") },
              { max: 100 },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="result" label={t("supervisor.spot.result")} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: "pass", label: t("supervisor.result.pass") },
                { value: "fail", label: t("supervisor.result.fail") },
              ]}
            />
          </Form.Item>
        </div>
        <Form.Item name="comment" label={t("supervisor.spot.comment")} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} showCount />
        </Form.Item>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t("supervisor.spot.submit")}
        </Button>
      </Form>
    </Card>
  );
}
