import { CheckCircleFilled } from "@ant-design/icons";
import { Button, Result, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { usePlainT } from "../../components/elderly";
import type { SubmittedOrder } from "../../components/orders";

/** The receipt after a resident's demand: order number, tracking code, and where to go next. */
export function SubmittedDemand({ submitted, onAgain }: { submitted: SubmittedOrder; onAgain: () => void }) {
  const t = usePlainT();
  const navigate = useNavigate();
  return (
    <div className="resident-page">
      <Result
        icon={<CheckCircleFilled className="resident-success__icon" />}
        status="success"
        title={t("resident.submit.done")}
        subTitle={
          <div data-testid="submitted-order">
            {t("resident.submit.doneHint")}
            <Typography.Title
              level={3}
              copyable
              className="resident-success__no"
              data-testid="submitted-order-no"
            >
              {submitted.orderNo}
            </Typography.Title>
            <Typography.Text copyable={{ text: submitted.trackingCode }}>
              {t("resident.submit.trackingCode")}{" "}
              <Typography.Text strong data-testid="submitted-tracking-code">
                {submitted.trackingCode}
              </Typography.Text>
            </Typography.Text>
          </div>
        }
        extra={[
          <Button
            type="primary"
            key="view"
            size="large"
            block
            onClick={() => navigate(`/resident/orders/${submitted.id}`)}
            data-testid="view-submitted"
          >
            {t("resident.submit.view")}
          </Button>,
          <Button key="again" size="large" block className="resident-success__again" onClick={onAgain}>
            {t("resident.submit.again")}
          </Button>,
        ]}
      />
    </div>
  );
}
