import { LockOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Switch, Typography } from "antd";
import { Link } from "react-router-dom";
import { useElderly } from "../../components/elderly";
import { PointPicker } from "../../components/map";
import { ClassifiedChoiceFields, contentRules, PhotoPicker } from "../../components/orders/intake";
import { useT } from "../../i18n/context";
import { SubmitDemandWizard } from "./SubmitDemandWizard";
import { SubmittedDemand } from "./SubmittedDemand";
import { useResidentDemand } from "./useResidentDemand";
import "./resident.css";

/** 我要反映: the resident's H5 intake (channel online); one question a screen in 长辈模式. */
export default function SubmitDemandPage() {
  const { enabled } = useElderly();
  return enabled ? <SubmitDemandWizard /> : <SubmitDemandForm />;
}

/** Everything on one page. */
function SubmitDemandForm() {
  const t = useT();
  const demand = useResidentDemand();
  const { form, choice, submitted } = demand;

  if (submitted) return <SubmittedDemand submitted={submitted} onAgain={demand.reset} />;

  return (
    <div className="resident-page" data-testid="resident-submit">
      <Typography.Title level={4} className="resident-page__title">
        {t("resident.submit.title")}
      </Typography.Title>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={demand.submit} scrollToFirstError>
        <Card size="small" title={t("resident.submit.what")} className="resident-card">
          <Form.Item name="content" rules={contentRules(t)}>
            <Input.TextArea
              rows={5}
              maxLength={4000}
              showCount
              placeholder={t("resident.submit.contentPlaceholder")}
              aria-label={t("resident.submit.what")}
              data-testid="demand-content"
            />
          </Form.Item>
          <ClassifiedChoiceFields choice={choice} typeTestId="demand-type" />
          {demand.duplicates.items.length > 0 && (
            <Alert
              type="info"
              showIcon
              className="resident-card__alert"
              title={t("resident.submit.similar")}
            />
          )}
        </Card>

        <Card size="small" title={t("resident.submit.where")} className="resident-card">
          <PointPicker value={demand.point} onChange={demand.choosePoint} className="resident-map" />
          {demand.placeMissing && (
            <Typography.Text type="danger" data-testid="place-missing">
              {t("resident.submit.placeRequired")}
            </Typography.Text>
          )}
          <Form.Item name="address" className="resident-card__address">
            <Input
              maxLength={200}
              placeholder={t("intake.addressPlaceholder")}
              aria-label={t("intake.addressPlaceholder")}
              data-testid="demand-address"
            />
          </Form.Item>
        </Card>

        <Card size="small" title={t("resident.submit.photos")} className="resident-card">
          <PhotoPicker value={demand.photos} onChange={demand.setPhotos} />
        </Card>

        <Card size="small" className="resident-card">
          <div className="resident-card__row resident-card__row--between">
            <span>
              <LockOutlined /> <span id="demand-confidential-label">{t("intake.confidential")}</span>
              <div className="muted resident-card__hint">{t("intake.confidentialHint")}</div>
            </span>
            <Switch
              checked={demand.confidential}
              onChange={demand.setConfidential}
              aria-labelledby="demand-confidential-label"
              data-testid="confidential"
            />
          </div>
        </Card>

        {demand.error && (
          <Alert
            type="error"
            showIcon
            title={demand.error}
            className="resident-card"
            data-testid="submit-error"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={demand.submitting}
          data-testid="submit-demand"
        >
          {t("resident.submit.submit")}
        </Button>
        <div className="resident-page__foot">
          <Link to="/resident/orders">{t("resident.nav.mine")}</Link>
        </div>
      </Form>
    </div>
  );
}
