import { Tabs, Typography } from "antd";
import { useState } from "react";
import { useMe } from "../../auth/context";
import { useT } from "../../i18n/context";
import { CouncilDrawer } from "./CouncilDrawer";
import { CouncilsTab } from "./CouncilsTab";
import { MeetingDrawer } from "./MeetingDrawer";
import type { JointOpen } from "./open";
import { ProjectDrawer } from "./ProjectDrawer";
import { ProjectsTab } from "./ProjectsTab";
import { TotalsTab } from "./TotalsTab";
import "../../ops.css";
import "./joint.css";

/**
 * 联建共建 of the caller's jurisdiction: councils and alliances with their members, lists and
 * meetings; joint projects tracked to solved; the counts per street and community.
 */
export default function JointPage() {
  const t = useT();
  const me = useMe();
  const [tab, setTab] = useState("councils");
  const [councilId, setCouncilId] = useState<number | null>(null);
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [projectId, setProjectId] = useState<number | null>(null);
  // Any change inside a drawer refreshes the lists and counts behind it.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const open: JointOpen = { council: setCouncilId, meeting: setMeetingId, project: setProjectId };

  return (
    <div className="ops-page" data-testid="joint-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("joint.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("joint.subtitle")}</Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: "councils",
            label: t("joint.tab.councils"),
            children: (
              <CouncilsTab
                version={version}
                open={open}
                mayManage={me.permissions.includes("joint.manage")}
              />
            ),
          },
          {
            key: "projects",
            label: t("joint.tab.projects"),
            children: <ProjectsTab version={version} open={open} />,
          },
          { key: "totals", label: t("joint.tab.totals"), children: <TotalsTab version={version} /> },
        ]}
      />
      {councilId !== null && (
        <CouncilDrawer
          id={councilId}
          open={open}
          version={version}
          onChanged={changed}
          onClose={() => setCouncilId(null)}
        />
      )}
      {meetingId !== null && (
        <MeetingDrawer
          id={meetingId}
          open={open}
          version={version}
          onChanged={changed}
          onClose={() => setMeetingId(null)}
        />
      )}
      {projectId !== null && (
        <ProjectDrawer id={projectId} onChanged={changed} onClose={() => setProjectId(null)} />
      )}
    </div>
  );
}
