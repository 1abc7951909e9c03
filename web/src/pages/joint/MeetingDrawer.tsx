import { Button, Descriptions, Drawer, Empty, List, Space, Typography } from "antd";
import { useState } from "react";
import { jointApi } from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { ProjectStateTag } from "../../components/joint/ProjectStateTag";
import { useT } from "../../i18n/context";
import type { JointOpen } from "./open";
import { ProjectForm } from "./ProjectForm";

/** 议事协商会议: date, topic, attendees, minutes and decisions; a decision not yet a project can be set as one. */
export function MeetingDrawer(props: {
  id: number;
  open: JointOpen;
  version: number;
  onChanged: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const meeting = useRequest((signal) => jointApi.meeting(props.id, signal), [props.id, props.version]);
  const [deciding, setDeciding] = useState<{ id: number; text: string } | null>(null);
  const m = meeting.data;
  return (
    <Drawer open width={640} title={m?.topic} onClose={props.onClose} data-testid="joint-meeting">
      {meeting.error && <LoadErrorAlert error={meeting.error} onRetry={meeting.reload} />}
      {m && (
        <Space orientation="vertical" size={12} className="joint-panel">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t("joint.project.council")}>{m.councilName}</Descriptions.Item>
            <Descriptions.Item label={t("joint.meeting.heldOn")}>{m.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t("joint.meeting.attendees")}>
              {m.attendees.join("、") || "—"}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t("joint.meeting.minutes")}</Typography.Title>
          <Typography.Paragraph className="muted">{m.minutes || "—"}</Typography.Paragraph>
          <Typography.Title level={5}>{t("joint.meeting.decisions")}</Typography.Title>
          {m.decisions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("joint.meeting.noDecisions")} />
          ) : (
            <List
              size="small"
              dataSource={m.decisions}
              renderItem={(d) => (
                <List.Item data-decision-id={d.id}>
                  <span>{d.text}</span>
                  {d.projectId !== null && d.projectState !== null ? (
                    <Space>
                      <Typography.Link onClick={() => props.open.project(d.projectId as number)}>
                        {t("joint.decision.project", { id: d.projectId })}
                      </Typography.Link>
                      <ProjectStateTag state={d.projectState} />
                    </Space>
                  ) : (
                    m.canManage && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setDeciding(d)}
                        data-testid="joint-set-project"
                      >
                        {t("joint.decision.setProject")}
                      </Button>
                    )
                  )}
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
      {deciding && m && (
        <ProjectForm
          councilId={m.councilId}
          decision={deciding}
          onClose={() => setDeciding(null)}
          onSaved={(projectId) => {
            setDeciding(null);
            props.onChanged();
            props.open.project(projectId);
          }}
        />
      )}
    </Drawer>
  );
}
