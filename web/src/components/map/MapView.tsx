import type { MultiPolygon, Polygon } from "geojson";
import * as L from "leaflet";
import { type ReactNode, useEffect, useRef } from "react";
import type { GridFeature, GridProperties } from "../../api/types";
import { useT } from "../../i18n/context";
import { gridCollection, gridLayer, textElement } from "./gridLayer";
import { gridStyle } from "./gridStyles";
import "./map.css";
import { usePlaceLabels } from "../places/usePlaceLabels";
import { useLeafletMap } from "./useLeafletMap";

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
  /** Names from the gazetteer (communities, landmarks; grids and compounds zoomed in), for signed-in users. */
  placeLabels?: boolean;
}

const FIT: L.FitBoundsOptions = { padding: [16, 16], maxZoom: 17 };
const DEFAULT_GRID_STYLE: L.PathOptions = gridStyle("#2f6fd6", { hovered: false, selected: false });

const pinIcon = L.divIcon({
  className: "map-view__pin",
  html: '<span class="map-view__pin-head"></span>',
  iconSize: [26, 34],
  iconAnchor: [13, 32],
});

/**
 * A map (the app's one Leaflet set-up and grid layer) with grid polygons, an outline, order markers,
 * a picked point. Sets `data-rendered` on its container and `window.__minhuMapRenderMs` once the
 * polygons are drawn.
 */
export function MapView(props: MapViewProps) {
  const { grids, outline, markers, point, focus, className, testId, children } = props;
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const map = useLeafletMap(containerRef);
  const fittedRef = useRef(false);
  /** The first fit was to the district outline only: the grids, arriving later, take its place. */
  const outlineFitRef = useRef(false);
  /** The area the map fitted itself to, until the user moves it: refitted when the map is resized. */
  const autoFitRef = useRef<L.LatLngBounds | null>(null);
  const latest = useRef(props);
  latest.current = props;
  usePlaceLabels(map, props.placeLabels ?? false);

  // A map laid out after its first fit (a card that grows, a page that settles) would keep the old
  // top-left corner and show a sliver of its area: fit again until the user moves it.
  useEffect(() => {
    if (!map) return;
    const refit = () => {
      if (autoFitRef.current) map.fitBounds(autoFitRef.current, { ...FIT, animate: false });
    };
    const userMoved = () => {
      autoFitRef.current = null;
    };
    map.on("resize", refit);
    map.on("dragstart", userMoved);
    return () => {
      map.off("resize", refit);
      map.off("dragstart", userMoved);
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: L.LeafletMouseEvent) => {
      latest.current.onMapClick?.({ lat: event.latlng.lat, lng: event.latlng.lng });
    };
    map.on("click", onClick);
    return () => {
      map.off("click", onClick);
      fittedRef.current = false;
    };
  }, [map]);

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
      const clickable = !pickMode && Boolean(latest.current.onGridClick);
      const layer = gridLayer(grids, {
        interactive: !pickMode,
        style: (grid) => latest.current.styleGrid?.(grid) ?? DEFAULT_GRID_STYLE,
        onClick: clickable ? (grid) => latest.current.onGridClick?.(grid) : undefined,
      }).addTo(map);
      layers.push(layer);
    }
    const hasGrids = Boolean(grids && grids.length > 0);
    if (!fittedRef.current || (hasGrids && outlineFitRef.current && autoFitRef.current)) {
      const target = hasGrids ? L.geoJSON(gridCollection(grids ?? [])) : outline ? L.geoJSON(outline) : null;
      const bounds = target?.getBounds();
      if (bounds?.isValid()) {
        map.fitBounds(bounds, { ...FIT, animate: false });
        fittedRef.current = true;
        outlineFitRef.current = !hasGrids;
        autoFitRef.current = bounds;
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
    autoFitRef.current = null;
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
