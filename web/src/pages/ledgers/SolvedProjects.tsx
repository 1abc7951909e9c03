import { Card } from "antd";
import { jointApi } from "../../api/joint";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { ProjectTable } from "../../components/joint/ProjectTable";
import { useT } from "../../i18n/context";

/**
 * The 解决清单's second part: the joint projects (联建共建) solved in the period, beside the demands
 * solved — the source counts both as 解决实际问题.
 */
export function SolvedProjects({ period }: { period: string }) {
  const t = useT();
  const projects = useRequest(
    (signal) => jointApi.projects({ state: "solved", closedIn: period }, signal),
    [period],
  );
  return (
    <Card
      size="small"
      title={t("joint.solvedList.title")}
      className="ledgers-projects"
      data-testid="ledger-solved-projects"
    >
      {projects.error && <LoadErrorAlert error={projects.error} onRetry={projects.reload} />}
      <ProjectTable
        projects={projects.data?.items ?? []}
        loading={projects.loading}
        empty={t("joint.solvedList.empty")}
      />
    </Card>
  );
}
