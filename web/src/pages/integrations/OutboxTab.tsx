import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { ErrorState } from "../../components/ErrorState";
import { messageOf } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { integrationsApi, type OutboxState } from "./api";

const STATE_COLOURS: Record<OutboxState, string> = { pending: "blue", delivered: "green", failed: "red" };

/** 外发消息: results sent to the city platform — pending, failed (with why) and delivered; retry; export. */
export function OutboxTab() {
  const t = useT();
  const { message } = App.useApp();
  const [state, setState] = useState<OutboxState | undefined>(undefined);
  const outbox = useRequest((signal) => integrationsApi.outbox(state, signal), [state]);
  if (outbox.error)
    return <ErrorState title={t("integrations.tab.outbox")} error={outbox.error} onRetry={outbox.reload} />;
  const retry = async (ids: string[]) => {
    try {
      const { retried } = await integrationsApi.retry(ids);
      message.success(t("integrations.outbox.retried", { n: retried }));
      outbox.reload();
    } catch (failure) {
      message.error(messageOf(failure));
    }
  };
  const counts = outbox.data?.counts;
  const failedIds = (outbox.data?.items ?? []).filter((m) => m.state === "failed").map((m) => m.id);
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="city-outbox">
      <Space wrap>
        <Segmented
          value={state ?? "all"}
          onChange={(value) => setState(value === "all" ? undefined : (value as OutboxState))}
          options={[
            { value: "all", label: t("integrations.outbox.all") },
            ...(["pending", "failed", "delivered"] as const).map((s) => ({
              value: s,
              label: `${t(`integrations.outbox.state.${s}`)} ${counts?.[s] ?? ""}`,
            })),
          ]}
        />
        <Button disabled={failedIds.length === 0} onClick={() => retry(failedIds)}>
          {t("integrations.outbox.retry")}
        </Button>
        <Button icon={<DownloadOutlined />} href={integrationsApi.exportUrl(state)} download>
          {t("integrations.outbox.export")}
        </Button>
      </Space>
      <Table
        loading={outbox.loading}
        rowKey="id"
        size="small"
        scroll={{ x: "max-content" }}
        dataSource={outbox.data?.items ?? []}
        columns={[
          { title: t("integrations.field.workOrderNo"), render: (_, m) => m.payload.工单编号 },
          { title: t("integrations.outbox.orderNo"), dataIndex: "orderNo" },
          { title: t("integrations.outbox.kind"), render: (_, m) => m.payload.反馈类型 },
          {
            title: t("integrations.outbox.status"),
            render: (_, m) => (
              <Tag color={STATE_COLOURS[m.state]}>{t(`integrations.outbox.state.${m.state}`)}</Tag>
            ),
          },
          { title: t("integrations.outbox.attempts"), dataIndex: "attempts", width: 90 },
          {
            title: t("integrations.outbox.nextAttempt"),
            render: (_, m) => (m.nextAttemptAt ? new Date(m.nextAttemptAt).toLocaleString() : "—"),
          },
          {
            title: t("integrations.outbox.error"),
            render: (_, m) => <Typography.Text type="danger">{m.lastError ?? ""}</Typography.Text>,
          },
          {
            title: "",
            render: (_, m) =>
              m.state === "delivered" ? null : (
                <Button size="small" onClick={() => retry([m.id])}>
                  {t("integrations.outbox.retry")}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
