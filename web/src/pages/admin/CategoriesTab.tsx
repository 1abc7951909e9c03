import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Form, Input, Row, Skeleton, Switch, Tag, Tree } from "antd";
import type { DataNode } from "antd/es/tree";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { FadeModal } from "../../components/FadeModal";
import type { CategoryNode } from "../../components/orders";
import { ServerError } from "../../components/ServerError";
import { validValues } from "../../components/validValues";
import { messageOf, useAdminSave } from "../../hooks/useAdminSave";
import { useI18n } from "../../i18n/context";
import { adminApi } from "./api";
import { TimeLimitsCard } from "./TimeLimitsCard";

type Editing = { mode: "create"; parent: CategoryNode | null } | { mode: "rename"; node: CategoryNode };

function nextChildCode(parent: CategoryNode | null, roots: CategoryNode[]): string {
  const siblings = parent ? parent.children : roots;
  const prefix = parent?.code ?? "";
  const used = new Set(siblings.map((child) => Number(child.code.slice(prefix.length))));
  for (let n = 1; n < 100; n += 1) if (!used.has(n)) return `${prefix}${String(n).padStart(2, "0")}`;
  return `${prefix}99`;
}

/** 诉求分类: the 3-level tree (add, rename, retire) beside the time-limit rules. */
export function CategoriesTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const tree = useRequest((signal) => adminApi.categories(signal), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm();
  const editor = useAdminSave();
  const roots = tree.data?.items ?? [];

  const toggle = async (node: CategoryNode, active: boolean) => {
    try {
      await adminApi.updateCategory(node.code, { active });
      message.success(
        t(active ? "admin.categories.activated" : "admin.categories.retired", { name: node.name }),
      );
      tree.reload();
    } catch (failure) {
      message.error(messageOf(failure));
    }
  };

  const treeData = (() => {
    const toNode = (node: CategoryNode): DataNode => ({
      key: node.code,
      title: (
        <span
          className={`admin-category${node.active ? "" : " admin-category--inactive"}`}
          data-category={node.code}
        >
          <code>{node.code}</code>
          <span className="admin-category__name">
            {locale === "en-US" && node.nameEn ? node.nameEn : node.name}
          </span>
          {!node.active && <Tag>{t("admin.categories.inactive")}</Tag>}
          <span className="admin-category__actions">
            <Button
              size="small"
              type="link"
              onClick={(event) => {
                event.stopPropagation();
                open({ mode: "rename", node });
              }}
            >
              {t("admin.edit")}
            </Button>
            {node.level < 3 && (
              <Button
                size="small"
                type="link"
                onClick={(event) => {
                  event.stopPropagation();
                  open({ mode: "create", parent: node });
                }}
              >
                {t("admin.categories.addChild")}
              </Button>
            )}
            <Switch
              size="small"
              checked={node.active}
              aria-label={`${t("admin.active")} · ${node.name}`}
              onClick={(checked, event) => {
                event.stopPropagation();
                toggle(node, checked);
              }}
            />
          </span>
        </span>
      ),
      children: node.children.map(toNode),
    });
    return roots.map(toNode);
  })();

  // The modal keeps its form mounted (forceRender), so the values set here are there when it opens.
  const open = (next: Editing | null) => {
    setEditing(next);
    editor.clearError();
    if (!next) return;
    form.resetFields();
    if (next.mode === "rename")
      form.setFieldsValue({ code: next.node.code, name: next.node.name, nameEn: next.node.nameEn ?? "" });
    else form.setFieldsValue({ code: nextChildCode(next.parent, roots), name: "", nameEn: "" });
  };

  const save = async () => {
    if (!editing) return;
    const values = (await validValues(form)) as { code: string; name: string; nameEn?: string } | null;
    if (!values) return;
    await editor.save(async () => {
      const nameEn = values.nameEn?.trim() ? values.nameEn.trim() : null;
      if (editing.mode === "rename")
        await adminApi.updateCategory(editing.node.code, { name: values.name.trim(), nameEn });
      else
        await adminApi.createCategory({
          parentCode: editing.parent?.code ?? null,
          code: values.code,
          name: values.name.trim(),
          nameEn,
        });
      setEditing(null);
      tree.reload();
    });
  };

  const parentCode = editing?.mode === "create" ? (editing.parent?.code ?? "") : "";
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={11}>
        <Card
          size="small"
          title={t("admin.categories.title")}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => open({ mode: "create", parent: null })}
            >
              {t("admin.categories.addTop")}
            </Button>
          }
          className="admin-card admin-card--scroll"
        >
          {tree.loading && !tree.data && <Skeleton active paragraph={{ rows: 10 }} />}
          {tree.error && <Alert type="error" showIcon title={tree.error.message} />}
          {tree.data && (
            <Tree
              blockNode
              treeData={treeData}
              defaultExpandedKeys={roots.slice(0, 1).map((r) => r.code)}
              selectable={false}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        <TimeLimitsCard />
      </Col>
      <FadeModal
        open={editing !== null}
        title={editing?.mode === "rename" ? t("admin.categories.rename") : t("admin.categories.create")}
        onCancel={() => open(null)}
        onOk={() => save().catch(() => undefined)}
        confirmLoading={editor.saving}
        forceRender
        okText={t("admin.save")}
      >
        <Form form={form} layout="vertical" data-testid="category-form">
          <Form.Item
            name="code"
            label={t("admin.categories.code")}
            extra={
              editing?.mode === "create"
                ? t("admin.categories.codeHint", { parent: parentCode || "—" })
                : undefined
            }
            rules={[
              { required: true, message: t("admin.required") },
              {
                validator: (_, value: string) =>
                  !value || new RegExp(`^${parentCode}[0-9]{2}$`).test(value)
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(t("admin.categories.codeInvalid", { parent: parentCode || "—" })),
                      ),
              },
            ]}
          >
            <Input disabled={editing?.mode === "rename"} maxLength={6} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("admin.categories.name")}
            rules={[{ required: true, whitespace: true, message: t("admin.required") }, { max: 40 }]}
          >
            <Input maxLength={40} showCount />
          </Form.Item>
          <Form.Item name="nameEn" label={t("admin.categories.nameEn")} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
        <ServerError error={editor.error} />
      </FadeModal>
    </Row>
  );
}
