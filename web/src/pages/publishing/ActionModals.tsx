import { Form, Input, Radio } from "antd";
import { FadeModal } from "../../components/FadeModal";
import { ServerError } from "../../components/ServerError";
import { validValues } from "../../components/validValues";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { type EditorItem, publishingApi } from "./api";

/** `YYYY-MM-DDTHH:mm` in the browser's time, as a datetime-local input takes it. */
function localInput(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Publish the draft now, or schedule it for a time to come. */
export function PublishModal({
  item,
  onDone,
  onClose,
}: {
  item: EditorItem;
  onDone: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ when: "now" | "later"; at?: string }>();
  const when = Form.useWatch("when", form);
  const editor = useAdminSave();
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    await editor.save(async () => {
      const at = values.when === "later" && values.at ? new Date(values.at).toISOString() : undefined;
      await publishingApi.publish(item.id, at ? { at } : {});
      onDone();
    });
  };
  return (
    <FadeModal
      open
      title={t("publishing.publish.title", { title: item.draft.title })}
      okText={t("publishing.publish.ok")}
      onOk={() => submit().catch(() => undefined)}
      confirmLoading={editor.saving}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ when: "now" }} data-testid="publish-form">
        <Form.Item name="when">
          <Radio.Group
            options={[
              { value: "now", label: t("publishing.publish.now") },
              { value: "later", label: t("publishing.publish.later") },
            ]}
          />
        </Form.Item>
        {when === "later" && (
          <Form.Item
            name="at"
            label={t("publishing.publish.at")}
            rules={[
              { required: true, message: t("admin.required") },
              {
                validator: (_, value?: string) =>
                  !value || new Date(value) > new Date()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("publishing.publish.future"))),
              },
            ]}
          >
            <Input type="datetime-local" min={localInput(new Date())} />
          </Form.Item>
        )}
      </Form>
      <ServerError error={editor.error} />
    </FadeModal>
  );
}

/** Withdraw an item from the public pages, saying why. */
export function RetractModal({
  item,
  onDone,
  onClose,
}: {
  item: EditorItem;
  onDone: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const editor = useAdminSave();
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    await editor.save(async () => {
      await publishingApi.retract(item.id, { reason: values.reason.trim() });
      onDone();
    });
  };
  return (
    <FadeModal
      open
      title={t("publishing.retract.title", { title: item.draft.title })}
      okText={t("publishing.retract.ok")}
      okButtonProps={{ danger: true }}
      onOk={() => submit().catch(() => undefined)}
      confirmLoading={editor.saving}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" data-testid="retract-form">
        <Form.Item
          name="reason"
          label={t("publishing.retract.reason")}
          rules={[{ required: true, whitespace: true, message: t("admin.required") }, { max: 200 }]}
        >
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
      <ServerError error={editor.error} />
    </FadeModal>
  );
}
