import * as L from "leaflet";
import { useEffect, useRef } from "react";
import type { GridFeature, GridProperties } from "../../api/types";
import { gridLayer } from "../../components/map/gridLayer";
import { gridStyle } from "../../components/map/gridStyles";
import { useLeafletMap } from "../../components/map/useLeafletMap";
import type { LoadedGrids } from "../../hooks/useGridData";
import { useT } from "../../i18n/context";

declare global {
  interface Window {
    /** Milliseconds from the grid GeoJSON arriving to every polygon drawn; read by the browser tests. */
    __minhuMapRenderMs?: number;
  }
}

interface GridMapProps {
  grids: LoadedGrids;
  colorByStreet: ReadonlyMap<string, string>;
  selectedCode: string | null;
  /** Fit the view to the grids of this street, community or grid; any other code (or null) shows them all. */
  focusCode: string | null;
  onSelectGrid: (grid: GridProperties) => void;
  onRendered: (polygonCount: number) => void;
}

const FIT_OPTIONS: L.FitBoundsOptions = { padding: [16, 16], maxZoom: 17 };

function featureMatches({ properties }: GridFeature, code: string): boolean {
  return properties.code === code || properties.communityCode === code || properties.streetCode === code;
}

export function GridMap(props: GridMapProps) {
  const { grids, colorByStreet, selectedCode, focusCode } = props;
  const t = useT();
  const containerRef = useRef<HTMLElement>(null);
  const map = useLeafletMap(containerRef);
  const layersRef = useRef(new Map<string, L.Path>());
  const fittedGridsRef = useRef<LoadedGrids | null>(null);
  const latest = useRef({ props, hoveredCode: null as string | null });
  latest.current.props = props;

  useEffect(() => {
    if (!map) return;
    return () => {
      fittedGridsRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    const container = containerRef.current;
    if (!map || !container) return;
    const layers = layersRef.current;
    const styleOf = (properties: GridProperties) =>
      gridStyle(colorByStreet.get(properties.streetCode), {
        hovered: latest.current.hoveredCode === properties.code,
        selected: latest.current.props.selectedCode === properties.code,
      });

    const geoJson = gridLayer(grids.collection.features, {
      style: styleOf,
      onClick: (grid) => latest.current.props.onSelectGrid(grid),
      onEachPath: (grid, path) => {
        layers.set(grid.code, path);
        path.on("mouseover", () => {
          latest.current.hoveredCode = grid.code;
          path.setStyle(styleOf(grid)).bringToFront();
        });
        path.on("mouseout", () => {
          latest.current.hoveredCode = null;
          path.setStyle(styleOf(grid));
        });
      },
    }).addTo(map);

    const frame = requestAnimationFrame(() => {
      window.__minhuMapRenderMs = Math.round(performance.now() - grids.receivedAt);
      container.dataset.gridCount = String(layers.size);
      latest.current.props.onRendered(layers.size);
    });
    return () => {
      cancelAnimationFrame(frame);
      geoJson.remove();
      layers.clear();
      delete container.dataset.gridCount;
    };
  }, [map, grids, colorByStreet]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new map or grid layer must get the selection style again.
  useEffect(() => {
    if (!selectedCode) return;
    const layer = layersRef.current.get(selectedCode);
    const feature = (layer as L.Polygon | undefined)?.feature as GridFeature | undefined;
    if (!layer || !feature) return;
    layer.setStyle(
      gridStyle(colorByStreet.get(feature.properties.streetCode), { hovered: false, selected: true }),
    );
    layer.bringToFront();
    return () => {
      layer.setStyle(
        gridStyle(colorByStreet.get(feature.properties.streetCode), {
          hovered: latest.current.hoveredCode === feature.properties.code,
          selected: false,
        }),
      );
    };
  }, [selectedCode, colorByStreet, map, grids]);

  useEffect(() => {
    if (!map) return;
    const animate = fittedGridsRef.current === grids;
    fittedGridsRef.current = grids;
    const matching = focusCode
      ? grids.collection.features.filter((feature) => featureMatches(feature, focusCode))
      : [];
    const bounds = L.geoJSON(matching.length > 0 ? matching : grids.collection.features).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { ...FIT_OPTIONS, animate });
  }, [map, grids, focusCode]);

  return (
    <section ref={containerRef} className="grid-map" aria-label={t("regions.map")} data-testid="grid-map" />
  );
}
