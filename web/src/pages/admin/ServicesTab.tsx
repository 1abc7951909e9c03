import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { FadeModal } from "../../components/FadeModal";
import { fieldOfError } from "../../components/fieldError";
import { ServerError } from "../../components/ServerError";
import { type Service, type ServiceInput, servicesApi } from "../../components/services/api";
import { serviceName } from "../../components/services/labels";
import { validValues } from "../../components/validValues";
import { messageOf, useAdminSave, useRowAction } from "../../hooks/useAdminSave";
import { useI18n } from "../../i18n/context";
import { ServiceForm } from "./ServiceForm";
import { useCommunityTree } from "./useCommunityTree";

const BLANK: ServiceInput = {
  code: "",
  name: "",
  nameEn: "",
  description: "",
  fields: [],
  materials: [],
  reviewLevels: ["community"],
  timeLimitDays: 5,
  resultKind: "approval",
  active: true,
  regions: [],
};

const inputOf = ({ id: _, ...input }: Service): ServiceInput => input;

/** 社区服务: the 智慧云社区 catalogue, each service configured here without code (services.manage). */
export function ServicesTab() {
  const { t, locale } = useI18n();
  const list = useRequest((signal) => servicesApi.all(signal), []);
  const { names } = useCommunityTree();
  const [editing, setEditing] = useState<Service | "new" | null>(null);
  // A refusal shown at its field is not repeated above the buttons.
  const [atField, setAtField] = useState(false);
  const [form] = Form.useForm<ServiceInput>();
  const editor = useAdminSave();
  const act = useRowAction();

  const open = (service: Service | "new") => {
    setEditing(service);
    setAtField(false);
    editor.clearError();
    form.resetFields();
    form.setFieldsValue(service === "new" ? BLANK : inputOf(service));
  };

  const save = async () => {
    if (!(await validValues(form))) return;
    // The whole store: keys and limits of fields the form does not show travel back unchanged.
    const values = form.getFieldsValue(true) as ServiceInput;
    const body: ServiceInput = {
      ...values,
      name: values.name.trim(),
      nameEn: values.nameEn.trim(),
      fields: values.fields.map((f) => (f.type === "choice" ? f : { ...f, options: undefined })),
    };
    setAtField(false);
    await editor.save(async () => {
      try {
        if (editing === "new") await servicesApi.create(body);
        else if (editing) await servicesApi.update(editing.id, body);
      } catch (failure) {
        const field = fieldOfError(failure, ["regions", "reviewLevels", "options"]);
        if (field) {
          form.setFields([{ name: field as never, errors: [messageOf(failure)] }]);
          form.scrollToField(field, { block: "center" });
          setAtField(true);
        }
        throw failure;
      }
      setEditing(null);
      list.reload();
    });
  };

  const toggle = (service: Service, active: boolean) =>
    act(async () => {
      await servicesApi.update(service.id, { ...inputOf(service), active });
      list.reload();
    }, t("admin.saved"));

  const communities = (codes: string[]) => {
    const shown = codes.slice(0, 2).map((code) => names.get(code) ?? code);
    return codes.length > 2
      ? t("serviceAdmin.communitiesMore", { names: shown.join("、"), count: codes.length })
      : shown.join("、") || "—";
  };

  return (
    <Card
      size="small"
      className="admin-card"
      title={t("services.admin.tab")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open("new")}>
          {t("services.admin.new")}
        </Button>
      }
    >
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<Service>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15, size: "small" }}
        scroll={{ x: "max-content" }}
        data-testid="service-admin-table"
        columns={[
          {
            title: t("services.admin.name"),
            key: "name",
            render: (_, s) => (
              <span>
                {serviceName(s, locale)} <code className="muted">{s.code}</code>
              </span>
            ),
          },
          { title: t("services.admin.regions"), key: "regions", render: (_, s) => communities(s.regions) },
          {
            title: t("services.admin.levels"),
            key: "levels",
            render: (_, s) =>
              t(`services.catalogue.levels.${s.reviewLevels.includes("street") ? "street" : "community"}`),
          },
          { title: t("services.admin.limit"), dataIndex: "timeLimitDays", width: 90 },
          {
            title: t("services.admin.result"),
            key: "result",
            render: (_, s) => <Tag>{t(`services.result.${s.resultKind}`)}</Tag>,
          },
          {
            title: t("services.admin.active"),
            key: "active",
            render: (_, s) => (
              <Switch
                size="small"
                checked={s.active}
                aria-label={t("services.admin.active")}
                onChange={(active) => toggle(s, active)}
              />
            ),
          },
          {
            key: "ops",
            render: (_, s) => (
              <Button size="small" type="link" onClick={() => open(s)}>
                {t("admin.edit")}
              </Button>
            ),
          },
        ]}
      />
      <FadeModal
        open={editing !== null}
        title={editing === "new" ? t("services.admin.new") : t("services.admin.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => save().catch(() => undefined)}
        confirmLoading={editor.saving}
        okText={t("admin.save")}
        width={760}
        forceRender
      >
        <ServiceForm form={form} />
        <ServerError error={atField ? null : editor.error} />
      </FadeModal>
    </Card>
  );
}
