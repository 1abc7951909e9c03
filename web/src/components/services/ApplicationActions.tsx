import { Alert, App, Button, Card, Form, Input, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/context";
import { type ApplicationAction, type ApplicationDetail, type StepRequest, servicesApi } from "./api";
import { encodeMaterials, type MaterialFiles, MaterialPicker } from "./MaterialPicker";

/** Whether an approval now closes the application (the last review level) and so needs the result. */
function approvalIsFinal(application: ApplicationDetail): boolean {
  const levels = (application.definition as { reviewLevels?: string[] }).reviewLevels ?? ["community"];
  return levels.at(-1) === application.level;
}

/** The applicant's steps: add the material asked for (补正), or withdraw. */
function ApplicantActions({ application, onDone }: { application: ApplicationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<MaterialFiles>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asked = [...application.steps].reverse().find((s) => s.action === "request_more");

  async function send(body: StepRequest) {
    setBusy(true);
    setError(null);
    try {
      await servicesApi.step(application.id, body);
      onDone();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" className="resident-card" data-testid="applicant-actions">
      {application.actions.includes("supplement") && (
        <Form layout="vertical">
          {asked?.note && (
            <Alert
              type="warning"
              showIcon
              title={t("services.detail.supplementAsked", { note: asked.note })}
            />
          )}
          <MaterialPicker
            materials={application.definition.materials}
            value={files}
            onChange={setFiles}
            requireAll={false}
          />
          <Button
            type="primary"
            block
            size="large"
            loading={busy}
            onClick={async () => send({ action: "supplement", files: await encodeMaterials(files) })}
            data-testid="supplement-send"
          >
            {t("services.detail.supplementSend")}
          </Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} className="resident-card__alert" />}
      {application.actions.includes("withdraw") && (
        <Popconfirm
          title={t("services.detail.withdrawConfirm")}
          onConfirm={() => send({ action: "withdraw" })}
        >
          <Button danger type="link" data-testid="withdraw">
            {t("services.step.withdraw")}
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}

/** The reviewer's steps, from the server's list: approve (with the result when final), ask for more, refuse. */
function ReviewerActions({ application, onDone }: { application: ApplicationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    note?: string;
    documentNo?: string;
    appointmentAt?: string;
    place?: string;
  }>();
  const [files, setFiles] = useState<MaterialFiles>({});
  const [busy, setBusy] = useState<ApplicationAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const final = approvalIsFinal(application);
  const kind = application.definition.resultKind;

  async function take(action: ApplicationAction) {
    const values = form.getFieldsValue();
    setBusy(action);
    setError(null);
    try {
      const resultFiles = action === "approve" && final ? await encodeMaterials(files) : [];
      await servicesApi.step(application.id, {
        action,
        note: values.note ?? "",
        files: resultFiles.map((f) => ({ ...f, material: "result" })),
        result:
          action === "approve" && final
            ? {
                note: values.note,
                documentNo: values.documentNo,
                place: values.place,
                appointmentAt: values.appointmentAt
                  ? new Date(values.appointmentAt).toISOString()
                  : undefined,
              }
            : {},
      });
      message.success(t("services.review.done"));
      form.resetFields();
      onDone();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card size="small" className="resident-card" data-testid="reviewer-actions">
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t("services.review.note")}>
          <Input.TextArea rows={2} maxLength={500} data-testid="review-note" />
        </Form.Item>
        {final && kind === "document" && (
          <Form.Item name="documentNo" label={t("services.detail.documentNo")}>
            <Input maxLength={60} data-testid="result-document" />
          </Form.Item>
        )}
        {final && kind === "appointment" && (
          <>
            <Form.Item name="appointmentAt" label={t("services.detail.appointmentAt")}>
              <Input type="datetime-local" data-testid="result-appointment" />
            </Form.Item>
            <Form.Item name="place" label={t("services.detail.place")}>
              <Input maxLength={120} data-testid="result-place" />
            </Form.Item>
          </>
        )}
        {final && (
          <MaterialPicker
            materials={[
              {
                key: "result",
                label: t("services.review.resultFile"),
                labelEn: t("services.review.resultFile"),
                required: false,
                pdf: true,
              },
            ]}
            value={files}
            onChange={setFiles}
            requireAll={false}
          />
        )}
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          className="resident-card__alert"
          data-testid="review-error"
        />
      )}
      <Space wrap>
        {application.actions.map((action) => (
          <Button
            key={action}
            type={action === "approve" ? "primary" : "default"}
            danger={action === "refuse"}
            loading={busy === action}
            onClick={() => take(action)}
            data-testid={`review-${action}`}
          >
            {action === "approve" && final ? t("services.review.approveFinal") : t(`services.step.${action}`)}
          </Button>
        ))}
      </Space>
    </Card>
  );
}

/** The buttons the server says the caller may press now, for either party. */
export function ApplicationActions({
  application,
  party,
  onDone,
}: {
  application: ApplicationDetail;
  party: "applicant" | "reviewer";
  onDone: () => void;
}) {
  if (application.actions.length === 0) return null;
  return party === "applicant" ? (
    <ApplicantActions application={application} onDone={onDone} />
  ) : (
    <ReviewerActions application={application} onDone={onDone} />
  );
}
