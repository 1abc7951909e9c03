import { Alert, List, Skeleton, Tag, Typography } from "antd";
import { useRequest } from "../../api/useRequest";
import { FadeModal } from "../../components/FadeModal";
import { formatTime } from "../../components/orders";
import { type Translate, useT } from "../../i18n/context";
import { type EditorItem, type KeyProject, type ProjectPart, publishingApi } from "./api";

/** A part of a key project in a line: text as it is, milestones and photos counted. */
function shown(t: Translate, project: KeyProject, part: ProjectPart): string {
  switch (part) {
    case "progress":
      return `${project.progress}%`;
    case "area":
      return t(`public.area.${project.area}`);
    case "milestones":
      return t("publishing.history.milestones", {
        done: project.milestones.filter((m) => m.done).length,
        count: project.milestones.length,
      });
    case "photoIds":
      return t("publishing.history.photos", { count: project.photoIds.length });
    default:
      return project[part];
  }
}

/** Every version of an item, newest first: when it became public, by whom, and what it changed. */
export function HistoryModal({ item, onClose }: { item: EditorItem; onClose: () => void }) {
  const t = useT();
  const versions = useRequest((signal) => publishingApi.versions(item.id, signal), [item.id]);
  const items = versions.data?.items ?? [];
  return (
    <FadeModal
      open
      title={t("publishing.history.title", { title: item.draft.title })}
      footer={null}
      onCancel={onClose}
      width={720}
    >
      {versions.error && <Alert type="error" showIcon title={versions.error.message} />}
      {versions.loading && !versions.data ? (
        <Skeleton active />
      ) : (
        <List
          data-testid="publication-history"
          locale={{ emptyText: t("publishing.history.empty") }}
          dataSource={items}
          renderItem={(version, index) => {
            const before = items[index + 1]?.content;
            return (
              <List.Item data-testid="publication-version">
                <div className="publishing-history__version">
                  <Typography.Text strong>
                    {t("publishing.history.version", { version: version.version })}
                  </Typography.Text>{" "}
                  {version.version === item.publicVersion && (
                    <Tag color="green">{t("publishing.history.public")}</Tag>
                  )}
                  <div className="muted">
                    {t("publishing.history.when", {
                      time: formatTime(version.visibleFrom),
                      by: version.publishedBy ?? "—",
                    })}
                  </div>
                  {before ? (
                    version.changed.length === 0 ? (
                      <div className="muted">{t("publishing.history.unchanged")}</div>
                    ) : (
                      <ul className="publishing-history__changes">
                        {version.changed.map((part) => (
                          <li key={part}>
                            <Tag>{t(`publishing.part.${part}`)}</Tag>
                            <span className="publishing-history__before">{shown(t, before, part)}</span>
                            {" → "}
                            <span>{shown(t, version.content, part)}</span>
                          </li>
                        ))}
                      </ul>
                    )
                  ) : (
                    <div className="muted">
                      {t("publishing.history.first", { progress: version.content.progress })}
                    </div>
                  )}
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </FadeModal>
  );
}
