import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Empty, Input, Select, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import {
  AUDIT_ACTIONS,
  AUDIT_GROUPS,
  AuditDiff,
  auditActionLabel,
  auditGroupLabel,
  auditTargetLabel,
} from "../../components/audit";
import { LoadErrorAlert } from "../../components/ErrorState";
import { formatTime } from "../../components/orders";
import { type MessageKey, useT } from "../../i18n/context";
import { type AuditEntry, type AuditFilter, auditApi } from "./api";
import "../../ops.css";
import "./audit.css";

const PAGE_SIZE = 20;

interface Draft {
  actor: string;
  action?: string;
  target: string;
  from: Dayjs | null;
  to: Dayjs | null;
}
const EMPTY: Draft = { actor: "", target: "", from: null, to: null };

const filterOf = (draft: Draft): AuditFilter => ({
  actor: draft.actor.trim() || undefined,
  action: draft.action,
  target: draft.target.trim() || undefined,
  from: draft.from?.format("YYYY-MM-DD"),
  to: draft.to?.format("YYYY-MM-DD"),
});

/** 审计日志: administrators search who did what (sign-ins, accounts, configuration, exports) and export it. */
export default function AuditLogPage() {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const entries = useRequest(
    (signal) => auditApi.search(filter, { page, pageSize: PAGE_SIZE }, signal),
    [JSON.stringify(filter), page],
  );
  const apply = (next: Draft) => {
    setDraft(next);
    setFilter(filterOf(next));
    setPage(1);
  };
  const actionOptions = [
    {
      label: t("audit.filter.groups"),
      options: AUDIT_GROUPS.map((group) => ({
        value: group,
        label: t("audit.filter.groupAll", { group: auditGroupLabel(t, group) }),
      })),
    },
    ...AUDIT_GROUPS.map((group) => ({
      label: auditGroupLabel(t, group),
      options: AUDIT_ACTIONS.filter((code) => code.startsWith(group)).map((code) => ({
        value: code,
        label: auditActionLabel(t, code),
      })),
    })),
  ];

  return (
    <div className="ops-page audit-page" data-testid="audit-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("audit.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("audit.subtitle")}</Typography.Text>
        </div>
      </div>
      <Card size="small">
        <form
          className="audit-filters"
          onSubmit={(event) => {
            event.preventDefault();
            apply(draft);
          }}
        >
          <Input
            allowClear
            value={draft.actor}
            placeholder={t("audit.filter.actor")}
            aria-label={t("audit.filter.actor")}
            onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
            data-testid="audit-actor"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            value={draft.action}
            placeholder={t("audit.filter.all")}
            aria-label={t("audit.filter.action")}
            options={actionOptions}
            onChange={(value?: string) => apply({ ...draft, action: value })}
            data-testid="audit-action"
          />
          <Input
            allowClear
            value={draft.target}
            placeholder={t("audit.filter.target")}
            aria-label={t("audit.filter.target")}
            onChange={(event) => setDraft({ ...draft, target: event.target.value })}
          />
          <DatePicker
            value={draft.from}
            placeholder={t("audit.filter.from")}
            aria-label={t("audit.filter.from")}
            onChange={(value) => apply({ ...draft, from: value })}
          />
          <DatePicker
            value={draft.to}
            placeholder={t("audit.filter.to")}
            aria-label={t("audit.filter.to")}
            onChange={(value) => apply({ ...draft, to: value })}
          />
          <Space wrap>
            <Button type="primary" htmlType="submit" data-testid="audit-search">
              {t("audit.search")}
            </Button>
            <Button onClick={() => apply(EMPTY)}>{t("audit.reset")}</Button>
            <Button
              icon={<DownloadOutlined />}
              href={auditApi.exportUrl(filter)}
              download
              data-testid="audit-export"
            >
              {t("audit.export")}
            </Button>
          </Space>
        </form>
        {entries.error && <LoadErrorAlert error={entries.error} onRetry={entries.reload} />}
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          loading={entries.loading}
          dataSource={entries.data?.items ?? []}
          scroll={{ x: "max-content" }}
          data-testid="audit-table"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("audit.empty")} />,
          }}
          expandable={{
            expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
          }}
          onRow={(entry) => ({ "data-action": entry.action }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: entries.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t("ops.list.total", { count }),
            onChange: setPage,
          }}
          columns={[
            { title: t("audit.col.at"), dataIndex: "at", render: (at: string) => formatTime(at) },
            {
              title: t("audit.col.actor"),
              render: (_, entry) => entry.actorUsername ?? t("audit.system"),
            },
            {
              title: t("audit.col.role"),
              render: (_, entry) => (entry.actorRole ? t(`role.${entry.actorRole}` as MessageKey) : "—"),
            },
            { title: t("audit.col.action"), render: (_, entry) => auditActionLabel(t, entry.action) },
            {
              title: t("audit.col.target"),
              render: (_, entry) => auditTargetLabel(t, entry.targetType, entry.targetId),
            },
            {
              title: t("audit.col.client"),
              dataIndex: "client",
              render: (client: string | null) => client ?? "—",
            },
          ]}
        />
      </Card>
    </div>
  );
}
