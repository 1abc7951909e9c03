import { Alert, Button, Descriptions, Drawer, Input, List, Space, Timeline, Typography } from "antd";
import { useState } from "react";
import { jointApi, lines, NOTE_REQUIRED, type ProjectAction } from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { ProjectStateTag } from "../../components/joint/ProjectStateTag";
import { useAdminSave } from "../../hooks/useAdminSave";
import { useT } from "../../i18n/context";

/**
 * 共建项目: lead, members, deadline, the demands and 共性问题 it resolves, its 推进记录; the steps the
 * server offers (立项 → 推进 → 解决/搁置) as buttons, each with a note.
 */
export function ProjectDrawer(props: { id: number; onChanged: () => void; onClose: () => void }) {
  const t = useT();
  const project = useRequest((signal) => jointApi.project(props.id, signal), [props.id]);
  const [note, setNote] = useState("");
  const [orders, setOrders] = useState("");
  const { saving, error, save } = useAdminSave();
  const p = project.data;
  const changed = () => {
    project.reload();
    props.onChanged();
  };
  const take = (action: ProjectAction) =>
    save(async () => {
      await jointApi.step(props.id, { action, note });
      setNote("");
      changed();
    });

  return (
    <Drawer
      open
      width={640}
      title={p?.title}
      onClose={props.onClose}
      data-testid="joint-project"
      data-state={p?.state}
    >
      {project.error && <LoadErrorAlert error={project.error} onRetry={project.reload} />}
      {p && (
        <Space orientation="vertical" size={12} className="joint-panel">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t("ops.field.state")}>
              <ProjectStateTag state={p.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t("joint.project.council")}>{p.councilName}</Descriptions.Item>
            <Descriptions.Item label={t("joint.project.owner")}>{p.owner}</Descriptions.Item>
            <Descriptions.Item label={t("joint.project.dueOn")}>{p.dueOn ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("joint.project.setOn")}>{p.setOn}</Descriptions.Item>
            <Descriptions.Item label={t("joint.project.closedOn")}>{p.closedOn ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("joint.project.members")} span={2}>
              {p.members.map((m) => m.name).join("、") || "—"}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t("joint.project.steps")}</Typography.Title>
          <Timeline
            className="joint-steps"
            items={p.steps.map((s) => ({
              key: s.id,
              content: (
                <span data-step={s.action}>
                  <b>{t(`joint.action.${s.action}`)}</b> · {s.onDate}
                  {s.byName ? ` · ${s.byName}` : ""}
                  {s.note && <div className="muted">{s.note}</div>}
                </span>
              ),
            }))}
          />
          {p.actions.length > 0 && (
            <Space orientation="vertical" className="joint-panel">
              <Input.TextArea
                rows={2}
                maxLength={2000}
                value={note}
                placeholder={t("joint.project.noteRequired")}
                onChange={(e) => setNote(e.target.value)}
                aria-label={t("joint.project.note")}
                data-testid="joint-step-note"
              />
              <Space wrap>
                {p.actions.map((action) => (
                  <Button
                    key={action}
                    type={action === "solve" ? "primary" : "default"}
                    loading={saving}
                    disabled={NOTE_REQUIRED.includes(action) && note.trim() === ""}
                    onClick={() => take(action)}
                    data-action={action}
                  >
                    {t(`joint.action.${action}`)}
                  </Button>
                ))}
              </Space>
            </Space>
          )}
          {error && <Alert type="error" showIcon title={error} />}
          <Typography.Title level={5}>{t("joint.project.orders")}</Typography.Title>
          <List
            size="small"
            dataSource={p.orders}
            renderItem={(o) => (
              <List.Item>
                {o.orderNo} · {o.title}
              </List.Item>
            )}
          />
          {p.actions.length > 0 && (
            <Space.Compact>
              <Input
                value={orders}
                placeholder={t("joint.project.orderIds")}
                onChange={(e) => setOrders(e.target.value)}
              />
              <Button
                onClick={() =>
                  save(async () => {
                    await jointApi.link(props.id, { orderIds: lines(orders.replace(/[,，\s]+/g, "\n")) });
                    setOrders("");
                    changed();
                  })
                }
              >
                {t("joint.project.link")}
              </Button>
            </Space.Compact>
          )}
          {p.warnings.length > 0 && (
            <>
              <Typography.Title level={5}>{t("joint.project.warnings")}</Typography.Title>
              <List
                size="small"
                dataSource={p.warnings}
                renderItem={(w) => <List.Item>{w.title}</List.Item>}
              />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
