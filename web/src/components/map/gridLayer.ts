import type { FeatureCollection } from "geojson";
import * as L from "leaflet";
import type { GridFeature, GridProperties } from "../../api/types";
import "./map.css";

export interface GridLayerOptions {
  style: (grid: GridProperties) => L.PathOptions;
  /** The hover text; `name · community` by default. Lines break at `\n`. */
  tooltip?: (grid: GridProperties) => string;
  onClick?: (grid: GridProperties) => void;
  /** Called for each polygon drawn (hover styling, a registry by grid code). */
  onEachPath?: (grid: GridProperties, path: L.Path) => void;
  /** False for a map used to pick a point: no tooltips, clicks go to the map. */
  interactive?: boolean;
}

/**
 * Text as a DOM node, so grid names are never read as HTML. Its own width (map.css): a Leaflet
 * tooltip sits in a pane of no width, where wrapping text would shrink to one character a line.
 */
export function textElement(text: string): HTMLElement {
  const element = document.createElement("span");
  element.className = "map-tooltip";
  element.textContent = text;
  return element;
}

const defaultTooltip = (grid: GridProperties) => `${grid.name} · ${grid.communityName}`;

export function gridCollection(features: readonly GridFeature[]): FeatureCollection {
  return { type: "FeatureCollection", features: features as GridFeature[] };
}

/**
 * The grid polygons as one Leaflet layer (not yet added to a map): styled, with a tooltip and a
 * click per grid. Every map of the app draws its grids through this.
 */
export function gridLayer(
  features: readonly GridFeature[],
  options: GridLayerOptions,
): L.GeoJSON<GridProperties> {
  const { interactive = true } = options;
  const tooltip = options.tooltip ?? defaultTooltip;
  return L.geoJSON<GridProperties>(gridCollection(features), {
    interactive,
    style: (feature) => (feature ? options.style(feature.properties) : {}),
    onEachFeature: (feature, layer) => {
      const path = layer as L.Path;
      const { properties } = feature;
      options.onEachPath?.(properties, path);
      if (!interactive) return;
      path.bindTooltip(() => textElement(tooltip(properties)), { sticky: true, direction: "top" });
      if (options.onClick) {
        const onClick = options.onClick;
        path.on("click", () => onClick(properties));
      }
    },
  });
}
