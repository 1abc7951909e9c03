import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Select, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { FadeModal } from "../../components/FadeModal";
import { label, type Unit } from "../../components/orders";
import { ServerError } from "../../components/ServerError";
import { validValues } from "../../components/validValues";
import { useAdminSave, useRowAction } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { type AdminUnit, adminApi } from "./api";

const KINDS: readonly Unit["kind"][] = [
  "department",
  "street_office",
  "community_committee",
  "command_centre",
  "enterprise",
];

/** 承办单位: departments, street offices, community committees; create, rename, move, (de)activate. */
export function UnitsTab() {
  const t = useT();
  const list = useRequest((signal) => adminApi.units(signal), []);
  const [kind, setKind] = useState<Unit["kind"] | undefined>();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<AdminUnit | "new" | null>(null);
  const [form] = Form.useForm();
  const editor = useAdminSave();
  const act = useRowAction();

  const items = (list.data?.items ?? []).filter(
    (unit) =>
      (!kind || unit.kind === kind) && (!search || unit.name.includes(search) || unit.code.includes(search)),
  );

  const open = (unit: AdminUnit | "new") => {
    setEditing(unit);
    editor.clearError();
    form.setFieldsValue(
      unit === "new"
        ? { code: "", name: "", nameEn: "", kind: "department", regionCode: "610103" }
        : {
            code: unit.code,
            name: unit.name,
            nameEn: unit.nameEn ?? "",
            kind: unit.kind,
            regionCode: unit.regionCode,
          },
    );
  };

  const save = async () => {
    const values = (await validValues(form)) as {
      code: string;
      name: string;
      nameEn?: string;
      kind: Unit["kind"];
      regionCode: string;
    } | null;
    if (!values) return;
    await editor.save(async () => {
      const body = {
        name: values.name.trim(),
        nameEn: values.nameEn?.trim() || null,
        kind: values.kind,
        regionCode: values.regionCode.trim(),
      };
      if (editing === "new") await adminApi.createUnit({ ...body, code: values.code.trim() });
      else if (editing) await adminApi.updateUnit(editing.id, body);
      setEditing(null);
      list.reload();
    });
  };

  const setActive = (unit: AdminUnit, active: boolean) =>
    act(async () => {
      await adminApi.updateUnit(unit.id, { active });
      list.reload();
    });

  return (
    <Card
      size="small"
      className="admin-card"
      title={t("admin.units.title")}
      extra={
        <div className="admin-toolbar">
          <Input.Search
            allowClear
            placeholder={t("admin.units.search")}
            onSearch={(value) => setSearch(value.trim())}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t("admin.units.kind")}
            value={kind}
            onChange={setKind}
            options={KINDS.map((value) => ({ value, label: label(t, `orders.unitKind.${value}`, value) }))}
            style={{ width: 150 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open("new")}>
            {t("admin.units.add")}
          </Button>
        </div>
      }
    >
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<AdminUnit>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 15, size: "small", showTotal: (count) => t("ops.list.total", { count }) }}
        columns={[
          {
            title: t("admin.units.code"),
            dataIndex: "code",
            width: 170,
            render: (v: string) => <code>{v}</code>,
          },
          { title: t("admin.units.name"), dataIndex: "name" },
          {
            title: t("admin.units.kind"),
            dataIndex: "kind",
            width: 130,
            render: (value: string) => <Tag>{label(t, `orders.unitKind.${value}`, value)}</Tag>,
          },
          { title: t("admin.units.region"), dataIndex: "regionCode", width: 150 },
          {
            title: t("admin.active"),
            dataIndex: "active",
            width: 80,
            render: (active: boolean | undefined, unit) => (
              <Switch
                size="small"
                checked={active !== false}
                aria-label={t("admin.active")}
                onChange={(next) => setActive(unit, next)}
              />
            ),
          },
          {
            key: "edit",
            width: 70,
            render: (_, unit) => (
              <Button size="small" type="link" onClick={() => open(unit)}>
                {t("admin.edit")}
              </Button>
            ),
          },
        ]}
      />
      <FadeModal
        open={editing !== null}
        title={editing === "new" ? t("admin.units.add") : t("admin.units.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => save().catch(() => undefined)}
        confirmLoading={editor.saving}
        okText={t("admin.save")}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="code"
            label={t("admin.units.code")}
            rules={[
              { required: true, message: t("admin.required") },
              { pattern: /^[a-z0-9_-]{2,40}$/, message: t("admin.units.codeInvalid") },
            ]}
          >
            <Input disabled={editing !== "new"} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("admin.units.name")}
            rules={[{ required: true, whitespace: true, message: t("admin.required") }, { max: 100 }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="nameEn" label={t("admin.units.nameEn")} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t("admin.units.kind")} rules={[{ required: true }]}>
            <Select
              options={KINDS.map((value) => ({ value, label: label(t, `orders.unitKind.${value}`, value) }))}
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t("admin.units.region")}
            rules={[
              { required: true, message: t("admin.required") },
              { pattern: /^[0-9]{6,15}$/, message: t("admin.catalogue.regionInvalid") },
            ]}
          >
            <Input />
          </Form.Item>
        </Form>
        <ServerError error={editor.error} />
      </FadeModal>
    </Card>
  );
}
