import { CloudUploadOutlined } from "@ant-design/icons";
import { Alert, Button, List, Tag } from "antd";
import { useT } from "../i18n/context";
import { useOutbox } from "./hooks";

/**
 * 待发送: what this phone holds for the signed-in worker, with a count, each item's first words, and
 * the reason for any the server refused (those alone can be discarded). Nothing when it is empty.
 */
export function OutboxPanel({ className }: { className?: string }) {
  const t = useT();
  const outbox = useOutbox();
  if (outbox.items.length === 0) return null;
  return (
    <Alert
      type={outbox.refused > 0 ? "warning" : "info"}
      showIcon
      icon={<CloudUploadOutlined />}
      className={className}
      data-testid="outbox"
      data-waiting={outbox.waiting}
      data-refused={outbox.refused}
      title={
        <span data-testid="outbox-count">
          {t("offline.waiting", { count: outbox.waiting })}
          {outbox.refused > 0 ? ` · ${t("offline.refused", { count: outbox.refused })}` : ""}
        </span>
      }
      description={
        <>
          <div className="muted">{t("offline.waitingHint")}</div>
          <List
            size="small"
            dataSource={outbox.items}
            rowKey="key"
            renderItem={(item) => (
              <List.Item
                data-testid="outbox-item"
                data-state={item.state}
                actions={
                  item.state === "refused"
                    ? [
                        <Button key="discard" size="small" danger onClick={() => outbox.discard(item.key)}>
                          {t("offline.discard")}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <>
                      <Tag>{t(`offline.kind.${item.kind}`)}</Tag>
                      {item.label}
                    </>
                  }
                  description={item.refusal?.message}
                />
              </List.Item>
            )}
          />
        </>
      }
      action={
        outbox.waiting > 0 ? (
          <Button size="small" loading={outbox.sending} onClick={outbox.sendNow} data-testid="outbox-send">
            {t("offline.sendNow")}
          </Button>
        ) : undefined
      }
    />
  );
}
