import { Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useT } from "../../i18n/context";
import { ImportTab } from "./ImportTab";
import { NotificationLogTab } from "./NotificationLogTab";
import { OutboxTab } from "./OutboxTab";
import { QueueTab } from "./QueueTab";
import "../../ops.css";

const TABS = ["import", "queue", "outbox", "notifications"] as const;
type TabKey = (typeof TABS)[number];

/**
 * 12345 接入: imports of the city platform's exports, the placement queue, the outbox of results, and
 * the log provider's notifications (SMS, WeChat, e-mail kept when no gateway is configured).
 */
export default function IntegrationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const active: TabKey = TABS.find((tab) => tab === params.get("tab")) ?? "import";
  const content: Record<TabKey, () => React.ReactNode> = {
    import: () => <ImportTab />,
    queue: () => <QueueTab />,
    outbox: () => <OutboxTab />,
    notifications: () => <NotificationLogTab />,
  };
  return (
    <div className="page" data-testid="integrations-page" data-tab={active}>
      <div className="page__header">
        <Typography.Title level={3} className="page__title">
          {t("integrations.title")}
        </Typography.Title>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={TABS.map((tab) => ({
          key: tab,
          label: t(`integrations.tab.${tab}`),
          children: content[tab](),
        }))}
      />
    </div>
  );
}
