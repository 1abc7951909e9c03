import * as L from "leaflet";
import { useEffect } from "react";
import { type PlaceItem, type PlaceKind, placesApi } from "./api";
import "./places.css";

/** Below this zoom only communities and landmarks are named; grids and compounds would overlap. */
const DETAIL_ZOOM = 16;
const LABEL_KINDS: readonly PlaceKind[] = ["community", "grid", "compound", "landmark"];

/**
 * 地名标注 Names from the gazetteer on a map, so a map without tiles still reads as a place:
 * communities and landmarks always, grids and compounds when zoomed in. Reloaded for the visible
 * area after each move; drawn as text (not interactive), under any tile layer's attribution.
 */
export function usePlaceLabels(map: L.Map | null, enabled = true): void {
  useEffect(() => {
    if (!map || !enabled) return;
    const layer = L.layerGroup().addTo(map);
    let controller: AbortController | null = null;
    let items: PlaceItem[] = [];
    const draw = () => {
      layer.clearLayers();
      const detailed = map.getZoom() >= DETAIL_ZOOM;
      for (const item of items) {
        if (!detailed && (item.kind === "grid" || item.kind === "compound")) continue;
        const element = document.createElement("span");
        element.className = `map-place-label map-place-label--${item.kind}`;
        element.textContent = item.name;
        L.marker([item.lat, item.lng], {
          icon: L.divIcon({ className: "map-place-label-anchor", html: element, iconSize: undefined }),
          interactive: false,
          keyboard: false,
        }).addTo(layer);
      }
      map.getContainer().dataset.placeLabels = String(layer.getLayers().length);
    };
    const load = () => {
      controller?.abort();
      controller = new AbortController();
      const b = map.getBounds();
      const box: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      if (box[2] - box[0] > 0.5 || box[3] - box[1] > 0.5) return;
      const kinds = map.getZoom() >= DETAIL_ZOOM ? LABEL_KINDS : (["community", "landmark"] as const);
      placesApi.labels(box, kinds, controller.signal).then(
        (result) => {
          items = result.items;
          draw();
        },
        () => undefined,
      );
    };
    map.on("moveend", load);
    load();
    return () => {
      controller?.abort();
      map.off("moveend", load);
      layer.remove();
    };
  }, [map, enabled]);
}
