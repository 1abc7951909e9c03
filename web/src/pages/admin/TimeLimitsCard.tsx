import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, InputNumber, Select, Skeleton, Space, Switch, Table } from "antd";
import { useEffect, useState } from "react";
import { useRequest } from "../../api/useRequest";
import { DEMAND_TYPES, typeLabel } from "../../components/orders";
import { ServerError } from "../../components/ServerError";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { adminApi, type TimeLimitRule } from "./api";

type Row = TimeLimitRule & { key: number };
let nextKey = 1;
const withKeys = (rules: TimeLimitRule[]): Row[] => rules.map((rule) => ({ ...rule, key: nextKey++ }));

/**
 * 办理时限: the rule table (category prefix × type × urgency → response minutes and handling limit),
 * edited in place and saved as a whole; the server checks it and names the first bad row.
 */
export function TimeLimitsCard() {
  const t = useT();
  const loaded = useRequest((signal) => adminApi.timeLimits(signal), []);
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const editor = useAdminSave();

  useEffect(() => {
    if (loaded.data) {
      setRows(withKeys(loaded.data.items));
      setDirty(false);
    }
  }, [loaded.data]);

  const update = (key: number, patch: Partial<TimeLimitRule>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    setDirty(true);
  };

  const save = () =>
    editor.save(async () => {
      const saved = await adminApi.replaceTimeLimits(rows.map(({ key: _key, ...rule }) => rule));
      setRows(withKeys(saved.items));
      setDirty(false);
    });

  const prefixInvalid = (value: string | null) => value !== null && !/^[0-9]{2}([0-9]{2}){0,2}$/.test(value);

  return (
    <Card
      size="small"
      title={t("admin.limits.title")}
      className="admin-card"
      extra={
        <Space>
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              setRows((current) => [
                ...current,
                {
                  key: nextKey++,
                  categoryPrefix: null,
                  type: null,
                  urgent: false,
                  responseMinutes: 120,
                  handling: { unit: "working_days", amount: 5 },
                },
              ]);
              setDirty(true);
            }}
          >
            {t("admin.limits.add")}
          </Button>
          <Button size="small" type="primary" disabled={!dirty} loading={editor.saving} onClick={save}>
            {t("admin.save")}
          </Button>
        </Space>
      }
    >
      {loaded.loading && !loaded.data && <Skeleton active />}
      {loaded.error && <Alert type="error" showIcon title={loaded.error.message} />}
      <ServerError error={editor.error} />
      {loaded.data && (
        <Table<Row>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={{ pageSize: 12, size: "small" }}
          scroll={{ x: 640 }}
          columns={[
            {
              title: t("admin.limits.category"),
              dataIndex: "categoryPrefix",
              width: 110,
              render: (value: string | null, row) => (
                <Input
                  size="small"
                  value={value ?? ""}
                  placeholder={t("admin.limits.any")}
                  status={prefixInvalid(value) ? "error" : undefined}
                  onChange={(event) => update(row.key, { categoryPrefix: event.target.value.trim() || null })}
                />
              ),
            },
            {
              title: t("orders.field.type"),
              dataIndex: "type",
              width: 100,
              render: (value: string | null, row) => (
                <Select
                  size="small"
                  value={value ?? ""}
                  aria-label={t("orders.field.type")}
                  onChange={(next: string) => update(row.key, { type: next || null })}
                  options={[
                    { value: "", label: t("admin.limits.any") },
                    ...DEMAND_TYPES.map((type) => ({ value: type, label: typeLabel(t, type) })),
                  ]}
                  style={{ width: 90 }}
                />
              ),
            },
            {
              title: t("admin.limits.urgent"),
              dataIndex: "urgent",
              width: 64,
              render: (value: boolean, row) => (
                <Switch
                  size="small"
                  checked={value}
                  aria-label={t("admin.limits.urgent")}
                  onChange={(urgent) => update(row.key, { urgent })}
                />
              ),
            },
            {
              title: t("admin.limits.response"),
              dataIndex: "responseMinutes",
              width: 110,
              render: (value: number, row) => (
                <InputNumber
                  size="small"
                  min={1}
                  value={value}
                  aria-label={t("admin.limits.response")}
                  suffix={t("admin.limits.minutes")}
                  onChange={(next) => next !== null && update(row.key, { responseMinutes: Number(next) })}
                />
              ),
            },
            {
              title: t("admin.limits.handling"),
              key: "handling",
              render: (_, row) => (
                <Space.Compact size="small">
                  <InputNumber
                    size="small"
                    min={1}
                    value={row.handling.amount}
                    aria-label={t("admin.limits.handling")}
                    onChange={(next) =>
                      next !== null &&
                      update(row.key, { handling: { ...row.handling, amount: Number(next) } })
                    }
                    style={{ width: 64 }}
                  />
                  <Select
                    size="small"
                    value={row.handling.unit}
                    aria-label={t("admin.limits.handling")}
                    onChange={(unit: TimeLimitRule["handling"]["unit"]) =>
                      update(row.key, { handling: { ...row.handling, unit } })
                    }
                    options={[
                      { value: "working_days", label: t("admin.limits.workingDays") },
                      { value: "calendar_hours", label: t("admin.limits.calendarHours") },
                    ]}
                    popupMatchSelectWidth={false}
                    style={{ minWidth: 112 }}
                    data-testid="limit-unit"
                  />
                </Space.Compact>
              ),
            },
            {
              key: "remove",
              width: 40,
              render: (_, row) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("admin.delete")}
                  onClick={() => {
                    setRows((current) => current.filter((candidate) => candidate.key !== row.key));
                    setDirty(true);
                  }}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
