import type * as L from "leaflet";
import { useEffect, useRef } from "react";
import type { GridCollection, GridProperties } from "../../api/types";
import { gridLayer } from "./gridLayer";
import { useLeafletMap } from "./useLeafletMap";

export interface GridValue {
  /** What colours the grid (open orders, demands in the period …). */
  value: number;
  /** Drawn as a red outline when above zero (overdue orders). */
  alert?: number;
}

interface GridHeatMapProps {
  grids: GridCollection;
  values: ReadonlyMap<string, GridValue>;
  /** Colour ramp from low to high; zero is drawn pale. */
  palette?: readonly string[];
  tooltip: (properties: GridProperties, value: GridValue | undefined) => string;
  onSelect?: (properties: GridProperties) => void;
  ariaLabel: string;
  testId?: string;
}

export const BLUE_RAMP = ["#bcd4f3", "#8db5ea", "#5d93dc", "#3a7bd5", "#1e5bb8", "#0f2f5c"] as const;
export const HEAT_RAMP = ["#ffe08a", "#fdc157", "#fb9a3c", "#f3722c", "#dc4530", "#b0222a"] as const;
const EMPTY_FILL = "#f4f6f9";
const FIT: L.FitBoundsOptions = { padding: [12, 12], maxZoom: 16 };

/** The ramp step of a value: its share of the maximum, so the busiest grid is always the darkest. */
export function stepOf(value: number, max: number, steps: number): number {
  if (value <= 0 || max <= 0) return -1;
  return Math.min(steps - 1, Math.max(0, Math.ceil((value / max) * steps) - 1));
}

export function colourFor(value: number, max: number, palette: readonly string[]): string {
  const step = stepOf(value, max, palette.length);
  return step < 0 ? EMPTY_FILL : palette[step];
}

/**
 * The grids of the caller's jurisdiction as a choropleth: one polygon per grid, coloured by its
 * value, outlined red when it has alerts. Restyles in place when the values change (live updates),
 * without redrawing the polygons or moving the view.
 */
export function GridHeatMap(props: GridHeatMapProps) {
  const { grids, values, palette = BLUE_RAMP } = props;
  const containerRef = useRef<HTMLElement>(null);
  const map = useLeafletMap(containerRef, { scrollWheelZoom: false });
  const layers = useRef(new Map<string, L.Path>());
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!map || !container) return;
    const registry = layers.current;
    const geoJson = gridLayer(grids.features, {
      style: () => ({ color: "#ffffff", weight: 1, fillColor: EMPTY_FILL, fillOpacity: 0.85 }),
      tooltip: (grid) => latest.current.tooltip(grid, latest.current.values.get(grid.code)),
      onClick: (grid) => latest.current.onSelect?.(grid),
      onEachPath: (grid, path) => registry.set(grid.code, path),
    }).addTo(map);
    const bounds = geoJson.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, FIT);
    container.dataset.gridCount = String(registry.size);
    return () => {
      geoJson.remove();
      registry.clear();
      delete container.dataset.gridCount;
    };
  }, [map, grids]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restyle when the polygons are (re)drawn too.
  useEffect(() => {
    const container = containerRef.current;
    let max = 0;
    for (const entry of values.values()) max = Math.max(max, entry.value);
    let alerted = 0;
    for (const [code, path] of layers.current) {
      const entry = values.get(code);
      const alert = (entry?.alert ?? 0) > 0;
      if (alert) alerted += 1;
      path.setStyle({
        fillColor: colourFor(entry?.value ?? 0, max, palette),
        fillOpacity: 0.85,
        color: alert ? "#d4380d" : "#ffffff",
        weight: alert ? 2.5 : 1,
      });
      if (alert) path.bringToFront();
    }
    if (container) {
      container.dataset.maxValue = String(max);
      container.dataset.alertGrids = String(alerted);
    }
  }, [values, palette, map, grids]);

  return (
    <section
      ref={containerRef}
      className="heat-map"
      aria-label={props.ariaLabel}
      data-testid={props.testId ?? "heat-map"}
    />
  );
}

/** A legend for the ramp: swatches with their upper bounds. */
export function HeatLegend({
  max,
  palette = BLUE_RAMP,
  title,
  alertLabel,
}: {
  max: number;
  palette?: readonly string[];
  title: string;
  alertLabel?: string;
}) {
  // The values each colour stands for at this maximum (some colours are unused when the maximum is small).
  const ranges = palette.map(() => ({ low: Number.POSITIVE_INFINITY, high: 0 }));
  const top = Math.max(max, 0);
  const probe = top <= 500 ? Array.from({ length: top }, (_, index) => index + 1) : [];
  for (const value of probe) {
    const range = ranges[stepOf(value, top, palette.length)];
    range.low = Math.min(range.low, value);
    range.high = Math.max(range.high, value);
  }
  return (
    <div className="heat-legend">
      <span className="heat-legend__title">{title}</span>
      <span className="heat-legend__item">
        <i style={{ background: EMPTY_FILL }} />0
      </span>
      {palette.map((colour, index) => {
        const { low, high } = ranges[index];
        if (top > 500) {
          const from = Math.floor((index * top) / palette.length) + 1;
          const to = Math.floor(((index + 1) * top) / palette.length);
          return (
            <span key={colour} className="heat-legend__item">
              <i style={{ background: colour }} />
              {from === to ? to : `${from}–${to}`}
            </span>
          );
        }
        if (high === 0) return null;
        return (
          <span key={colour} className="heat-legend__item">
            <i style={{ background: colour }} />
            {low === high ? high : `${low}–${high}`}
          </span>
        );
      })}
      {alertLabel && (
        <span className="heat-legend__item">
          <i className="heat-legend__alert" />
          {alertLabel}
        </span>
      )}
    </div>
  );
}
