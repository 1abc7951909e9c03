import { Alert, Card, Spin, Tag } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../../api/endpoints";
import type { GridProperties } from "../../api/types";
import { useRequest } from "../../api/useRequest";
import { LoadErrorAlert } from "../../components/ErrorState";
import { GridHeatMap, type GridValue, HeatLegend } from "../../components/map/GridHeatMap";
import { OPEN_STATES, ordersApi } from "../../components/orders";
import { useT } from "../../i18n/context";
import { commandApi, type GridHeat } from "./api";

const FALLBACK_PAGES = 5;
const FALLBACK_PAGE_SIZE = 200;

/**
 * Open and overdue orders per grid: from /api/dashboard/heat when the server has it, otherwise
 * counted from the open orders themselves (first 1,000, enough for a street or community).
 */
async function loadGridCounts(signal: AbortSignal): Promise<{ rows: GridHeat[]; source: "heat" | "orders" }> {
  const heat = await commandApi.heat({}, signal);
  if (heat) return { rows: heat, source: "heat" };
  const byGrid = new Map<string, GridHeat>();
  const now = Date.now();
  for (let page = 1; page <= FALLBACK_PAGES; page += 1) {
    const { items, total } = await ordersApi.list(
      { state: OPEN_STATES, page, pageSize: FALLBACK_PAGE_SIZE, sort: "created_at", order: "desc" },
      signal,
    );
    for (const order of items) {
      const code = order.region.grid?.code ?? (order.region.code.length === 15 ? order.region.code : null);
      if (!code) continue;
      const row = byGrid.get(code) ?? { gridCode: code, open: 0, overdue: 0, total: 0 };
      row.open += 1;
      row.total += 1;
      if (order.handlingDueAt && !order.repliedAt && new Date(order.handlingDueAt).getTime() < now)
        row.overdue += 1;
      byGrid.set(code, row);
    }
    if (page * FALLBACK_PAGE_SIZE >= total) break;
  }
  return { rows: [...byGrid.values()], source: "orders" };
}

interface CommandMapProps {
  /** Bumped by the page on every live change: the counts are refetched quietly. */
  refreshKey: number;
  selectedGrid: string | null;
  onSelectGrid: (grid: GridProperties | null) => void;
}

export function CommandMap({ refreshKey, selectedGrid, onSelectGrid }: CommandMapProps) {
  const t = useT();
  const grids = useRequest((signal) => api.grids(undefined, signal), []);
  const [counts, setCounts] = useState<{ rows: GridHeat[]; source: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const load = useCallback((signal: AbortSignal) => {
    loadGridCounts(signal).then(
      (result) => {
        setCounts(result);
        setError(null);
      },
      (failure: unknown) => {
        if (!signal.aborted) setError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey re-runs the count on live changes.
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, refreshKey]);

  const values = useMemo(() => {
    const map = new Map<string, GridValue>();
    for (const row of counts?.rows ?? []) map.set(row.gridCode, { value: row.open, alert: row.overdue });
    return map;
  }, [counts]);
  const max = useMemo(() => Math.max(0, ...[...values.values()].map((entry) => entry.value)), [values]);
  const totals = useMemo(
    () =>
      (counts?.rows ?? []).reduce(
        (sum, row) => ({ open: sum.open + row.open, overdue: sum.overdue + row.overdue }),
        { open: 0, overdue: 0 },
      ),
    [counts],
  );
  const selectedName = grids.data?.features.find((f) => f.properties.code === selectedGrid)?.properties.name;

  return (
    <Card
      size="small"
      className="command-map"
      title={t("command.map.title")}
      extra={
        <span className="command-map__totals" data-testid="map-totals" data-open={totals.open}>
          <Tag color="blue">{t("command.map.open", { count: totals.open })}</Tag>
          <Tag color={totals.overdue > 0 ? "red" : "default"}>
            {t("command.map.overdue", { count: totals.overdue })}
          </Tag>
        </span>
      }
      styles={{ body: { padding: 0 } }}
    >
      <div className="command-map__frame">
        {grids.error ? (
          <LoadErrorAlert error={grids.error} onRetry={grids.reload} className="command-map__error" />
        ) : grids.data ? (
          <GridHeatMap
            grids={grids.data}
            values={values}
            ariaLabel={t("command.map.title")}
            testId="command-map"
            onSelect={onSelectGrid}
            tooltip={(properties, value) =>
              `${properties.name} · ${properties.communityName}\n${t("command.map.tooltip", {
                open: value?.value ?? 0,
                overdue: value?.alert ?? 0,
              })}`
            }
          />
        ) : (
          <div className="command-map__loading">
            <Spin />
          </div>
        )}
        {error && <Alert type="warning" showIcon className="command-map__warning" title={error.message} />}
      </div>
      <div className="command-map__footer">
        <HeatLegend max={max} title={t("command.map.legend")} alertLabel={t("command.map.legendOverdue")} />
        {selectedGrid && (
          <Tag closable color="processing" onClose={() => onSelectGrid(null)} data-testid="grid-filter">
            {t("command.map.filtered", { name: selectedName ?? selectedGrid })}
          </Tag>
        )}
      </div>
    </Card>
  );
}
