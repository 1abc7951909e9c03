import { Empty, Table, Typography } from "antd";
import type { Project } from "../../api/joint";
import { useT } from "../../i18n/context";
import { ProjectStateTag } from "./ProjectStateTag";

/** Projects as a table; a row opens the project. Shared with the 解决清单. */
export function ProjectTable(props: {
  projects: readonly Project[];
  loading: boolean;
  /** Opens a project (a row click); without it rows are plain. */
  onOpen?: (id: number) => void;
  empty: string;
}) {
  const t = useT();
  return (
    <Table<Project>
      size="small"
      rowKey="id"
      loading={props.loading}
      dataSource={[...props.projects]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} /> }}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      onRow={(row) => ({ onClick: () => props.onOpen?.(row.id), "data-project-id": row.id })}
      columns={[
        {
          title: t("joint.project.title"),
          render: (_, p) => (
            <span>
              {props.onOpen ? <Typography.Link>{p.title}</Typography.Link> : p.title}
              <div className="muted">
                {p.councilName} · {p.owner}
              </div>
            </span>
          ),
        },
        { title: t("joint.project.setOn"), dataIndex: "setOn", width: 110, responsive: ["md"] },
        { title: t("joint.project.dueOn"), dataIndex: "dueOn", width: 110, responsive: ["md"] },
        { title: t("joint.project.closedOn"), dataIndex: "closedOn", width: 110, responsive: ["md"] },
        { title: t("ops.field.state"), width: 90, render: (_, p) => <ProjectStateTag state={p.state} /> },
      ]}
      data-testid="joint-projects"
    />
  );
}
