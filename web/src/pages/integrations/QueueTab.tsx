import { App, Button, Empty, Input, Space, Table } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { ErrorState } from "../../components/ErrorState";
import { messageOf } from "../../hooks/useAdminSave";
import { type MessageKey, useT } from "../../i18n/context";
import { integrationsApi } from "./api";

/** 待落格: work orders whose address the gazetteer could not place; a person enters the grid. */
export function QueueTab() {
  const t = useT();
  const { message } = App.useApp();
  const queue = useRequest((signal) => integrationsApi.queue(signal), []);
  const [grids, setGrids] = useState<Record<string, string>>({});
  if (queue.error)
    return <ErrorState title={t("integrations.tab.queue")} error={queue.error} onRetry={queue.reload} />;
  const place = async (id: string) => {
    try {
      const placed = await integrationsApi.place(id, grids[id] ?? "");
      message.success(t("integrations.queue.placed", { orderNo: placed.orderNo }));
      queue.reload();
    } catch (failure) {
      message.error(messageOf(failure));
    }
  };
  return (
    <Table
      loading={queue.loading}
      rowKey="id"
      scroll={{ x: "max-content" }}
      dataSource={queue.data?.items ?? []}
      locale={{ emptyText: <Empty description={t("integrations.queue.empty")} /> }}
      data-testid="city-queue"
      columns={[
        { title: t("integrations.field.workOrderNo"), dataIndex: "workOrderNo" },
        { title: t("integrations.field.address"), dataIndex: "address" },
        { title: t("integrations.field.content"), dataIndex: "content", ellipsis: true, width: 240 },
        {
          title: t("integrations.import.reason"),
          render: (_, row) => t(`integrations.reason.${row.reason}` as MessageKey),
        },
        {
          title: t("integrations.queue.grid"),
          render: (_, row) => (
            <Space.Compact>
              <Input
                style={{ width: 150 }}
                value={grids[row.id] ?? ""}
                onChange={(event) => setGrids({ ...grids, [row.id]: event.target.value.trim() })}
                placeholder="610103001001"
              />
              <Button
                type="primary"
                disabled={!/^[0-9]{6,15}$/.test(grids[row.id] ?? "")}
                onClick={() => place(row.id)}
              >
                {t("integrations.queue.place")}
              </Button>
            </Space.Compact>
          ),
        },
      ]}
    />
  );
}
