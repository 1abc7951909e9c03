import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { api } from "../../api/endpoints";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { KpiTiles } from "../../components/KpiTiles";
import { GridHeatMap, type GridValue, HEAT_RAMP, HeatLegend } from "../../components/map/GridHeatMap";
import { channelLabel, chinaTime } from "../../components/orders";
import { useT } from "../../i18n/context";
import { type AssessmentLevel, type AssessmentRow, dashboardApi } from "./api";
import { type ChartOption, EChart } from "./EChart";
import { LeadersCard } from "./LeadersCard";
import { ScoreFormula } from "./ScoreFormula";
import { WeightsButton } from "./WeightsButton";
import "../../ops.css";
import { ServiceStatsCard } from "../../components/services/ServiceStatsCard";

const PALETTE = [
  "#1e5bb8",
  "#1f9d7a",
  "#e08a1e",
  "#c8463d",
  "#7b5cc9",
  "#1597b8",
  "#c2458f",
  "#6f9a2b",
  "#8c9bb0",
  "#d4b106",
  "#5b6b82",
];

/** Levels one may rank from a jurisdiction (a street ranks its communities, not other streets). */
function levelsFor(regionCode: string | null): AssessmentLevel[] {
  const length = regionCode?.length ?? 0;
  if (length <= 6) return ["street", "community", "unit"];
  if (length <= 9) return ["community", "unit"];
  return ["unit"];
}

function Panel({
  title,
  loading,
  error,
  empty,
  children,
  testId,
}: {
  title: string;
  loading: boolean;
  error?: Error;
  empty: boolean;
  children: React.ReactNode;
  testId?: string;
}) {
  const t = useT();
  return (
    <Card size="small" title={title} className="dashboard-card" data-testid={testId}>
      {loading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : error ? (
        <Alert type="error" showIcon title={t("error.loadFailed")} description={error.message} />
      ) : empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t("dashboard.empty")}
          className="dashboard-card__empty"
        />
      ) : (
        children
      )}
    </Card>
  );
}

const rate = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${value.toFixed(1)}%`;

/**
 * 统计考核: KPIs of the month, the 12-month trend, categories and channels, a heat map of demands per
 * grid, and the assessment ranking (响应率/按期办结率/办结率/解决率/满意率, score, rank) of a level.
 */
export default function DashboardPage() {
  const t = useT();
  const me = useMe();
  const [month, setMonth] = useState<Dayjs>(() => chinaTime());
  const levels = levelsFor(me.regionCode);
  const [level, setLevel] = useState<AssessmentLevel>(levels[0]);
  const [tick, setTick] = useState(0);
  const period = month.format("YYYY-MM");

  const summary = useRequest((signal) => dashboardApi.summary(period, signal), [period, tick]);
  const trend = useRequest((signal) => dashboardApi.trend(12, signal), [tick]);
  const categories = useRequest((signal) => dashboardApi.categories(period, signal), [period, tick]);
  const channels = useRequest((signal) => dashboardApi.channels(period, signal), [period, tick]);
  const heat = useRequest((signal) => dashboardApi.heat(period, signal), [period, tick]);
  const grids = useRequest((signal) => api.grids(undefined, signal), []);
  const ranking = useRequest(
    (signal) => dashboardApi.assessment(level, period, signal),
    [level, period, tick],
  );

  const trendOption = useMemo<ChartOption>(() => {
    const months = trend.data?.months ?? [];
    return {
      color: ["#1e5bb8", "#1f9d7a", "#c8463d"],
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: months.map((m) => m.month.slice(2)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: t("dashboard.trend.created"),
          type: "bar",
          data: months.map((m) => m.created),
          barMaxWidth: 18,
        },
        {
          name: t("dashboard.trend.closed"),
          type: "bar",
          data: months.map((m) => m.closed),
          barMaxWidth: 18,
        },
        {
          name: t("dashboard.trend.overdue"),
          type: "line",
          smooth: true,
          data: months.map((m) => m.overdue),
        },
      ],
    };
  }, [trend.data, t]);

  const categoryOption = useMemo<ChartOption>(() => {
    const items = [...(categories.data?.items ?? [])].sort((a, b) => a.count - b.count).slice(-12);
    return {
      color: ["#1e5bb8"],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        data: items.map((item) => (item.code ? item.name : t("orders.uncategorised"))),
      },
      series: [
        {
          type: "bar",
          data: items.map((item) => item.count),
          barMaxWidth: 16,
          label: { show: true, position: "right" },
        },
      ],
    };
  }, [categories.data, t]);

  const channelOption = useMemo<ChartOption>(() => {
    const items = channels.data?.items ?? [];
    return {
      color: PALETTE,
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
      legend: { type: "scroll", orient: "vertical", right: 0, top: "middle" },
      series: [
        {
          type: "pie",
          radius: ["40%", "70%"],
          center: ["38%", "50%"],
          label: { show: false },
          data: items.map((item) => ({ name: channelLabel(t, item.channel), value: item.count })),
        },
      ],
    };
  }, [channels.data, t]);

  const heatValues = useMemo(
    () =>
      new Map<string, GridValue>((heat.data?.items ?? []).map((row) => [row.gridCode, { value: row.total }])),
    [heat.data],
  );
  const heatMax = Math.max(0, ...[...heatValues.values()].map((entry) => entry.value));
  const s = summary.data;

  return (
    <div className="page dashboard-page" data-testid="dashboard-page">
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("dashboard.title")}
            <span className="command-page__scope">{me.regionName ?? ""}</span>
          </Typography.Title>
          <Typography.Text type="secondary">{t("dashboard.subtitle")}</Typography.Text>
        </div>
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(value) => value && setMonth(value)}
            disabledDate={(day) => day.isAfter(chinaTime(), "month")}
            data-testid="period-picker"
          />
          <Button icon={<ReloadOutlined />} onClick={() => setTick((value) => value + 1)}>
            {t("command.refresh")}
          </Button>
        </Space>
      </div>

      {summary.error && (
        <Alert type="error" showIcon title={summary.error.message} className="command-page__alert" />
      )}
      <KpiTiles
        loading={summary.loading}
        tiles={[
          { key: "newToday", label: "command.kpi.newToday", value: s?.newToday },
          { key: "open", label: "command.kpi.open", value: s?.open },
          {
            key: "overdue",
            label: "command.kpi.overdue",
            value: s?.overdue,
            tone: s && s.overdue > 0 ? "danger" : "default",
          },
          { key: "closed", label: "dashboard.kpi.closed", value: s?.closed, tone: "success" },
          {
            key: "responseRate",
            label: "dashboard.kpi.responseRate",
            value: s ? s.responseRate : undefined,
            suffix: "%",
            precision: 1,
          },
          {
            key: "satisfactionRate",
            label: "dashboard.kpi.satisfactionRate",
            value: s ? s.satisfactionRate : undefined,
            suffix: "%",
            precision: 1,
          },
        ]}
      />

      <Row gutter={[16, 16]} className="dashboard-page__row">
        <Col xs={24} xl={14}>
          <Panel
            title={t("dashboard.trend.title")}
            loading={trend.loading}
            error={trend.error}
            empty={(trend.data?.months ?? []).every((m) => m.created + m.closed + m.overdue === 0)}
            testId="chart-trend"
          >
            <EChart option={trendOption} height={300} />
          </Panel>
        </Col>
        <Col xs={24} xl={10}>
          <Panel
            title={t("dashboard.categories.title", { period })}
            loading={categories.loading}
            error={categories.error}
            empty={(categories.data?.items ?? []).length === 0}
            testId="chart-categories"
          >
            <EChart option={categoryOption} height={300} />
          </Panel>
        </Col>
        <Col xs={24} xl={10}>
          <Panel
            title={t("dashboard.channels.title", { period })}
            loading={channels.loading}
            error={channels.error}
            empty={(channels.data?.items ?? []).length === 0}
            testId="chart-channels"
          >
            <EChart option={channelOption} height={320} />
          </Panel>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t("dashboard.heat.title", { period })}
            className="dashboard-card"
            data-testid="dashboard-heat"
          >
            {grids.error || heat.error ? (
              <Alert type="error" showIcon title={(grids.error ?? heat.error)?.message} />
            ) : grids.data ? (
              <>
                <div className="dashboard-heat__frame">
                  <GridHeatMap
                    grids={grids.data}
                    values={heatValues}
                    palette={HEAT_RAMP}
                    ariaLabel={t("dashboard.heat.title", { period })}
                    testId="heat-map"
                    tooltip={(properties, value) =>
                      `${properties.name} · ${properties.communityName}\n${t("dashboard.heat.tooltip", { count: value?.value ?? 0 })}`
                    }
                  />
                </div>
                <HeatLegend max={heatMax} palette={HEAT_RAMP} title={t("dashboard.heat.legend")} />
              </>
            ) : (
              <Skeleton active paragraph={{ rows: 6 }} />
            )}
          </Card>
        </Col>
      </Row>

      <ServiceStatsCard />

      <Card
        size="small"
        className="dashboard-card dashboard-page__ranking"
        title={t("dashboard.ranking.title", { period })}
        data-testid="ranking"
        extra={
          <Space wrap>
            <Segmented
              value={level}
              onChange={(value) => setLevel(value as AssessmentLevel)}
              options={levels.map((value) => ({ value, label: t(`dashboard.level.${value}`) }))}
            />
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={dashboardApi.reportUrl(period)}
              download
              data-testid="assessment-report"
            >
              {t("dashboard.report")}
            </Button>
            {me.role === "admin" && <WeightsButton onSaved={() => setTick((value) => value + 1)} />}
          </Space>
        }
      >
        {ranking.error && <Alert type="error" showIcon title={ranking.error.message} />}
        <Table<AssessmentRow>
          size="small"
          rowKey="key"
          loading={ranking.loading}
          dataSource={ranking.data?.rows ?? []}
          pagination={{ pageSize: 10, size: "small" }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.ranking.empty")} />
            ),
          }}
          scroll={{ x: 980 }}
          columns={[
            {
              title: t("dashboard.ranking.rank"),
              dataIndex: "rank",
              width: 84,
              align: "center",
              render: (v: number | null, row) =>
                row.insufficient ? (
                  <Tag className="dashboard-page__insufficient" data-testid="insufficient">
                    {t("dashboard.ranking.insufficient")}
                  </Tag>
                ) : (
                  (v ?? "—")
                ),
            },
            { title: t("dashboard.ranking.name"), dataIndex: "name", ellipsis: true },
            {
              title: t("dashboard.ranking.score"),
              dataIndex: "score",
              width: 90,
              render: (v: number | null, row) => (
                <strong
                  title={
                    row.supervisionDeduction > 0
                      ? t("dashboard.ranking.deducted", { points: row.supervisionDeduction })
                      : undefined
                  }
                >
                  {v === null ? "—" : v.toFixed(1)}
                </strong>
              ),
            },
            { title: t("dashboard.ranking.dispatched"), dataIndex: "dispatched", width: 80, align: "right" },
            {
              title: t("dashboard.ranking.responseRate"),
              dataIndex: "responseRate",
              width: 90,
              align: "right",
              render: rate,
            },
            {
              title: t("dashboard.ranking.onTimeRate"),
              dataIndex: "onTimeRate",
              width: 100,
              align: "right",
              render: rate,
            },
            {
              title: t("dashboard.ranking.closeRate"),
              dataIndex: "closeRate",
              width: 90,
              align: "right",
              render: rate,
            },
            {
              title: t("dashboard.ranking.resolutionRate"),
              dataIndex: "resolutionRate",
              width: 90,
              align: "right",
              render: rate,
            },
            {
              title: t("dashboard.ranking.satisfactionRate"),
              dataIndex: "satisfactionRate",
              width: 90,
              align: "right",
              render: rate,
            },
            {
              title: t("dashboard.ranking.supervision"),
              dataIndex: "supervisionCount",
              width: 80,
              align: "right",
            },
          ]}
        />
        {ranking.data && <ScoreFormula weights={ranking.data.weights} />}
      </Card>
      <LeadersCard period={period} />
    </div>
  );
}
