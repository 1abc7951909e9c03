import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Select, Switch, Table, Tag } from "antd";
import { useState } from "react";
import type { ApiBody } from "../../api/types";
import { useRequest } from "../../api/useRequest";
import { ROLES, type Role } from "../../auth/roles";
import { FadeModal } from "../../components/FadeModal";
import { useUnits } from "../../components/orders";
import { ServerError } from "../../components/ServerError";
import { validValues } from "../../components/validValues";
import { useAdminSave, useRowAction } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { type AdminUser, adminApi } from "./api";

type Dialog =
  | { mode: "create" }
  | { mode: "password"; user: AdminUser }
  | { mode: "rename"; user: AdminUser };

/** 用户与角色: accounts in the jurisdiction, paged and filtered on the server; create, rename, reset, (de)activate. */
export function UsersTab() {
  const t = useT();
  const { units } = useUnits();
  const [filters, setFilters] = useState<{ role?: Role; q?: string; region?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useRequest(
    (signal) => adminApi.users({ ...filters, ...paging }, signal),
    [filters.role, filters.q, filters.region, paging.page, paging.pageSize],
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm();
  const editor = useAdminSave();
  const act = useRowAction();
  const role = Form.useWatch("role", form) as Role | undefined;

  const filter = (patch: Partial<typeof filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPaging((current) => ({ ...current, page: 1 }));
  };

  const open = (next: Dialog) => {
    setDialog(next);
    editor.clearError();
    form.resetFields();
    if (next.mode === "rename") form.setFieldsValue({ displayName: next.user.displayName });
    if (next.mode === "create") form.setFieldsValue({ role: "staff" });
  };

  const save = async () => {
    if (!dialog) return;
    const values = (await validValues(form)) as Record<string, string | number | undefined> | null;
    if (!values) return;
    await editor.save(async () => {
      if (dialog.mode === "create") {
        // The form's rules require what the body requires; empty optional fields are left out.
        const body = Object.fromEntries(
          Object.entries(values).filter(([, v]) => v !== undefined && v !== ""),
        ) as ApiBody<"/api/users">;
        await adminApi.createUser(body);
      } else if (dialog.mode === "password")
        await adminApi.updateUser(dialog.user.id, { password: String(values.password) });
      else await adminApi.updateUser(dialog.user.id, { displayName: String(values.displayName).trim() });
      setDialog(null);
      list.reload();
    });
  };

  const setActive = (user: AdminUser, active: boolean) =>
    act(async () => {
      await adminApi.updateUser(user.id, { active });
      list.reload();
    });

  const passwordRules = [
    { required: true, message: t("admin.required") },
    { min: 10, message: t("admin.users.passwordMin") },
    { max: 256 },
  ];

  return (
    <Card
      size="small"
      className="admin-card"
      title={t("admin.users.title")}
      extra={
        <div className="admin-toolbar">
          <Input.Search
            allowClear
            placeholder={t("admin.users.search")}
            onSearch={(value) => filter({ q: value.trim() || undefined })}
            style={{ width: 200 }}
          />
          <Input.Search
            allowClear
            placeholder={t("admin.users.region")}
            onSearch={(value) =>
              filter({ region: /^[0-9]{6,15}$/.test(value.trim()) ? value.trim() : undefined })
            }
            style={{ width: 170 }}
          />
          <Select
            allowClear
            placeholder={t("admin.users.role")}
            value={filters.role}
            onChange={(value) => filter({ role: value })}
            options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
            style={{ width: 150 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: "create" })}>
            {t("admin.users.add")}
          </Button>
        </div>
      }
    >
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<AdminUser>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          size: "small",
          showSizeChanger: true,
          showTotal: (count) => t("ops.list.total", { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t("admin.users.username"),
            dataIndex: "username",
            width: 170,
            render: (v: string) => <code>{v}</code>,
          },
          { title: t("admin.users.displayName"), dataIndex: "displayName", ellipsis: true },
          {
            title: t("admin.users.role"),
            dataIndex: "role",
            width: 140,
            render: (value: Role) => <Tag color="blue">{t(`role.${value}`)}</Tag>,
          },
          {
            title: t("admin.users.scope"),
            key: "scope",
            ellipsis: true,
            render: (_, user) => user.unitName ?? user.regionName ?? user.regionCode ?? "—",
          },
          {
            title: t("admin.users.phone"),
            dataIndex: "phone",
            width: 130,
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("admin.active"),
            dataIndex: "active",
            width: 80,
            render: (active: boolean, user) => (
              <Switch
                size="small"
                checked={active}
                aria-label={t("admin.active")}
                onChange={(next) => setActive(user, next)}
              />
            ),
          },
          {
            key: "ops",
            width: 160,
            render: (_, user) => (
              <>
                <Button size="small" type="link" onClick={() => open({ mode: "rename", user })}>
                  {t("admin.edit")}
                </Button>
                <Button size="small" type="link" onClick={() => open({ mode: "password", user })}>
                  {t("admin.users.resetPassword")}
                </Button>
              </>
            ),
          },
        ]}
      />
      <FadeModal
        open={dialog !== null}
        title={
          dialog?.mode === "create"
            ? t("admin.users.add")
            : dialog?.mode === "password"
              ? `${t("admin.users.resetPassword")} · ${dialog.user.username}`
              : dialog
                ? `${t("admin.edit")} · ${dialog.user.username}`
                : ""
        }
        onCancel={() => setDialog(null)}
        onOk={() => save().catch(() => undefined)}
        confirmLoading={editor.saving}
        okText={t("admin.save")}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog?.mode === "create" && (
            <>
              <Form.Item
                name="username"
                label={t("admin.users.username")}
                rules={[
                  { required: true, message: t("admin.required") },
                  { pattern: /^[a-zA-Z0-9._-]{3,64}$/, message: t("admin.users.usernameInvalid") },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="displayName"
                label={t("admin.users.displayName")}
                rules={[{ required: true, whitespace: true, message: t("admin.required") }, { max: 64 }]}
              >
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item name="password" label={t("admin.users.password")} rules={passwordRules}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="role" label={t("admin.users.role")} rules={[{ required: true }]}>
                <Select options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
              </Form.Item>
              {role === "unit_handler" ? (
                <Form.Item
                  name="unitId"
                  label={t("admin.users.unit")}
                  rules={[{ required: true, message: t("admin.required") }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: "label" }}
                    options={units.map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  name="regionCode"
                  label={t("admin.users.region")}
                  rules={[
                    { required: role !== "resident", message: t("admin.required") },
                    { pattern: /^[0-9]{6,15}$/, message: t("admin.catalogue.regionInvalid") },
                  ]}
                >
                  <Input placeholder="610103001" />
                </Form.Item>
              )}
              <Form.Item
                name="phone"
                label={t("admin.users.phone")}
                rules={[{ pattern: /^[0-9+ -]{7,20}$/, message: t("admin.users.phoneInvalid") }]}
              >
                <Input />
              </Form.Item>
            </>
          )}
          {dialog?.mode === "password" && (
            <Form.Item name="password" label={t("admin.users.newPassword")} rules={passwordRules}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          {dialog?.mode === "rename" && (
            <Form.Item
              name="displayName"
              label={t("admin.users.displayName")}
              rules={[{ required: true, whitespace: true, message: t("admin.required") }, { max: 64 }]}
            >
              <Input maxLength={64} />
            </Form.Item>
          )}
        </Form>
        <ServerError error={editor.error} />
      </FadeModal>
    </Card>
  );
}
