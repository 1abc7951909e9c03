import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { type NotifyEvent, notificationsApi } from "../../api/notifications";
import { useRequest } from "../../api/useRequest";
import { ErrorState } from "../../components/ErrorState";
import { formatTime } from "../../components/orders/format";
import { useT } from "../../i18n/context";

const EVENTS: readonly NotifyEvent[] = [
  "order_dispatched",
  "order_due_soon",
  "order_overdue",
  "order_supervised",
  "order_urged",
  "order_reopened",
  "order_replied",
  "rating_link",
  "login_code",
];
const PHONE = /^\+?[0-9 -]{5,20}$/;

/**
 * 通知日志 What the log provider kept instead of sending (no SMS, WeChat or mail gateway): the text as
 * the recipient would have read it, the recipient masked. Sign-in codes and rating links included,
 * so the whole flow works on a machine with no gateway.
 */
export function NotificationLogTab() {
  const t = useT();
  const [event, setEvent] = useState<NotifyEvent | undefined>();
  const [phone, setPhone] = useState("");
  const query = PHONE.test(phone.trim()) ? phone.trim() : undefined;
  const log = useRequest(
    (signal) => notificationsApi.log({ event, phone: query, limit: 200 }, signal),
    [event, query],
  );
  if (log.error)
    return <ErrorState title={t("integrations.tab.notifications")} error={log.error} onRetry={log.reload} />;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="notification-log">
      <Alert type="info" showIcon title={t("notifications.log.intro")} />
      <Space wrap>
        <Select
          allowClear
          style={{ minWidth: 180 }}
          value={event}
          onChange={setEvent}
          placeholder={t("notifications.log.allEvents")}
          options={EVENTS.map((e) => ({ value: e, label: t(`notifications.eventName.${e}`) }))}
          data-testid="log-event"
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t("notifications.log.phone")}
          onSearch={setPhone}
          data-testid="log-phone"
        />
        <Button icon={<ReloadOutlined />} onClick={log.reload}>
          {t("notifications.log.refresh")}
        </Button>
      </Space>
      <Table
        loading={log.loading}
        rowKey="id"
        size="small"
        scroll={{ x: "max-content" }}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t("notifications.log.empty") }}
        onRow={(m) => ({ "data-event": m.event }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t("notifications.log.time"),
            width: 150,
            render: (_, m) => formatTime(m.createdAt),
          },
          {
            title: t("notifications.log.channel"),
            render: (_, m) => <Tag>{t(`notifications.channel.${m.channel}`)}</Tag>,
          },
          { title: t("notifications.log.recipient"), dataIndex: "recipient" },
          {
            title: t("notifications.log.event"),
            render: (_, m) => t(`notifications.eventName.${m.event}`),
          },
          {
            title: t("notifications.log.body"),
            render: (_, m) => <span className="notification-log__body">{m.body}</span>,
          },
        ]}
      />
    </Space>
  );
}
