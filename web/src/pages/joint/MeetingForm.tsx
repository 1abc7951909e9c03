import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { jointApi, lines } from "../../api/joint";
import { FadeModal } from "../../components/FadeModal";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";

interface Values {
  heldOn: Dayjs;
  topic: string;
  attendees?: string;
  minutes?: string;
  decisions?: string;
}

/** 登记议事协商会议: date, topic, attendees, minutes and the decisions taken (one a line). */
export function MeetingForm(props: { councilId: number; onSaved: (meetingId: number) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { saving, error, save } = useAdminSave();
  const submit = (values: Values) =>
    save(async () => {
      const { id } = await jointApi.addMeeting(props.councilId, {
        heldOn: values.heldOn.format("YYYY-MM-DD"),
        topic: values.topic,
        attendees: lines(values.attendees),
        minutes: values.minutes ?? "",
        decisions: lines(values.decisions),
      });
      setOpen(false);
      form.resetFields();
      props.onSaved(id);
    });
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="joint-add-meeting">
        {t("joint.addMeeting")}
      </Button>
      <FadeModal
        open={open}
        title={t("joint.addMeeting")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ id: "joint-meeting-save" }}
        confirmLoading={saving}
      >
        <Form
          form={form}
          name="jointMeeting"
          layout="vertical"
          onFinish={submit}
          data-testid="joint-meeting-form"
        >
          <Form.Item name="heldOn" label={t("joint.meeting.heldOn")} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="topic" label={t("joint.meeting.topic")} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="attendees"
            label={t("joint.meeting.attendees")}
            extra={t("joint.meeting.attendeesHint")}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="minutes" label={t("joint.meeting.minutes")} rules={[{ max: 20_000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="decisions"
            label={t("joint.meeting.decisions")}
            extra={t("joint.meeting.decisionsHint")}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </FadeModal>
    </>
  );
}
