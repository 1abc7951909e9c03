import { CheckCircleFilled, CloudUploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Result,
  Segmented,
  Switch,
  Typography,
  type UploadFile,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { useMe } from "../../auth/context";
import { type PickedPoint, PointPicker } from "../../components/map";
import type { Located } from "../../components/orders";
import { type Disposition, OrderStateTag, type SubmittedOrder } from "../../components/orders";
import {
  ClassifiedChoiceFields,
  contentRules,
  encodePhoto,
  filesOf,
  PhotoPicker,
  useClassifiedChoice,
} from "../../components/orders/intake";
import { useT } from "../../i18n/context";
import { OutboxPanel, useOfflineShell, useQueuedSubmission } from "../../offline";
import { OnSpotCard } from "./OnSpotCard";
import { useMyGrid } from "./useMyGrid";
import "./grid.css";

type Kind = "patrol" | "visit";

interface ReportValues {
  content: string;
  address?: string;
  patrolNote?: string;
  household?: string;
  visitedOn?: Dayjs;
  callerName?: string;
  callerPhone?: string;
  disposition?: Disposition;
  text?: string;
}

/**
 * 网格巡 patrol report and 入户访 household-visit record: both register a demand (channel grid_patrol /
 * household_visit with their fields); a grid-level matter can be solved on the spot in the same step.
 * Without signal the report, its photos and its Idempotency-Key wait on the phone (待发送) and are
 * sent when the signal returns.
 */
export default function GridReportPage() {
  const t = useT();
  const me = useMe();
  useOfflineShell();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind: Kind = params.get("kind") === "visit" ? "visit" : "patrol";
  const [form] = Form.useForm<ReportValues>();
  const content = (Form.useWatch("content", form) as string | undefined) ?? "";
  const choice = useClassifiedChoice(content);
  const grid = useMyGrid();
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [located, setLocated] = useState<Located | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [confidential, setConfidential] = useState(false);
  const [onSpot, setOnSpot] = useState(false);
  const submission = useQueuedSubmission<SubmittedOrder>();
  // What the server will file it under: the worker's pick, else the classifier's first guess.
  const effectiveCategory = choice.categoryCode ?? choice.classification.result?.candidates[0]?.code ?? null;
  const { submitting, error, sent: submitted, queued } = submission;

  const reset = () => {
    form.resetFields();
    submission.reset();
    setPoint(null);
    setPhotos([]);
    choice.reset();
    setConfidential(false);
    setOnSpot(false);
  };

  const submit = (values: ReportValues) =>
    submission.submit(async () => {
      const encoded = await Promise.all(filesOf(photos).map(encodePhoto));
      const channelFields: Record<string, unknown> =
        kind === "patrol"
          ? values.patrolNote?.trim()
            ? { patrolNote: values.patrolNote.trim() }
            : {}
          : {
              household: values.household?.trim(),
              ...(values.visitedOn ? { visitedOn: values.visitedOn.format("YYYY-MM-DD") } : {}),
            };
      const caller =
        kind === "visit"
          ? {
              ...(values.callerName?.trim() ? { name: values.callerName.trim() } : {}),
              ...(values.callerPhone?.trim() ? { phone: values.callerPhone.trim() } : {}),
              confidential,
            }
          : undefined;
      const body = {
        channel: kind === "patrol" ? "grid_patrol" : "household_visit",
        channelFields,
        content: values.content.trim(),
        ...(choice.type ? { type: choice.type } : {}),
        ...(choice.categoryCode ? { categoryCode: choice.categoryCode } : {}),
        urgent: choice.urgent,
        // Without a point the report belongs to the worker's own grid.
        ...(point
          ? { location: { lng: point.lng, lat: point.lat, crs: point.crs } }
          : { regionCode: grid.mine?.properties.code }),
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
        ...(caller ? { caller } : {}),
        ...(onSpot && values.disposition && values.text
          ? { solveOnSpot: { disposition: values.disposition, text: values.text.trim() } }
          : {}),
      };
      return { userId: me.id, kind: "demand" as const, body, photos: encoded, text: body.content };
    });

  if (queued) {
    return (
      <div className="grid-page">
        <Result
          icon={<CloudUploadOutlined className="grid-success__icon" />}
          title={t("offline.queued.title")}
          subTitle={t("offline.queued.subtitle")}
          extra={[
            <Button type="primary" key="again" block size="large" onClick={reset} data-testid="report-again">
              {t("grid.report.again")}
            </Button>,
          ]}
        />
        <OutboxPanel className="grid-card" />
      </div>
    );
  }

  if (submitted) {
    return (
      <div className="grid-page">
        <Result
          icon={<CheckCircleFilled className="grid-success__icon" />}
          status="success"
          title={submitted.solvedOnSpot ? t("grid.report.solvedDone") : t("grid.report.done")}
          subTitle={
            <div
              data-testid="report-result"
              data-state={submitted.state}
              data-solved-on-spot={String(submitted.solvedOnSpot)}
            >
              <Typography.Title level={4} copyable className="grid-success__no" data-testid="report-order-no">
                {submitted.orderNo}
              </Typography.Title>
              <OrderStateTag state={submitted.state} />
            </div>
          }
          extra={[
            <Button
              type="primary"
              key="view"
              block
              size="large"
              onClick={() => navigate(`/grid/orders/${submitted.id}`)}
              data-testid="view-report"
            >
              {t("grid.report.view")}
            </Button>,
            <Button key="again" block size="large" className="grid-success__again" onClick={reset}>
              {t("grid.report.again")}
            </Button>,
          ]}
        />
      </div>
    );
  }

  const outsideGrid = located && grid.mine && located.grid.code !== grid.mine.properties.code;

  return (
    <div className="grid-page" data-testid="grid-report" data-kind={kind}>
      <OutboxPanel className="grid-card" />
      <Segmented
        block
        value={kind}
        onChange={(value) => setParams({ kind: value as Kind }, { replace: true })}
        options={[
          { value: "patrol", label: t("grid.report.patrol") },
          { value: "visit", label: t("grid.report.visit") },
        ]}
        className="grid-card"
        data-testid="report-kind"
      />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ visitedOn: dayjs() }}
        scrollToFirstError
      >
        <Card size="small" className="grid-card">
          {kind === "patrol" ? (
            <Form.Item name="patrolNote" label={t("grid.report.patrolNote")} rules={[{ max: 200 }]}>
              <Input
                maxLength={200}
                placeholder={t("grid.report.patrolNotePlaceholder")}
                data-testid="patrol-note"
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="household"
                label={t("grid.report.household")}
                rules={[
                  { required: true, whitespace: true, message: t("grid.report.householdRequired") },
                  { max: 100 },
                ]}
              >
                <Input
                  maxLength={100}
                  placeholder={t("grid.report.householdPlaceholder")}
                  data-testid="visit-household"
                />
              </Form.Item>
              <Form.Item name="visitedOn" label={t("grid.report.visitedOn")}>
                <DatePicker
                  inputReadOnly
                  allowClear={false}
                  disabledDate={(day) => day.isAfter(dayjs(), "day")}
                />
              </Form.Item>
              <div className="grid-form__pair">
                <Form.Item name="callerName" label={t("grid.report.residentName")} rules={[{ max: 40 }]}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="callerPhone"
                  label={t("grid.report.residentPhone")}
                  rules={[{ pattern: /^\+?[0-9][0-9 -]{6,19}$/, message: t("resident.track.phoneInvalid") }]}
                >
                  <Input inputMode="tel" />
                </Form.Item>
              </div>
              <div className="grid-form__switch">
                <span>
                  {t("intake.confidential")}
                  <div className="muted grid-form__hint">{t("intake.confidentialHint")}</div>
                </span>
                <Switch
                  checked={confidential}
                  onChange={setConfidential}
                  aria-label={t("intake.confidential")}
                />
              </div>
            </>
          )}
          <Form.Item name="content" label={t("grid.report.content")} rules={contentRules(t)}>
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="report-content" />
          </Form.Item>
          <ClassifiedChoiceFields choice={choice} withUrgency />
        </Card>

        <Card size="small" title={t("grid.report.where")} className="grid-card">
          <PointPicker
            value={point}
            onChange={setPoint}
            onLocated={setLocated}
            grids={grid.mine ? [grid.mine] : undefined}
            receivedAt={grid.receivedAt}
            className="grid-page__picker"
          />
          {!point && <div className="muted grid-form__hint">{t("grid.report.defaultPlace")}</div>}
          {outsideGrid && (
            <Alert
              type="warning"
              showIcon
              title={t("grid.report.outsideGrid")}
              className="grid-card__alert"
            />
          )}
          <Form.Item name="address" className="grid-form__address">
            <Input maxLength={200} placeholder={t("intake.addressPlaceholder")} />
          </Form.Item>
        </Card>

        <Card size="small" title={t("resident.submit.photos")} className="grid-card">
          <PhotoPicker value={photos} onChange={setPhotos} />
        </Card>

        <OnSpotCard
          categoryCode={effectiveCategory}
          regionCode={located?.grid.code ?? grid.mine?.properties.code ?? null}
          checked={onSpot}
          onChange={setOnSpot}
        />

        {error && (
          <Alert type="error" showIcon title={error} className="grid-card" data-testid="report-error" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={submitting}
          data-testid="submit-report"
        >
          {onSpot ? t("grid.report.submitSolved") : t("grid.report.submit")}
        </Button>
      </Form>
    </div>
  );
}
