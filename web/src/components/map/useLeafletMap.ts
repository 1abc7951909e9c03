import * as L from "leaflet";
import "leaflet/dist/leaflet.css";
import { type RefObject, useEffect, useState } from "react";
import { useMapConfig } from "../../hooks/useGridData";
import { alignGcj02Tiles } from "./tileDatum";

export interface LeafletMapOptions {
  /** Off for maps inside a scrolling page (the dashboard's), where the wheel should scroll the page. */
  scrollWheelZoom?: boolean;
}

const DEFAULT_CENTER: L.LatLngTuple = [34.25, 108.955];

/**
 * The one Leaflet set-up of the app: a canvas renderer (thousands of grid polygons), quarter zoom
 * steps, the optional tile layer of /api/config (with its attribution), a size that follows the
 * container. Zoom animation is off: Leaflet drops a fitBounds that arrives while a zoom animation
 * runs, which left maps stuck when selections came in quick succession. Null until the map exists.
 */
export function useLeafletMap(
  containerRef: RefObject<HTMLElement | null>,
  { scrollWheelZoom = true }: LeafletMapOptions = {},
): L.Map | null {
  const config = useMapConfig();
  const [map, setMap] = useState<L.Map | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per container; options are read then.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = L.map(container, {
      preferCanvas: true,
      zoomSnap: 0.25,
      zoomAnimation: false,
      attributionControl: false,
      tapTolerance: 20,
      scrollWheelZoom,
    });
    created.setView(DEFAULT_CENTER, 13);
    const resizeObserver = new ResizeObserver(() => created.invalidateSize());
    resizeObserver.observe(container);
    setMap(created);
    return () => {
      resizeObserver.disconnect();
      created.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map || !config.tileUrl) return;
    const tiles = L.tileLayer(config.tileUrl, {
      attribution: config.tileAttribution ?? undefined,
      maxZoom: 19,
    }).addTo(map);
    const unalign = config.tileCrs === "gcj02" ? alignGcj02Tiles(map) : null;
    const attribution = config.tileAttribution ? L.control.attribution({ prefix: false }).addTo(map) : null;
    return () => {
      tiles.remove();
      unalign?.();
      attribution?.remove();
    };
  }, [map, config.tileUrl, config.tileAttribution, config.tileCrs]);

  return map;
}
