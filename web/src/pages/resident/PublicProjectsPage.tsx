import { ArrowLeftOutlined, CheckCircleFilled, ClockCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Image, List, Progress, Skeleton, Tag, Typography } from "antd";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { usePlainT as useT } from "../../components/elderly";
import { formatTime } from "../../components/orders";
import { type PublicProject, publicApi } from "../../components/services/publicApi";
import { PublicLayout } from "./PublicLayout";
import { PublicNav } from "./PublicNav";
import "./resident.css";

function ProjectDetail({ project }: { project: PublicProject }) {
  const t = useT();
  return (
    <>
      <Card size="small" className="resident-card" data-testid="public-project">
        <Tag color="blue">{t(`public.area.${project.area}`)}</Tag>
        <Typography.Title level={4}>{project.title}</Typography.Title>
        <Typography.Paragraph>
          <strong>{t("public.projects.goal")}：</strong>
          {project.goal}
        </Typography.Paragraph>
        <Typography.Paragraph>
          <strong>{t("public.projects.owner")}：</strong>
          {project.owner}
        </Typography.Paragraph>
        <Progress percent={project.progress} aria-label={t("public.projects.progress")} />
        <div className="muted resident-card__hint">
          {t("public.projects.published", { time: formatTime(project.publishedAt) })}
        </div>
      </Card>
      <Card size="small" title={t("public.projects.milestones")} className="resident-card">
        <List
          size="small"
          dataSource={project.milestones}
          renderItem={(m) => (
            <List.Item>
              {m.done ? <CheckCircleFilled style={{ color: "#389e0d" }} /> : <ClockCircleOutlined />}{" "}
              {m.title}
              <span className="muted">{m.due}</span>
            </List.Item>
          )}
        />
      </Card>
      {project.photoIds.length > 0 && (
        <Card size="small" title={t("public.projects.photos")} className="resident-card">
          <Image.PreviewGroup>
            {project.photoIds.map((id) => (
              <Image key={id} width={96} src={publicApi.photoUrl(id)} alt={project.title} />
            ))}
          </Image.PreviewGroup>
        </Card>
      )}
      <Card size="small" title={t("public.projects.history")} className="resident-card">
        <List
          size="small"
          dataSource={project.history}
          renderItem={(h) => (
            <List.Item>
              {t("public.projects.version", {
                version: h.version,
                time: formatTime(h.publishedAt),
                progress: h.progress,
              })}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

/** 碑林发布 重点项目, no sign-in: the published key projects, and one with its milestones and history. */
export default function PublicProjectsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const list = useRequest((signal) => publicApi.projects(signal), []);
  const project = id ? list.data?.items.find((p) => String(p.id) === id) : undefined;
  return (
    <PublicLayout>
      <div className="resident-page" data-testid="public-projects">
        <PublicNav />
        {id ? (
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate("/public/projects")}
            className="resident-back"
          >
            {t("public.projects.back")}
          </Button>
        ) : (
          <>
            <Typography.Title level={4} className="resident-page__title">
              {t("public.projects.title")}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t("public.projects.hint")}</Typography.Paragraph>
          </>
        )}
        {list.loading && <Skeleton active paragraph={{ rows: 6 }} />}
        {list.error && <Alert type="error" showIcon title={list.error.message} />}
        {id && project && <ProjectDetail project={project} />}
        {id && list.data && !project && <Empty description={t("public.projects.empty")} />}
        {!id && list.data?.items.length === 0 && <Empty description={t("public.projects.empty")} />}
        {!id &&
          list.data?.items.map((p) => (
            <Card key={p.id} size="small" className="resident-card" data-testid="public-project-card">
              <Link to={`/public/projects/${p.id}`}>
                <Typography.Text strong>{p.title}</Typography.Text>
              </Link>
              <div className="resident-card__row">
                <Tag color="blue">{t(`public.area.${p.area}`)}</Tag>
                <span className="muted">{p.owner}</span>
              </div>
              <Progress
                percent={p.progress}
                size="small"
                aria-label={`${p.title} ${t("public.projects.progress")}`}
              />
            </Card>
          ))}
      </div>
    </PublicLayout>
  );
}
