import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Progress, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { formatTime } from "../../components/orders";
import { ServerError } from "../../components/ServerError";
import { validValues } from "../../components/validValues";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";
import { PublishModal, RetractModal } from "./ActionModals";
import { type EditorItem, type KeyProject, type PublicationStatus, publishingApi } from "./api";
import { HistoryModal } from "./HistoryModal";
import { ProjectForm } from "./ProjectForm";
import "../../ops.css";
import "./publishing.css";
import { FadeModal } from "../../components/FadeModal";

const STATUS_COLOURS: Record<PublicationStatus, string> = {
  draft: "default",
  scheduled: "processing",
  published: "success",
  retracted: "error",
};

const BLANK: KeyProject = {
  title: "",
  area: "employment",
  goal: "",
  owner: "",
  milestones: [],
  progress: 0,
  photoIds: [],
};

type Dialog =
  | { kind: "edit"; item: EditorItem | null }
  | { kind: "publish" | "retract" | "history"; item: EditorItem }
  | null;

/** When a scheduled version becomes public: the latest version still to come. */
const scheduledAt = (item: EditorItem) =>
  item.versions.filter((v) => new Date(v.visibleFrom) > new Date()).at(-1)?.visibleFrom;

/**
 * 碑林发布 for its editors (publications.manage): the key projects with where each stands and the
 * version the public sees; drafts are edited here, then published now or at a set time, or retracted.
 */
export default function PublishingPage() {
  const t = useT();
  const list = useRequest((signal) => publishingApi.list(signal), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<KeyProject>();
  const editor = useAdminSave();
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    list.reload();
  };

  const edit = (item: EditorItem | null) => {
    editor.clearError();
    form.resetFields();
    form.setFieldsValue(item ? item.draft : BLANK);
    setDialog({ kind: "edit", item });
  };

  const save = async () => {
    if (!(await validValues(form))) return;
    const values = form.getFieldsValue(true) as KeyProject;
    const body: KeyProject = {
      ...values,
      title: values.title.trim(),
      owner: values.owner.trim(),
      goal: values.goal.trim(),
    };
    const item = dialog?.kind === "edit" ? dialog.item : null;
    await editor.save(async () => {
      if (item) await publishingApi.update(item.id, body);
      else await publishingApi.create(body);
      done();
    });
  };

  const editing = dialog?.kind === "edit" ? dialog : null;
  return (
    <div className="page" data-testid="publishing-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("publishing.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("publishing.subtitle")}</Typography.Text>
        </div>
        <Space wrap>
          <Link to="/public/projects" target="_blank">
            {t("publishing.publicPage")}
          </Link>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)}>
            {t("publishing.new")}
          </Button>
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Card size="small" className="publishing-card">
        <Table<EditorItem>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, size: "small" }}
          scroll={{ x: "max-content" }}
          data-testid="publications-table"
          columns={[
            {
              title: t("publishing.field.title"),
              key: "title",
              render: (_, item) => (
                <div className="publishing-title">
                  <Tag color="blue">{t(`public.area.${item.draft.area}`)}</Tag>
                  {item.draft.title}
                </div>
              ),
            },
            {
              title: t("publishing.column.status"),
              key: "status",
              render: (_, item) => (
                <div>
                  <Tag color={STATUS_COLOURS[item.status]} data-testid="publication-status">
                    {t(`publishing.status.${item.status}`)}
                  </Tag>
                  {scheduledAt(item) && (
                    <div className="muted">
                      {t("publishing.scheduledFor", { time: formatTime(scheduledAt(item) ?? "") })}
                    </div>
                  )}
                  {item.status === "retracted" && item.retractedReason && (
                    <div className="muted publishing-reason">{item.retractedReason}</div>
                  )}
                </div>
              ),
            },
            {
              title: t("publishing.column.public"),
              key: "public",
              render: (_, item) =>
                item.publicVersion === null
                  ? "—"
                  : t("publishing.history.version", { version: item.publicVersion }),
            },
            {
              title: t("publishing.column.draftProgress"),
              key: "progress",
              width: 140,
              render: (_, item) => (
                <Progress
                  percent={item.draft.progress}
                  size="small"
                  aria-label={`${t("publishing.column.draftProgress")} · ${item.draft.title}`}
                />
              ),
            },
            {
              title: t("publishing.column.updated"),
              key: "updated",
              render: (_, item) => formatTime(item.updatedAt),
            },
            {
              key: "ops",
              render: (_, item) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => edit(item)}>
                    {t("admin.edit")}
                  </Button>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: "publish", item })}>
                    {t("publishing.publish.action")}
                  </Button>
                  {(item.status === "published" || item.status === "scheduled") && (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => setDialog({ kind: "retract", item })}
                    >
                      {t("publishing.retract.action")}
                    </Button>
                  )}
                  <Button
                    size="small"
                    type="link"
                    disabled={item.versions.length === 0}
                    onClick={() => setDialog({ kind: "history", item })}
                  >
                    {t("publishing.history.action")}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <FadeModal
        open={editing !== null}
        title={
          editing?.item ? t("publishing.edit", { title: editing.item.draft.title }) : t("publishing.new")
        }
        onCancel={close}
        onOk={() => save().catch(() => undefined)}
        confirmLoading={editor.saving}
        okText={t("publishing.saveDraft")}
        width={720}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t("publishing.draftHint")}</Typography.Paragraph>
        <ProjectForm form={form} itemId={editing?.item?.id ?? null} />
        <ServerError error={editor.error} />
      </FadeModal>
      {dialog?.kind === "publish" && <PublishModal item={dialog.item} onDone={done} onClose={close} />}
      {dialog?.kind === "retract" && <RetractModal item={dialog.item} onDone={done} onClose={close} />}
      {dialog?.kind === "history" && <HistoryModal item={dialog.item} onClose={close} />}
    </div>
  );
}
