import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Radio,
  Space,
  Switch,
  TimePicker,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import {
  CHANNELS,
  type Channel,
  type MutableEvent,
  type NotificationPreferences,
  notificationsApi,
} from "../../api/notifications";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { ErrorState } from "../../components/ErrorState";
import { PageLoading } from "../../components/PageLoading";
import { messageOf } from "../../hooks/useAdminSave";
import { LOCALES, useT } from "../../i18n/context";

interface Values {
  channels: Channel[];
  /** The matters the user hears of: the complement of the server's `mutedEvents`. */
  events: MutableEvent[];
  quietEnabled: boolean;
  quietFrom?: Dayjs | null;
  quietUntil?: Dayjs | null;
  locale: NotificationPreferences["locale"];
  email: string;
  wechatOpenid: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

const toTime = (minute: number) => dayjs().startOf("day").add(minute, "minute");
const toMinute = (time: Dayjs) => time.hour() * 60 + time.minute();

/** 通知设置 The signed-in user's own channels, the matters they hear of, quiet hours and language. */
export default function NotificationSettingsPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const prefs = useRequest((signal) => notificationsApi.preferences(signal), []);
  const quietEnabled = Form.useWatch("quietEnabled", form);

  if (prefs.error)
    return (
      <ErrorState title={t("notifications.settings.title")} error={prefs.error} onRetry={prefs.reload} />
    );
  if (!prefs.data) return <PageLoading tip={t("common.loading")} />;
  const current = prefs.data;
  // Residents have no bell: their notices leave Minhu.
  const channels = CHANNELS.filter((channel) => channel !== "inapp" || me.role !== "resident");

  const initial: Values = {
    channels: current.channels,
    events: current.events.filter((event) => !current.mutedEvents.includes(event)),
    quietEnabled: current.quietHours !== null,
    quietFrom: current.quietHours ? toTime(current.quietHours.from) : null,
    quietUntil: current.quietHours ? toTime(current.quietHours.until) : null,
    locale: current.locale,
    email: current.email ?? "",
    wechatOpenid: current.wechatOpenid ?? "",
  };

  const save = async (values: Values) => {
    setSaving(true);
    setServerError(null);
    try {
      await notificationsApi.savePreferences({
        channels: values.channels,
        mutedEvents: current.events.filter((event) => !values.events.includes(event)),
        quietHours:
          values.quietEnabled && values.quietFrom && values.quietUntil
            ? { from: toMinute(values.quietFrom), until: toMinute(values.quietUntil) }
            : null,
        locale: values.locale,
        email: values.email.trim() || null,
        wechatOpenid: values.wechatOpenid.trim() || null,
      });
      message.success(t("notifications.settings.saved"));
    } catch (failure) {
      setServerError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  };

  const channelNeeds = (channel: Channel, required: "emailRequired" | "wechatRequired") => ({
    validator: (_: unknown, value: string | undefined) =>
      form.getFieldValue("channels")?.includes(channel) && !value?.trim()
        ? Promise.reject(new Error(t(`notifications.settings.${required}`)))
        : Promise.resolve(),
  });

  return (
    <div className="page" data-testid="notification-settings">
      <div className="page__header">
        <Typography.Title level={3} className="page__title">
          {t("notifications.settings.title")}
        </Typography.Title>
      </div>
      <Card style={{ maxWidth: 720 }}>
        <Typography.Paragraph type="secondary">{t("notifications.settings.intro")}</Typography.Paragraph>
        {serverError && (
          <Alert
            type="error"
            showIcon
            title={t("notifications.settings.saveFailed")}
            description={serverError}
            style={{ marginBottom: 16 }}
            data-testid="settings-error"
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={save}
          onValuesChange={() => setServerError(null)}
        >
          <Form.Item
            name="channels"
            label={t("notifications.settings.channels")}
            extra={t("notifications.settings.channelsHint")}
            rules={[
              {
                required: true,
                type: "array",
                min: 1,
                message: t("notifications.settings.channelsRequired"),
              },
            ]}
          >
            <Checkbox.Group
              data-testid="settings-channels"
              options={channels.map((channel) => ({
                value: channel,
                label: t(`notifications.channel.${channel}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="email"
            label={t("notifications.settings.email")}
            dependencies={["channels"]}
            rules={[
              channelNeeds("email", "emailRequired"),
              { pattern: EMAIL, message: t("notifications.settings.emailInvalid") },
            ]}
          >
            <Input type="email" maxLength={200} autoComplete="email" data-testid="settings-email" />
          </Form.Item>
          <Form.Item
            name="wechatOpenid"
            label={t("notifications.settings.wechat")}
            dependencies={["channels"]}
            rules={[
              channelNeeds("wechat", "wechatRequired"),
              { pattern: OPENID, message: t("notifications.settings.wechatInvalid") },
            ]}
          >
            <Input maxLength={64} data-testid="settings-wechat" />
          </Form.Item>
          <Form.Item
            name="events"
            label={t("notifications.settings.events")}
            extra={t("notifications.settings.eventsHint")}
          >
            <Checkbox.Group
              data-testid="settings-events"
              options={current.events.map((event) => ({
                value: event,
                label: t(`notifications.eventName.${event}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t("notifications.settings.quiet")} extra={t("notifications.settings.quietHint")}>
            <Space wrap align="start">
              <Form.Item name="quietEnabled" valuePropName="checked" noStyle>
                <Switch data-testid="settings-quiet" aria-label={t("notifications.settings.quiet")} />
              </Form.Item>
              <Form.Item
                name="quietFrom"
                noStyle={!quietEnabled}
                hidden={!quietEnabled}
                rules={[{ required: quietEnabled, message: t("notifications.settings.quietRequired") }]}
              >
                <TimePicker
                  format="HH:mm"
                  minuteStep={5}
                  placeholder={t("notifications.settings.quietFrom")}
                  data-testid="settings-quiet-from"
                />
              </Form.Item>
              <Form.Item
                name="quietUntil"
                noStyle={!quietEnabled}
                hidden={!quietEnabled}
                dependencies={["quietFrom"]}
                rules={[
                  { required: quietEnabled, message: t("notifications.settings.quietRequired") },
                  {
                    validator: (_, value: Dayjs | null | undefined) => {
                      const from: Dayjs | null | undefined = form.getFieldValue("quietFrom");
                      return quietEnabled && value && from && toMinute(value) === toMinute(from)
                        ? Promise.reject(new Error(t("notifications.settings.quietSame")))
                        : Promise.resolve();
                    },
                  },
                ]}
              >
                <TimePicker
                  format="HH:mm"
                  minuteStep={5}
                  placeholder={t("notifications.settings.quietUntil")}
                  data-testid="settings-quiet-until"
                />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="locale" label={t("notifications.settings.locale")}>
            <Radio.Group
              options={LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
            {t("notifications.settings.save")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
