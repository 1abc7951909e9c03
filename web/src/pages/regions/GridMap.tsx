import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef, useState } from "react";
import type { GridFeature, GridProperties } from "../../api/types";
import { useT } from "../../i18n/context";
import { gridStyle } from "./gridStyles";
import type { LoadedGrids } from "./useGridData";

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
  tileUrl: string | null;
  tileAttribution: string | null;
  onSelectGrid: (grid: GridProperties) => void;
  onRendered: (polygonCount: number) => void;
}

const FIT_OPTIONS: L.FitBoundsOptions = { padding: [16, 16], maxZoom: 17 };
const DEFAULT_CENTER: L.LatLngTuple = [34.25, 108.96];

function textElement(text: string): HTMLElement {
  const element = document.createElement("span");
  element.textContent = text;
  return element;
}

function featureMatches({ properties }: GridFeature, code: string): boolean {
  return properties.code === code || properties.communityCode === code || properties.streetCode === code;
}

export function GridMap(props: GridMapProps) {
  const { grids, colorByStreet, selectedCode, focusCode, tileUrl, tileAttribution } = props;
  const t = useT();
  const containerRef = useRef<HTMLElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const layersRef = useRef(new Map<string, L.Path>());
  const fittedGridsRef = useRef<LoadedGrids | null>(null);
  const latest = useRef({ props, hoveredCode: null as string | null });
  latest.current.props = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Zoom animation is off: Leaflet drops a fitBounds that arrives while a zoom animation runs, which
    // left the map stuck when tree selections came in quick succession.
    const created = L.map(container, {
      preferCanvas: true,
      zoomSnap: 0.25,
      zoomAnimation: false,
      attributionControl: false,
    });
    created.setView(DEFAULT_CENTER, 13);
    const resizeObserver = new ResizeObserver(() => created.invalidateSize());
    resizeObserver.observe(container);
    setMap(created);
    return () => {
      resizeObserver.disconnect();
      created.remove();
      fittedGridsRef.current = null;
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map || !tileUrl) return;
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution ?? undefined, maxZoom: 19 }).addTo(map);
    const attribution = tileAttribution ? L.control.attribution({ prefix: false }).addTo(map) : null;
    return () => {
      tiles.remove();
      attribution?.remove();
    };
  }, [map, tileUrl, tileAttribution]);

  useEffect(() => {
    const container = containerRef.current;
    if (!map || !container) return;
    const layers = layersRef.current;
    const styleOf = (properties: GridProperties) =>
      gridStyle(colorByStreet.get(properties.streetCode), {
        hovered: latest.current.hoveredCode === properties.code,
        selected: latest.current.props.selectedCode === properties.code,
      });

    const geoJson = L.geoJSON<GridProperties>(grids.collection, {
      style: (feature) => (feature ? styleOf(feature.properties) : {}),
      onEachFeature: (feature, layer) => {
        const path = layer as L.Path;
        const { properties } = feature;
        layers.set(properties.code, path);
        path.bindTooltip(() => textElement(`${properties.name} · ${properties.communityName}`), {
          sticky: true,
          direction: "top",
        });
        path.on("mouseover", () => {
          latest.current.hoveredCode = properties.code;
          path.setStyle(styleOf(properties)).bringToFront();
        });
        path.on("mouseout", () => {
          latest.current.hoveredCode = null;
          path.setStyle(styleOf(properties));
        });
        path.on("click", () => latest.current.props.onSelectGrid(properties));
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
