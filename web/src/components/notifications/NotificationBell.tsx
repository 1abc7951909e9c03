import { BellOutlined, SettingOutlined } from "@ant-design/icons";
import { App, Badge, Button, Empty, Popover, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { type AppNotification, notificationsApi } from "../../api/notifications";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { messageOf } from "../../hooks/useAdminSave";
import { useCoalesced, useOrderEvents } from "../../hooks/useOrderEvents";
import { useT } from "../../i18n/context";
import { formatShort } from "../orders/format";
import { notificationText, orderPathFor } from "./render";

const RECENT = 20;

/**
 * 铃铛 The staff's in-app notifications in the header: the unread count, the recent ones rendered in
 * the reader's language with a link to their order, marking read. A `notification` event on the live
 * stream (or a reconnect) refetches, so the count rises without a reload.
 */
export function NotificationBell() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const list = useRequest((signal) => notificationsApi.list({ limit: RECENT }, signal), []);
  const refresh = useCoalesced(list.reload);
  useOrderEvents({ onNotification: refresh, onResync: refresh });

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const markRead = async (ids?: string[]) => {
    try {
      await notificationsApi.markRead(ids);
      list.reload();
    } catch (failure) {
      message.error(messageOf(failure));
    }
  };

  const openItem = (item: AppNotification) => {
    if (!item.readAt) void markRead([item.id]);
    const path = item.orderId ? orderPathFor(me.role, item.orderId) : null;
    if (path) {
      setOpen(false);
      navigate(path);
    }
  };

  const content = (
    <div className="bell" data-testid="notification-list">
      <div className="bell__head">
        <Typography.Text strong>{t("notifications.unread", { count: unread })}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          onClick={() => markRead()}
          data-testid="notifications-read-all"
        >
          {t("notifications.markAllRead")}
        </Button>
      </div>
      {list.error && <Typography.Text type="danger">{t("notifications.loadFailed")}</Typography.Text>}
      {items.length === 0 && !list.error ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      ) : (
        <ul className="bell__list">
          {items.map((item) => (
            <li
              key={item.id}
              className={item.readAt ? "bell__item" : "bell__item bell__item--unread"}
              data-testid="notification-item"
              data-event={item.event}
              data-read={item.readAt ? "true" : "false"}
            >
              <button type="button" className="bell__open" onClick={() => openItem(item)}>
                {item.urgent && <Tag color="red">{t("notifications.urgent")}</Tag>}
                <span className="bell__text">{notificationText(t, item.event, item.params)}</span>
                <span className="bell__time">{formatShort(item.createdAt)}</span>
              </button>
              {!item.readAt && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => markRead([item.id])}
                  data-testid="notification-read"
                >
                  {t("notifications.markRead")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="bell__foot">
        <Button
          type="link"
          size="small"
          icon={<SettingOutlined />}
          onClick={() => {
            setOpen(false);
            navigate("/notifications/settings");
          }}
        >
          {t("notifications.settingsLink")}
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
      title={t("notifications.title")}
    >
      <Button
        type="text"
        aria-label={t("notifications.bell")}
        data-testid="notification-bell"
        data-unread={unread}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="bell__icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
