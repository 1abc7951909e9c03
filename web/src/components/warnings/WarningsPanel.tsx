import { AlertOutlined, CheckOutlined, CloseOutlined, ToolOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Empty, Pagination, Skeleton, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useRequest } from "../../api/useRequest";
import { useT } from "../../i18n/context";
import { LoadErrorAlert } from "../ErrorState";
import { formatShort, messageKey } from "../orders";
import { type EarlyWarning, warningsApi } from "./api";
import { type WarningDecision, WarningDecisionModal } from "./WarningDecisionModal";
import "./warnings.css";

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
 * A page the side column holds without growing the page (the list scrolls inside the card past
 * two-thirds of a screen, see warnings.css): the rest is one click on the pager away.
 */
const PAGE_SIZE = 6;

/**
 * 研判预警: the jurisdiction's warnings still waiting for a decision (open or acknowledged), newest
 * first, a page at a time from the server: 知悉 takes one in hand, 处置 records what was done (a
 * 共性问题 can file its orders in the ledger), 排除 closes a false alarm. The buttons are the commands
 * the server offers this user, on a line below the warning so its text keeps the panel's width.
 */
export function WarningsPanel({
  refreshKey,
  onOpenOrder,
  testId = "warnings-panel",
}: {
  refreshKey: number;
  onOpenOrder: (id: string) => void;
  testId?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ warning: EarlyWarning; decision: WarningDecision } | null>(null);
  const warnings = useRequest(
    (signal) => warningsApi.list({ state: "undecided", page, pageSize: PAGE_SIZE }, signal),
    [refreshKey, page],
  );
  const data = warnings.data;
  const lastPage = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  // Deciding the last warning of the last page leaves it empty: step back to the page before.
  useEffect(() => {
    if (data && page > lastPage) setPage(lastPage);
  }, [data, page, lastPage]);

  const decide = async (
    warning: EarlyWarning,
    verb: "acknowledge" | WarningDecision,
    values: { note?: string; markCommon?: boolean } = {},
  ) => {
    setBusy(warning.id);
    try {
      await warningsApi.decide(warning.id, verb, values);
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

  return (
    <Card
      size="small"
      className="command-warnings"
      title={
        <span>
          <AlertOutlined /> {t("command.warnings.title")}
          {data?.available && data.total > 0 && (
            <Badge count={data.total} overflowCount={9999} className="command-warnings__badge" />
          )}
        </span>
      }
      data-testid={testId}
      data-total={data?.total}
    >
      {warnings.loading && !data && <Skeleton active paragraph={{ rows: 3 }} />}
      {warnings.error && <LoadErrorAlert error={warnings.error} onRetry={warnings.reload} />}
      {data && !data.available && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("command.warnings.unavailable")} />
      )}
      {data?.available && data.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("command.warnings.none")} />
      )}
      {data?.available && data.items.length > 0 && (
        <ul className="command-warnings__list">
          {data.items.map((warning) => (
            <li
              key={warning.id}
              className="command-warnings__item"
              data-warning-id={warning.id}
              data-state={warning.state}
            >
              <div className="command-warnings__text" data-testid="warning-text">
                <div className="command-warnings__title" data-testid="warning-title">
                  <Tag color={RULE_COLORS[warning.rule] ?? "default"}>
                    {t(messageKey(`command.warnings.rule.${warning.rule}`))}
                  </Tag>
                  {warning.title}
                  {warning.state === "acknowledged" && (
                    <Tag color="blue" className="command-warnings__state">
                      {t("command.warnings.inHand")}
                    </Tag>
                  )}
                </div>
                <div className="command-warnings__meta">
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
                </div>
              </div>
              {warning.actions.length > 0 && (
                <div className="command-warnings__actions">{buttonsFor(warning)}</div>
              )}
            </li>
          ))}
        </ul>
      )}
      {data?.available && data.total > PAGE_SIZE && (
        <div className="command-warnings__pager" data-testid="warnings-pager">
          <Pagination
            size="small"
            simple
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={setPage}
            showSizeChanger={false}
          />
        </div>
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
