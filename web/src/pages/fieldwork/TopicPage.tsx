import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Skeleton, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { chinaTime } from "../../components/orders";
import { useT } from "../../i18n/context";
import { fieldworkApi } from "./api";
import "../../ops.css";
import "./fieldwork.css";

interface TopicValues {
  warningId?: string;
  title?: string;
}

/**
 * 每月一题: the district sets the topic the linked leaders work on in their communities this month,
 * chosen from the 共性问题 warnings (the title comes with it) or entered.
 */
export default function TopicPage() {
  const t = useT();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => chinaTime());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<TopicValues>();
  const key = month.format("YYYY-MM");
  const choice = useRequest((signal) => fieldworkApi.topic(key, signal), [key]);
  const save = async (values: TopicValues) => {
    setSaving(true);
    setError(null);
    try {
      await fieldworkApi.setTopic(key, {
        ...(values.warningId ? { warningId: values.warningId } : {}),
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      });
      message.success(t("fieldwork.topic.saved"));
      form.resetFields();
      choice.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="ops-page" data-testid="topic-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("fieldwork.topic.pageTitle")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("fieldwork.topic.subtitle")}</Typography.Text>
        </div>
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(value) => value && setMonth(value)}
          aria-label={t("fieldwork.topic.month")}
        />
      </div>
      {choice.error ? (
        <LoadErrorAlert error={choice.error} onRetry={choice.reload} />
      ) : !choice.data ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          <Alert
            type={choice.data.topic ? "info" : "warning"}
            showIcon
            className="fieldwork__error"
            data-testid="current-topic"
            title={
              choice.data.topic
                ? `${t("fieldwork.topic")}：${choice.data.topic.title}`
                : t("fieldwork.topic.none")
            }
          />
          <Form form={form} layout="vertical" onFinish={save}>
            {error && <Alert type="error" showIcon title={error} className="fieldwork__error" />}
            <Form.Item name="warningId" label={t("fieldwork.topic.fromWarning")}>
              <Select
                allowClear
                options={choice.data.candidates.map((w) => ({ value: w.id, label: w.title }))}
                placeholder={t("fieldwork.topic.noWarning")}
              />
            </Form.Item>
            <Form.Item name="title" label={t("fieldwork.topic.entered")} rules={[{ max: 200 }]}>
              <Input maxLength={200} data-testid="topic-title" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-topic">
              {t("fieldwork.topic.save")}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
