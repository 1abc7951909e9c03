import { AlertOutlined, CheckOutlined, CloseOutlined, ToolOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Empty, List, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { formatShort, messageKey } from "../../components/orders";
import { useT } from "../../i18n/context";
import { commandApi, type EarlyWarning } from "./api";
import { type WarningDecision, WarningDecisionModal } from "./WarningDecisionModal";

const DONE = {
  acknowledge: "command.warnings.acknowledged",
  action: "command.warnings.actioned",
  dismiss: "command.warnings.dismissed",
} as const;

const RULE_COLORS: Record<string, string> = {
  category_spike: "volcano",
  repeat_caller: "purple",
  common_problem: "geekblue",
  due_soon: "gold",
};

/**
 * 研判预警: the jurisdiction's warnings still waiting for a decision (open or acknowledged), newest
 * first: 知悉 takes one in hand, 处置 records what was done (a 共性问题 can file its orders in the
 * ledger), 排除 closes a false alarm. The buttons are the commands the server offers this user.
 */
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
  const [deciding, setDeciding] = useState<{ warning: EarlyWarning; decision: WarningDecision } | null>(null);
  const warnings = useRequest(
    (signal) => commandApi.warnings({ state: "undecided", pageSize: 20 }, signal),
    [refreshKey],
  );

  const decide = async (
    warning: EarlyWarning,
    verb: "acknowledge" | WarningDecision,
    values: { note?: string; markCommon?: boolean } = {},
  ) => {
    setBusy(warning.id);
    try {
      await commandApi.warningAction(warning.id, verb, values);
      message.success(t(DONE[verb]));
      setDeciding(null);
      warnings.reload();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  const buttonsFor = (warning: EarlyWarning) => [
    ...(warning.actions.includes("acknowledge")
      ? [
          <Button
            key="acknowledge"
            size="small"
            icon={<CheckOutlined />}
            loading={busy === warning.id && deciding === null}
            onClick={() => decide(warning, "acknowledge")}
            data-testid="warning-acknowledge"
          >
            {t("command.warnings.acknowledge")}
          </Button>,
        ]
      : []),
    ...(["action", "dismiss"] as const)
      .filter((decision) => warning.actions.includes(decision))
      .map((decision) => (
        <Button
          key={decision}
          size="small"
          type={decision === "action" ? "primary" : "default"}
          icon={decision === "action" ? <ToolOutlined /> : <CloseOutlined />}
          onClick={() => setDeciding({ warning, decision })}
          data-testid={`warning-${decision}`}
        >
          {t(`command.warnings.${decision}`)}
        </Button>
      )),
  ];

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
      {warnings.error && <LoadErrorAlert error={warnings.error} onRetry={warnings.reload} />}
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
            <List.Item data-warning-id={warning.id} data-state={warning.state} actions={buttonsFor(warning)}>
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={RULE_COLORS[warning.rule] ?? "default"}>
                      {t(messageKey(`command.warnings.rule.${warning.rule}`))}
                    </Tag>
                    {warning.title}
                    {warning.state === "acknowledged" && (
                      <Tag color="blue" className="command-warnings__state">
                        {t("command.warnings.inHand")}
                      </Tag>
                    )}
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
      <WarningDecisionModal
        warning={deciding?.warning ?? null}
        decision={deciding?.decision ?? "action"}
        busy={deciding !== null && busy === deciding.warning.id}
        onSubmit={(values) => deciding && decide(deciding.warning, deciding.decision, values)}
        onCancel={() => setDeciding(null)}
      />
    </Card>
  );
}
