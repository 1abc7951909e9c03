import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { type HandlingLevel, label, type Unit, useUnits } from "../../components/orders";

const HANDLING_LEVELS: readonly HandlingLevel[] = ["grid", "community", "street", "district"];

import { FadeModal } from "../../components/FadeModal";
import { ServerError } from "../../components/ServerError";
import { validValues } from "../../components/validValues";
import { useAdminSave, useRowAction } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { adminApi, type CatalogueInput, type CatalogueRow } from "./api";
import { useCategoryOptions } from "./useCategoryOptions";

function unitOptions(units: Unit[]) {
  return units.map((unit) => ({ value: unit.id, label: unit.name }));
}

/** 派单目录: category (+ region) → lowest handling level, main and assisting units. */
export function CatalogueTab() {
  const t = useT();
  const [category, setCategory] = useState<string | undefined>();
  const rows = useRequest((signal) => adminApi.catalogue(category, signal), [category]);
  const categories = useCategoryOptions();
  const { units } = useUnits();
  const [editing, setEditing] = useState<CatalogueRow | "new" | null>(null);
  const [form] = Form.useForm();
  const editor = useAdminSave();
  const act = useRowAction();

  const open = (row: CatalogueRow | "new") => {
    setEditing(row);
    editor.clearError();
    form.setFieldsValue(
      row === "new"
        ? {
            categoryCode: category,
            regionCode: "",
            handlingLevel: "district",
            unitId: undefined,
            assistingUnitIds: [],
          }
        : {
            categoryCode: row.categoryCode,
            regionCode: row.regionCode ?? "",
            handlingLevel: row.handlingLevel,
            unitId: row.unit?.id,
            assistingUnitIds: row.assistingUnits.map((u) => u.id),
          },
    );
  };

  const save = async () => {
    const values = (await validValues(form)) as
      | (Omit<CatalogueInput, "regionCode" | "unitId"> & {
          regionCode: string;
          unitId?: number;
        })
      | null;
    if (!values) return;
    await editor.save(async () => {
      const body = {
        handlingLevel: values.handlingLevel,
        unitId: values.unitId ?? null,
        assistingUnitIds: values.assistingUnitIds ?? [],
      };
      if (editing === "new") {
        await adminApi.createCatalogue({
          ...body,
          categoryCode: values.categoryCode,
          regionCode: values.regionCode.trim() || null,
        });
      } else if (editing) await adminApi.updateCatalogue(editing.id, body);
      setEditing(null);
      rows.reload();
    });
  };

  const remove = (row: CatalogueRow) =>
    act(async () => {
      await adminApi.deleteCatalogue(row.id);
      rows.reload();
    }, t("admin.deleted"));

  return (
    <Card
      size="small"
      className="admin-card"
      title={t("admin.catalogue.title")}
      extra={
        <Space wrap>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t("admin.catalogue.filterCategory")}
            treeData={categories}
            value={category}
            onChange={setCategory}
            style={{ width: 260 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open("new")}>
            {t("admin.catalogue.add")}
          </Button>
        </Space>
      }
    >
      {rows.error && <Alert type="error" showIcon title={rows.error.message} />}
      <Table<CatalogueRow>
        size="small"
        rowKey="id"
        loading={rows.loading}
        dataSource={rows.data?.items ?? []}
        pagination={{ pageSize: 15, size: "small", showTotal: (count) => t("ops.list.total", { count }) }}
        columns={[
          {
            title: t("orders.field.category"),
            key: "category",
            render: (_, row) => (
              <span>
                <code>{row.categoryCode}</code> {row.categoryName}
              </span>
            ),
          },
          {
            title: t("admin.catalogue.region"),
            key: "region",
            width: 160,
            render: (_, row) =>
              row.regionName ??
              (row.regionCode ? row.regionCode : <Tag>{t("admin.catalogue.districtWide")}</Tag>),
          },
          {
            title: t("admin.catalogue.level"),
            dataIndex: "handlingLevel",
            width: 90,
            render: (level: string) => <Tag color="blue">{label(t, `level.${level}`, level)}</Tag>,
          },
          {
            title: t("orders.field.unit"),
            key: "unit",
            width: 180,
            render: (_, row) => row.unit?.name ?? "—",
          },
          {
            title: t("orders.field.assisting"),
            key: "assisting",
            render: (_, row) => row.assistingUnits.map((u) => u.name).join("、") || "—",
          },
          {
            key: "ops",
            width: 120,
            render: (_, row) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => open(row)}>
                  {t("admin.edit")}
                </Button>
                <Popconfirm title={t("admin.confirmDelete")} onConfirm={() => remove(row)}>
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("admin.delete")}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FadeModal
        open={editing !== null}
        title={editing === "new" ? t("admin.catalogue.add") : t("admin.catalogue.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => save().catch(() => undefined)}
        confirmLoading={editor.saving}
        okText={t("admin.save")}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="categoryCode"
            label={t("orders.field.category")}
            rules={[{ required: true, message: t("admin.required") }]}
          >
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeData={categories}
              disabled={editing !== "new"}
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t("admin.catalogue.region")}
            extra={t("admin.catalogue.regionHint")}
            rules={[{ pattern: /^([0-9]{6,15})?$/, message: t("admin.catalogue.regionInvalid") }]}
          >
            <Input disabled={editing !== "new"} placeholder="610103001" />
          </Form.Item>
          <Form.Item name="handlingLevel" label={t("admin.catalogue.level")} rules={[{ required: true }]}>
            <Select
              options={HANDLING_LEVELS.map((level) => ({
                value: level,
                label: label(t, `level.${level}`, level),
              }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t("orders.field.unit")}>
            <Select allowClear showSearch={{ optionFilterProp: "label" }} options={unitOptions(units)} />
          </Form.Item>
          <Form.Item
            name="assistingUnitIds"
            label={t("orders.field.assisting")}
            dependencies={["unitId"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: number[]) =>
                  value?.includes(getFieldValue("unitId"))
                    ? Promise.reject(new Error(t("admin.catalogue.assistingNotMain")))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={unitOptions(units)}
            />
          </Form.Item>
        </Form>
        <ServerError error={editor.error} />
      </FadeModal>
    </Card>
  );
}
