import { Card, Segmented } from "antd";
import { useState } from "react";
import { jointApi, PROJECT_STATES, type ProjectState } from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { ProjectTable } from "../../components/joint/ProjectTable";
import { useT } from "../../i18n/context";
import type { JointOpen } from "./open";

/** The jurisdiction's joint projects, newest first, by state. */
export function ProjectsTab(props: { version: number; open: JointOpen }) {
  const t = useT();
  const [state, setState] = useState<ProjectState | "all">("all");
  const projects = useRequest(
    (signal) => jointApi.projects({ state: state === "all" ? undefined : state }, signal),
    [state, props.version],
  );
  return (
    <Card size="small">
      <Segmented
        value={state}
        onChange={(value) => setState(value as ProjectState | "all")}
        options={[
          { value: "all", label: t("joint.project.filter.all") },
          ...PROJECT_STATES.map((s) => ({ value: s, label: t(`joint.state.${s}`) })),
        ]}
      />
      {projects.error && <LoadErrorAlert error={projects.error} onRetry={projects.reload} />}
      <ProjectTable
        projects={projects.data?.items ?? []}
        loading={projects.loading}
        onOpen={props.open.project}
        empty={t("joint.project.empty")}
      />
    </Card>
  );
}
