import { Alert, App, Form, Input, Select } from "antd";
import { useState } from "react";
import { FadeModal } from "../../components/FadeModal";
import { useT } from "../../i18n/context";
import { LEDGER_BOOKS, type Ledger, ledgersApi, type OrderLine } from "./api";

interface RefileValues {
  ledger: Ledger;
  note: string;
}

/**
 * 调整台账: files an order in another ledger (e.g. 一般问题 → 疑难问题) with the reason, which the
 * order's history keeps. The server's answer, refused or not, is shown in the reader's language.
 */
export function RefileModal({
  order,
  onClose,
  onDone,
}: {
  order: OrderLine | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RefileValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!order) return;
    let values: RefileValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await ledgersApi.refile(order.id, values.ledger, values.note.trim());
      message.success(t("ledgers.refile.done", { ledger: t(`ledgers.book.${values.ledger}`) }));
      onDone();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FadeModal
      open={order !== null}
      title={order ? t("ledgers.refile.title", { orderNo: order.orderNo }) : null}
      okText={t("ledgers.refile.ok")}
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      afterClose={() => setError(null)}
      okButtonProps={{ "data-testid": "refile-ok" }}
    >
      {order && (
        <Form form={form} layout="vertical" preserve={false} data-testid="refile-form">
          <Form.Item label={t("ledgers.refile.current")}>{t(`ledgers.book.${order.ledger}`)}</Form.Item>
          <Form.Item
            name="ledger"
            label={t("ledgers.refile.to")}
            rules={[
              { required: true, message: t("ledgers.refile.toRequired") },
              {
                validator: async (_, value) => {
                  if (value === order.ledger) throw new Error(t("ledgers.refile.toRequired"));
                },
              },
            ]}
          >
            <Select
              data-testid="refile-ledger"
              options={LEDGER_BOOKS.filter((ledger) => ledger !== order.ledger).map((ledger) => ({
                value: ledger,
                label: t(`ledgers.book.${ledger}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t("ledgers.refile.reason")}
            rules={[
              { required: true, whitespace: true, min: 2, message: t("ledgers.refile.reasonRequired") },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="refile-reason" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} data-testid="refile-error" />}
        </Form>
      )}
    </FadeModal>
  );
}
