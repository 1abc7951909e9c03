import { Typography } from "antd";
import { useT } from "../../i18n/context";
import type { AssessmentWeights } from "./api";

/**
 * 综合得分怎么算: the formula with the weights in force, the 督办 deduction, how a rate with nothing to
 * measure is treated and when a row shows 数据不足, so a supervisor can check any score by hand.
 */
export function ScoreFormula({ weights }: { weights: AssessmentWeights }) {
  const t = useT();
  return (
    <div className="dashboard-page__formula" data-testid="score-formula">
      <Typography.Text strong>{t("dashboard.formula.title")}</Typography.Text>
      <ul>
        <li>
          {t("dashboard.formula.score", {
            response: weights.response,
            onTime: weights.onTime,
            resolution: weights.resolution,
            satisfaction: weights.satisfaction,
          })}
        </li>
        <li>
          {t("dashboard.formula.rates", {
            partialWeight: weights.partialWeight,
            basicWeight: weights.basicWeight,
          })}
        </li>
        <li>
          {t("dashboard.formula.supervision", {
            penalty: weights.supervisionPenalty,
            cap: weights.supervisionCap,
          })}
        </li>
        <li>{t("dashboard.formula.missing")}</li>
        <li>{t("dashboard.formula.insufficient", { minSample: weights.minSample })}</li>
      </ul>
    </div>
  );
}
