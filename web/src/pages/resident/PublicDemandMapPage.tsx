import { Alert, Card, Select, Skeleton, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useRequest } from "../../api/useRequest";
import { GridHeatMap, type GridValue, HEAT_RAMP, HeatLegend } from "../../components/map/GridHeatMap";
import { publicApi } from "../../components/services/publicApi";
import { useI18n } from "../../i18n/context";
import { PublicLayout } from "./PublicLayout";
import { PublicNav } from "./PublicNav";
import "./resident.css";

/**
 * 诉求地图 (FixMyStreet-style), no sign-in: how many demands each grid received lately, by category
 * and open or closed. Counts only: the server sends no caller, text or point.
 */
export default function PublicDemandMapPage() {
  const { t, locale } = useI18n();
  const map = useRequest((signal) => publicApi.demandMap(signal), []);
  const [category, setCategory] = useState<string>("all");
  const data = map.data;
  const values = useMemo(() => {
    const byGrid = new Map<string, GridValue & { open: number; closed: number }>();
    for (const c of data?.counts ?? []) {
      if (category !== "all" && c.category !== category) continue;
      const entry = byGrid.get(c.grid) ?? { value: 0, open: 0, closed: 0 };
      entry.open += c.open;
      entry.closed += c.closed;
      entry.value = entry.open + entry.closed;
      byGrid.set(c.grid, entry);
    }
    return byGrid;
  }, [data, category]);
  const max = Math.max(0, ...[...values.values()].map((v) => v.value));
  const categoryName = (code: string) => {
    const found = data?.categories.find((c) => c.code === code);
    return (locale === "en-US" ? found?.nameEn : undefined) ?? found?.name ?? code;
  };
  const byCategory = useMemo(() => {
    const totals = new Map<string, { open: number; closed: number }>();
    for (const c of data?.counts ?? []) {
      const entry = totals.get(c.category) ?? { open: 0, closed: 0 };
      entry.open += c.open;
      entry.closed += c.closed;
      totals.set(c.category, entry);
    }
    return [...totals]
      .map(([code, v]) => ({ code, ...v }))
      .sort((a, b) => b.open + b.closed - (a.open + a.closed));
  }, [data]);

  return (
    <PublicLayout>
      <div className="resident-page" data-testid="public-map">
        <PublicNav />
        <Typography.Title level={4} className="resident-page__title">
          {t("public.map.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t("public.map.hint", { days: data?.days ?? 90 })}
        </Typography.Paragraph>
        {map.error && <Alert type="error" showIcon title={map.error.message} />}
        {!data && map.loading && <Skeleton active paragraph={{ rows: 8 }} />}
        {data && (
          <>
            <Select
              value={category}
              onChange={setCategory}
              style={{ width: "100%", marginBottom: 12 }}
              aria-label={t("public.map.category")}
              options={[
                { value: "all", label: t("public.map.allCategories") },
                ...data.categories.map((c) => ({ value: c.code, label: categoryName(c.code) })),
              ]}
            />
            <Card size="small" className="resident-card resident-map">
              <GridHeatMap
                grids={data.grids}
                values={values}
                palette={HEAT_RAMP}
                ariaLabel={t("public.map.title")}
                testId="public-heat-map"
                tooltip={(grid) => {
                  const v = values.get(grid.code);
                  return t("public.map.tooltip", {
                    street: grid.streetName,
                    community: grid.communityName,
                    grid: grid.name,
                    open: v?.open ?? 0,
                    closed: v?.closed ?? 0,
                  });
                }}
              />
              <HeatLegend max={max} palette={HEAT_RAMP} title={t("public.map.legend")} />
            </Card>
            <Card size="small" title={t("public.map.byCategory")} className="resident-card">
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={byCategory}
                columns={[
                  { title: t("public.map.category"), render: (_, row) => categoryName(row.code) },
                  { title: t("public.map.open"), dataIndex: "open", align: "right" },
                  { title: t("public.map.closed"), dataIndex: "closed", align: "right" },
                ]}
              />
            </Card>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
