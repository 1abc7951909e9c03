import { Alert, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { jointApi, lines } from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { FadeModal } from "../../components/FadeModal";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";

interface Values {
  title: string;
  ownerMemberId?: number;
  owner?: string;
  memberIds?: number[];
  dueOn?: Dayjs;
  itemIds?: number[];
  orderIds?: string;
}

/**
 * 立项: a meeting's decision becomes a joint project with its lead (a member organisation or another
 * party), the members taking part, a deadline, the 需求/资源 entries it matches and the demands it resolves.
 */
export function ProjectForm(props: {
  councilId: number;
  decision: { id: number; text: string };
  onClose: () => void;
  onSaved: (projectId: number) => void;
}) {
  const t = useT();
  const council = useRequest((signal) => jointApi.council(props.councilId, signal), [props.councilId]);
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useAdminSave();
  const members = (council.data?.memberList ?? []).filter((m) => m.active);
  const items = (council.data?.listItems ?? []).filter((i) => i.projectId === null);
  const submit = (values: Values) =>
    save(async () => {
      const { id } = await jointApi.setProject({
        decisionId: props.decision.id,
        title: values.title,
        ownerMemberId: values.ownerMemberId,
        owner: values.ownerMemberId ? undefined : values.owner,
        memberIds: values.memberIds ?? [],
        dueOn: values.dueOn?.format("YYYY-MM-DD"),
        itemIds: values.itemIds ?? [],
        orderIds: lines(values.orderIds),
      });
      props.onSaved(id);
    });

  return (
    <FadeModal
      open
      title={`${t("joint.decision.setProject")} · ${props.decision.text}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ id: "joint-project-save" }}
      confirmLoading={saving}
    >
      <Form
        form={form}
        name="jointProject"
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: props.decision.text }}
        data-testid="joint-project-form"
      >
        <Form.Item name="title" label={t("joint.project.title")} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="ownerMemberId" label={t("joint.project.ownerMember")}>
          <Select allowClear options={members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="owner" label={t("joint.project.ownerOther")} rules={[{ max: 80 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="memberIds" label={t("joint.project.members")}>
          <Select mode="multiple" options={members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="dueOn" label={t("joint.project.dueOn")}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="itemIds" label={t("joint.project.items")}>
          <Select
            mode="multiple"
            options={items.map((i) => ({ value: i.id, label: `${t(`joint.${i.list}`)} · ${i.title}` }))}
          />
        </Form.Item>
        <Form.Item name="orderIds" label={t("joint.project.orderIds")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </FadeModal>
  );
}
