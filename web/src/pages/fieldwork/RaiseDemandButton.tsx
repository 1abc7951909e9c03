import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { FadeModal } from "../../components/FadeModal";
import { OrderStateTag } from "../../components/orders";
import { useT } from "../../i18n/context";
import type { RaisedOrder } from "./api";

/**
 * 一键转诉求: a demand raised from a field record goes through intake with the record's channel and
 * place (the server decides both); once raised, the record shows its order instead of the button.
 */
export function RaiseDemandButton({
  raised,
  initial,
  raise,
  onRaised,
  testId,
  once = false,
}: {
  raised: RaisedOrder[];
  initial: string;
  raise: (content: string) => Promise<unknown>;
  onRaised: () => void;
  testId: string;
  /** One demand per record (a diary entry): the button goes once it is raised. */
  once?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ content }: { content: string }) => {
    setSaving(true);
    setError(null);
    try {
      await raise(content.trim());
      setOpen(false);
      onRaised();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <span data-testid={testId}>
      {raised.map((order) => (
        <span key={order.id} className="fieldwork__order" data-testid="raised-order" data-state={order.state}>
          {order.orderNo} <OrderStateTag state={order.state} />
        </span>
      ))}
      {!(once && raised.length > 0) && (
        <Button size="small" onClick={() => setOpen(true)} data-testid="raise-demand">
          {t("fieldwork.raise")}
        </Button>
      )}
      <FadeModal
        open={open}
        title={t("fieldwork.raise.title")}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={submit} initialValues={{ content: initial }}>
          {error && <Alert type="error" showIcon title={error} className="fieldwork__error" />}
          <Form.Item
            name="content"
            label={t("fieldwork.raise.content")}
            rules={[{ required: true, whitespace: true, min: 5, message: t("fieldwork.raise.contentRule") }]}
          >
            <Input.TextArea rows={4} maxLength={4000} data-testid="raise-content" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="raise-submit">
            {t("fieldwork.raise.submit")}
          </Button>
        </Form>
      </FadeModal>
    </span>
  );
}
