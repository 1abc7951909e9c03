import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { GridFeature, GridProperties } from "../../api/types";
import { useT } from "../../i18n/context";
import { gridStyle } from "../../pages/regions/gridStyles";
import { useMapConfig } from "../../pages/regions/useGridData";
import "./map.css";

declare global {
  interface Window {
    /** Milliseconds from the map's data arriving to its polygons drawn; read by the browser tests. */
    __minhuMapRenderMs?: number;
  }
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** A point drawn on the map (an order, a report): a coloured dot with a tooltip. */
export interface MapMarker extends LatLng {
  id: string;
  color?: string;
  title?: string;
  onClick?: () => void;
}

export interface MapViewProps {
  /** Grid polygons to draw (WGS-84, from GET /api/grids). */
  grids?: readonly GridFeature[];
  /** Style of one grid; defaults to a calm blue. */
  styleGrid?: (grid: GridProperties) => L.PathOptions;
  /** Makes the grids clickable. */
  onGridClick?: (grid: GridProperties) => void;
  /** A boundary drawn under everything (the district outline for residents, who get no grids). */
  outline?: Polygon | MultiPolygon;
  markers?: readonly MapMarker[];
  /** The picked point, drawn as a pin. */
  point?: LatLng | null;
  /** Taps and clicks anywhere on the map (grids are not interactive while this is set). */
  onMapClick?: (point: LatLng) => void;
  /** Pan to this point (e.g. after "use my location"); a new object pans again. */
  focus?: (LatLng & { zoom?: number }) | null;
  /** `performance.now()` when the map's data arrived, for the render time the tests print. */
  receivedAt?: number;
  className?: string;
  label?: string;
  testId?: string;
  /** Overlays positioned over the map (buttons, legends). */
  children?: ReactNode;
}

const DEFAULT_CENTER: L.LatLngTuple = [34.25, 108.955];
const FIT: L.FitBoundsOptions = { padding: [16, 16], maxZoom: 17 };
const DEFAULT_GRID_STYLE: L.PathOptions = gridStyle("#2f6fd6", { hovered: false, selected: false });

function textElement(text: string): HTMLElement {
  const element = document.createElement("span");
  element.textContent = text;
  return element;
}

const pinIcon = L.divIcon({
  className: "map-view__pin",
  html: '<span class="map-view__pin-head"></span>',
  iconSize: [26, 34],
  iconAnchor: [13, 32],
});

/**
 * A Leaflet map built from the regions page's pieces (canvas renderer, optional tile layer from
 * /api/config, the grid style): grid polygons, an outline, order markers, a picked point. Sets
 * `data-rendered` on its container and `window.__minhuMapRenderMs` once the polygons are drawn.
 */
export function MapView(props: MapViewProps) {
  const { grids, outline, markers, point, focus, className, testId, children } = props;
  const t = useT();
  const config = useMapConfig();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const fittedRef = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = L.map(container, {
      preferCanvas: true,
      zoomSnap: 0.25,
      zoomAnimation: false,
      attributionControl: false,
      tapTolerance: 20,
    });
    created.setView(DEFAULT_CENTER, 13);
    created.on("click", (event: L.LeafletMouseEvent) => {
      latest.current.onMapClick?.({ lat: event.latlng.lat, lng: event.latlng.lng });
    });
    const resizeObserver = new ResizeObserver(() => created.invalidateSize());
    resizeObserver.observe(container);
    setMap(created);
    return () => {
      resizeObserver.disconnect();
      created.remove();
      fittedRef.current = false;
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map || !config.tileUrl) return;
    const tiles = L.tileLayer(config.tileUrl, {
      attribution: config.tileAttribution ?? undefined,
      maxZoom: 19,
    });
    tiles.addTo(map);
    const attribution = config.tileAttribution ? L.control.attribution({ prefix: false }).addTo(map) : null;
    return () => {
      tiles.remove();
      attribution?.remove();
    };
  }, [map, config.tileUrl, config.tileAttribution]);

  const pickMode = Boolean(props.onMapClick);
  useEffect(() => {
    const container = containerRef.current;
    if (!map || !container) return;
    const started = latest.current.receivedAt ?? performance.now();
    const layers: L.Layer[] = [];
    if (outline) {
      layers.push(
        L.geoJSON(outline, {
          interactive: false,
          style: {
            color: "#1e5bb8",
            weight: 2,
            opacity: 0.9,
            fillColor: "#1e5bb8",
            fillOpacity: 0.06,
            dashArray: "6 4",
          },
        }).addTo(map),
      );
    }
    if (grids && grids.length > 0) {
      const styleOf = (properties: GridProperties) =>
        latest.current.styleGrid?.(properties) ?? DEFAULT_GRID_STYLE;
      const clickable = !pickMode && Boolean(latest.current.onGridClick);
      const collection: FeatureCollection = { type: "FeatureCollection", features: grids as GridFeature[] };
      const layer = L.geoJSON<GridProperties>(collection, {
        interactive: !pickMode,
        style: (feature) => (feature ? styleOf(feature.properties) : {}),
        onEachFeature: (feature, path) => {
          if (pickMode) return;
          const { properties } = feature;
          path.bindTooltip(() => textElement(`${properties.name} · ${properties.communityName}`), {
            sticky: true,
            direction: "top",
          });
          if (clickable) path.on("click", () => latest.current.onGridClick?.(properties));
        },
      }).addTo(map);
      layers.push(layer);
    }
    if (!fittedRef.current) {
      const target =
        grids && grids.length > 0
          ? L.geoJSON({ type: "FeatureCollection", features: grids as GridFeature[] } as FeatureCollection)
          : outline
            ? L.geoJSON(outline)
            : null;
      const bounds = target?.getBounds();
      if (bounds?.isValid()) {
        map.fitBounds(bounds, { ...FIT, animate: false });
        fittedRef.current = true;
      }
    }
    const frame = requestAnimationFrame(() => {
      if (!grids && !outline) return;
      window.__minhuMapRenderMs = Math.round(performance.now() - started);
      container.dataset.rendered = "true";
      container.dataset.gridCount = String(grids?.length ?? 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      for (const layer of layers) layer.remove();
      delete container.dataset.rendered;
    };
  }, [map, grids, outline, pickMode]);

  useEffect(() => {
    if (!map || !markers || markers.length === 0) return;
    const group = L.layerGroup(
      markers.map((marker) => {
        const dot = L.circleMarker([marker.lat, marker.lng], {
          radius: 8,
          color: "#ffffff",
          weight: 2,
          fillColor: marker.color ?? "#1e5bb8",
          fillOpacity: 0.95,
          interactive: Boolean(marker.onClick || marker.title),
        });
        if (marker.title) dot.bindTooltip(textElement(marker.title), { direction: "top" });
        if (marker.onClick)
          dot.on("click", (event) => {
            L.DomEvent.stopPropagation(event);
            marker.onClick?.();
          });
        return dot;
      }),
    ).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, markers]);

  useEffect(() => {
    if (!map || !point) return;
    const pin = L.marker([point.lat, point.lng], {
      icon: pinIcon,
      interactive: false,
      keyboard: false,
    }).addTo(map);
    return () => {
      pin.remove();
    };
  }, [map, point]);

  useEffect(() => {
    if (!map || !focus) return;
    map.setView([focus.lat, focus.lng], focus.zoom ?? Math.max(map.getZoom(), 16), { animate: false });
    fittedRef.current = true;
  }, [map, focus]);

  return (
    <div className={`map-view${className ? ` ${className}` : ""}`}>
      <div
        ref={containerRef}
        className={`map-view__canvas${pickMode ? " map-view__canvas--pick" : ""}`}
        role="application"
        aria-label={props.label ?? t("map.label")}
        data-testid={testId ?? "map-view"}
      />
      {children}
    </div>
  );
}
