import { ArrowLeftOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Skeleton, Tag, Timeline, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { useI18n } from "../../i18n/context";
import { formatTime } from "../orders";
import { ApplicationActions } from "./ApplicationActions";
import { type ApplicationDetail, servicesApi } from "./api";
import { STATE_COLOURS, serviceName } from "./labels";
import { materialLabel } from "./MaterialPicker";
import "./services.css";

function ResultCard({ application }: { application: ApplicationDetail }) {
  const { t } = useI18n();
  const result = application.result;
  if (!result) return null;
  return (
    <Card
      size="small"
      title={t("services.detail.result")}
      className="resident-card"
      data-testid="application-result"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("services.admin.result")}>
          {t(`services.result.${result.kind}`)}
        </Descriptions.Item>
        {result.documentNo && (
          <Descriptions.Item label={t("services.detail.documentNo")}>{result.documentNo}</Descriptions.Item>
        )}
        {result.appointmentAt && (
          <Descriptions.Item label={t("services.detail.appointmentAt")}>
            {formatTime(result.appointmentAt)}
          </Descriptions.Item>
        )}
        {result.place && (
          <Descriptions.Item label={t("services.detail.place")}>{result.place}</Descriptions.Item>
        )}
        {result.note && (
          <Descriptions.Item label={t("services.detail.note")}>{result.note}</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/**
 * One application, for its applicant (/resident/applications/:id) and its reviewers
 * (/services/applications/:id): where it stands, each step, the answers and materials, the result,
 * and the buttons the server offers the caller.
 */
export function ApplicationView({ id, party }: { id: string; party: "applicant" | "reviewer" }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const detail = useRequest((signal) => servicesApi.application(id, signal), [id]);
  const application = detail.data;
  const back = party === "applicant" ? "/resident/applications" : "/services";

  return (
    <div className="resident-page service-application" data-testid="application-page">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(back)}
        className="resident-back"
      >
        {t(party === "applicant" ? "services.menu.mine" : "services.menu.review")}
      </Button>
      {detail.loading && !application && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail.error && <Alert type="error" showIcon title={detail.error.message} />}
      {application && (
        <>
          <Card size="small" className="resident-card">
            <Typography.Title level={5}>{serviceName(application, locale)}</Typography.Title>
            <Tag
              color={STATE_COLOURS[application.state]}
              data-testid="application-state"
              data-state={application.state}
            >
              {t(`services.state.${application.state}`)}
            </Tag>
            {application.overdue && <Tag color="red">{t("services.detail.overdue")}</Tag>}
            {!application.closedAt && (
              <div className="muted resident-card__hint">
                {t("services.detail.due", { time: formatTime(application.dueAt) })}
              </div>
            )}
            {party === "reviewer" && (
              <div className="resident-card__hint">
                {t("services.detail.applicant")}：{application.applicantName} ·{" "}
                {t("services.detail.community")}：{application.communityName}
              </div>
            )}
          </Card>
          <ResultCard application={application} />
          <ApplicationActions application={application} party={party} onDone={detail.reload} />
          <Card size="small" title={t("services.detail.progress")} className="resident-card">
            <Timeline
              items={application.steps.map((step) => ({
                color: step.action === "refuse" ? "red" : step.action === "request_more" ? "orange" : "blue",
                children: (
                  <div data-testid="application-step" data-action={step.action}>
                    <strong>{t(`services.step.${step.action}`)}</strong> · {formatTime(step.at)}
                    {step.actorRole !== "resident" && step.actorName ? ` · ${step.actorName}` : ""}
                    {step.note && <div>{step.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={t("services.detail.answers")} className="resident-card">
            <Descriptions size="small" column={1}>
              {application.definition.fields.map((field) => (
                <Descriptions.Item key={field.key} label={locale === "en-US" ? field.labelEn : field.label}>
                  {String(application.answers[field.key] ?? "—")}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          {application.files.length > 0 && (
            <Card size="small" title={t("services.detail.files")} className="resident-card">
              {application.files.map((file) => {
                const material = application.definition.materials.find((m) => m.key === file.material);
                const label = material ? materialLabel(material, locale) : t("services.detail.result");
                const url = servicesApi.fileUrl(application.id, file.id);
                return (
                  <div key={file.id} className="service-file" data-testid="application-file">
                    {file.mime.startsWith("image/") ? (
                      <img src={url} alt={`${label} ${file.fileName}`} className="service-file__thumb" />
                    ) : (
                      <PaperClipOutlined />
                    )}
                    <a href={url} target="_blank" rel="noreferrer">
                      {label} · {file.fileName}
                    </a>
                  </div>
                );
              })}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
