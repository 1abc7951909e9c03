import { AlertOutlined, CheckOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, Card, Empty, List, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { formatShort } from "../../components/orders";
import { useT } from "../../i18n/context";
import { commandApi, type EarlyWarning } from "./api";
import { key } from "./orders/format";

const RULE_COLORS: Record<string, string> = {
  category_spike: "volcano",
  repeat_caller: "purple",
  common_problem: "geekblue",
  due_soon: "gold",
};

/** 研判预警: open early warnings of the jurisdiction, newest first, each acknowledgeable. */
export function WarningsPanel({
  refreshKey,
  onOpenOrder,
}: {
  refreshKey: number;
  onOpenOrder: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const warnings = useRequest(
    (signal) => commandApi.warnings({ state: "open", pageSize: 20 }, signal),
    [refreshKey],
  );

  const acknowledge = async (warning: EarlyWarning) => {
    setBusy(warning.id);
    try {
      await commandApi.warningAction(warning.id, "acknowledge");
      message.success(t("command.warnings.acknowledged"));
      warnings.reload();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const data = warnings.data;
  return (
    <Card
      size="small"
      className="command-warnings"
      title={
        <span>
          <AlertOutlined /> {t("command.warnings.title")}
          {data?.available && data.total > 0 && (
            <Badge count={data.total} className="command-warnings__badge" />
          )}
        </span>
      }
      data-testid="warnings-panel"
    >
      {warnings.loading && !data && <Skeleton active paragraph={{ rows: 3 }} />}
      {warnings.error && (
        <Alert
          type="error"
          showIcon
          title={warnings.error.message}
          action={
            <Button size="small" onClick={warnings.reload}>
              {t("common.retry")}
            </Button>
          }
        />
      )}
      {data && !data.available && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("command.warnings.unavailable")} />
      )}
      {data?.available && (
        <List
          size="small"
          dataSource={data.items}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("command.warnings.none")} />
            ),
          }}
          renderItem={(warning) => (
            <List.Item
              data-warning-id={warning.id}
              actions={
                warning.actions.includes("acknowledge")
                  ? [
                      <Button
                        key="ack"
                        size="small"
                        icon={<CheckOutlined />}
                        loading={busy === warning.id}
                        onClick={() => acknowledge(warning)}
                      >
                        {t("command.warnings.acknowledge")}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={RULE_COLORS[warning.rule] ?? "default"}>
                      {t(key(`command.warnings.rule.${warning.rule}`))}
                    </Tag>
                    {warning.title}
                  </span>
                }
                description={
                  <span className="command-warnings__meta">
                    {[warning.region.name, warning.category?.name, formatShort(warning.createdAt)]
                      .filter(Boolean)
                      .join(" · ")}
                    {warning.orderIds.length > 0 && (
                      <>
                        {" · "}
                        <Typography.Link onClick={() => onOpenOrder(warning.orderIds[0])}>
                          {t("command.warnings.orders", { count: warning.orderIds.length })}
                        </Typography.Link>
                      </>
                    )}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
