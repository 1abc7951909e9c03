import { Alert, Card, Select, Skeleton, Table, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { type AreaRates, publicApi } from "../../components/services/publicApi";
import { useT } from "../../i18n/context";
import { PublicLayout } from "./PublicLayout";
import { PublicNav } from "./PublicNav";
import { ScrollRegion } from "./ScrollRegion";
import { useMonthLabel } from "./useMonthLabel";
import "./resident.css";

/**
 * 碑林发布 三率公示, no sign-in: each street's 响应率, 解决率 and 满意率 of an ended month (the last one
 * unless ?month= says), with the district's row; computed by the server as the assessment computes them.
 */
export default function PublicRatesPage() {
  const t = useT();
  const monthLabel = useMonthLabel();
  const [params, setParams] = useSearchParams();
  const month = params.get("month") ?? undefined;
  const rates = useRequest((signal) => publicApi.rates({ month }, signal), [month]);
  const data = rates.data;
  const percent = (value: number | null) => (value === null ? t("public.rates.none") : `${value}%`);
  const rateColumn = (key: "responseRate" | "resolutionRate" | "satisfactionRate", title: string) => ({
    title,
    align: "right" as const,
    render: (_: unknown, row: AreaRates) => percent(row[key]),
  });
  return (
    <PublicLayout>
      <div className="resident-page" data-testid="public-rates">
        <PublicNav />
        <Typography.Title level={4} className="resident-page__title">
          {t("public.rates.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("public.rates.hint")}</Typography.Paragraph>
        {rates.error && <Alert type="error" showIcon title={rates.error.message} />}
        {!data && rates.loading && <Skeleton active paragraph={{ rows: 8 }} />}
        {data && (
          <>
            <Select
              value={data.month}
              onChange={(chosen) => setParams({ month: chosen })}
              style={{ width: "100%", marginBottom: 12 }}
              aria-label={t("public.rates.month")}
              options={data.months.map((m) => ({ value: m, label: monthLabel(m) }))}
            />
            <Card size="small" className="resident-card">
              <ScrollRegion label={t("public.rates.title")}>
                <Table
                  className="public-table"
                  data-testid="public-rates-table"
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={[data.district, ...data.streets]}
                  rowClassName={(row) => (row.code === data.district.code ? "public-table__total" : "")}
                  columns={[
                    { title: t("public.rates.street"), dataIndex: "name" },
                    rateColumn("responseRate", t("public.rates.response")),
                    rateColumn("resolutionRate", t("public.rates.resolution")),
                    rateColumn("satisfactionRate", t("public.rates.satisfaction")),
                    { title: t("public.rates.dispatched"), dataIndex: "dispatched", align: "right" },
                    { title: t("public.rates.rated"), dataIndex: "rated", align: "right" },
                  ]}
                />
              </ScrollRegion>
            </Card>
            <Typography.Paragraph type="secondary" className="resident-card__hint">
              {t("public.rates.formula", { partial: data.partialWeight, basic: data.basicWeight })}
            </Typography.Paragraph>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
