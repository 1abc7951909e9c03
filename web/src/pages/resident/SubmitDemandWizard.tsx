import { LockOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Form, Input, Progress, Switch, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { usePlainT } from "../../components/elderly";
import { PointPicker } from "../../components/map";
import { contentRules, PhotoPicker, phoneRules } from "../../components/orders/intake";
import { validValues } from "../../components/validValues";
import type { MessageKey } from "../../i18n/context";
import { SubmittedDemand } from "./SubmittedDemand";
import { type ResidentDemandValues, useResidentDemand } from "./useResidentDemand";
import "./resident.css";

const STEPS = ["what", "where", "photo", "contact", "confirm"] as const;
type Step = (typeof STEPS)[number];

const QUESTION: Record<Step, MessageKey> = {
  what: "elderly.wizard.what",
  where: "elderly.wizard.where",
  photo: "elderly.wizard.photo",
  contact: "elderly.wizard.contact",
  confirm: "elderly.wizard.confirm",
};

/**
 * 我要反映 in 长辈模式: one question a screen (what happened → where → photo → how to reach you →
 * confirm), on the same state, rules and submission as the one-page form.
 */
export function SubmitDemandWizard() {
  const t = usePlainT();
  const demand = useResidentDemand();
  const { form } = demand;
  const [index, setIndex] = useState(0);
  const step = STEPS[index];

  if (demand.submitted) {
    return (
      <SubmittedDemand
        submitted={demand.submitted}
        onAgain={() => {
          demand.reset();
          setIndex(0);
        }}
      />
    );
  }

  const next = async () => {
    // Only this screen's fields are checked; the others are not shown.
    if (step === "what" && !(await validValues(form, ["content"]))) return;
    if (step === "where" && !demand.checkPlace()) return;
    if (step === "contact" && !(await validValues(form, ["phone"]))) return;
    setIndex(index + 1);
  };
  const send = () => demand.submit(form.getFieldsValue(true) as ResidentDemandValues);
  const values = form.getFieldsValue(true) as ResidentDemandValues;

  const screens: Record<Step, ReactNode> = {
    what: (
      <Form.Item name="content" rules={contentRules(t)} extra={t("elderly.wizard.whatHint")}>
        <Input.TextArea
          rows={5}
          maxLength={4000}
          aria-label={t("elderly.wizard.what")}
          data-testid="wizard-content"
          autoFocus
        />
      </Form.Item>
    ),
    where: (
      <>
        <Typography.Paragraph>{t("elderly.wizard.whereHint")}</Typography.Paragraph>
        <PointPicker value={demand.point} onChange={demand.choosePoint} className="resident-map" />
        {demand.placeMissing && (
          <Alert
            type="error"
            showIcon
            title={t("resident.submit.placeRequired")}
            data-testid="place-missing"
          />
        )}
        <Form.Item name="address" label={t("elderly.wizard.addressHint")} className="resident-card__address">
          <Input maxLength={200} data-testid="wizard-address" />
        </Form.Item>
      </>
    ),
    photo: (
      <>
        <Typography.Paragraph>{t("elderly.wizard.photoHint")}</Typography.Paragraph>
        <PhotoPicker value={demand.photos} onChange={demand.setPhotos} />
      </>
    ),
    contact: (
      <>
        <Form.Item
          name="phone"
          label={t("elderly.wizard.phone")}
          extra={t("elderly.wizard.contactHint")}
          rules={phoneRules(t)}
        >
          <Input type="tel" inputMode="tel" maxLength={20} autoComplete="tel" data-testid="wizard-phone" />
        </Form.Item>
        <div className="resident-card__row resident-card__row--between">
          <span>
            <LockOutlined /> <span id="wizard-confidential-label">{t("intake.confidential")}</span>
            <div className="resident-card__hint">{t("intake.confidentialHint")}</div>
          </span>
          <Switch
            checked={demand.confidential}
            onChange={demand.setConfidential}
            aria-labelledby="wizard-confidential-label"
            data-testid="wizard-confidential"
          />
        </div>
      </>
    ),
    confirm: (
      <Descriptions column={1} bordered size="small" data-testid="wizard-summary">
        <Descriptions.Item label={t("elderly.wizard.what")}>{values.content}</Descriptions.Item>
        <Descriptions.Item label={t("elderly.wizard.where")}>
          {values.address?.trim() || t("elderly.wizard.placeChosen")}
        </Descriptions.Item>
        <Descriptions.Item label={t("resident.submit.photos")}>
          {demand.photos.length > 0
            ? t("elderly.wizard.photoCount", { count: demand.photos.length })
            : t("elderly.wizard.noPhoto")}
        </Descriptions.Item>
        <Descriptions.Item label={t("elderly.wizard.contact")}>
          {values.phone?.trim() || t("elderly.wizard.accountPhone")}
          {demand.confidential && ` · ${t("intake.confidential")}`}
        </Descriptions.Item>
      </Descriptions>
    ),
  };

  return (
    <div className="resident-page elderly-wizard" data-testid="resident-submit" data-step={step}>
      <Typography.Text className="elderly-wizard__step">
        {t("elderly.wizard.step", { current: index + 1, total: STEPS.length })}
      </Typography.Text>
      <Progress
        percent={((index + 1) / STEPS.length) * 100}
        showInfo={false}
        aria-label={t("elderly.wizard.step", { current: index + 1, total: STEPS.length })}
      />
      <Typography.Title level={2} className="elderly-wizard__question">
        {t(QUESTION[step])}
      </Typography.Title>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={next}>
        {screens[step]}
        {demand.error && (
          <Alert
            type="error"
            showIcon
            title={demand.error}
            className="resident-card"
            data-testid="submit-error"
          />
        )}
        <div className="elderly-wizard__buttons">
          {index > 0 && (
            <Button size="large" onClick={() => setIndex(index - 1)} data-testid="wizard-back">
              {t("elderly.wizard.back")}
            </Button>
          )}
          {step === "confirm" ? (
            <Button
              type="primary"
              size="large"
              loading={demand.submitting}
              onClick={send}
              data-testid="wizard-submit"
            >
              {t("elderly.wizard.submit")}
            </Button>
          ) : (
            <Button type="primary" size="large" htmlType="submit" data-testid="wizard-next">
              {t("elderly.wizard.next")}
            </Button>
          )}
        </div>
      </Form>
    </div>
  );
}
