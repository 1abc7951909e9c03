import type { PathOptions } from "leaflet";

const FALLBACK_FILL = "#8aa4c8";

export function gridStyle(
  fillColor: string | undefined,
  { hovered, selected }: { hovered: boolean; selected: boolean },
): PathOptions {
  if (selected) {
    return {
      color: "#0b1f3f",
      weight: 3,
      opacity: 1,
      fillColor: fillColor ?? FALLBACK_FILL,
      fillOpacity: 0.85,
    };
  }
  if (hovered) {
    return {
      color: "#0f2f5c",
      weight: 2,
      opacity: 1,
      fillColor: fillColor ?? FALLBACK_FILL,
      fillOpacity: 0.8,
    };
  }
  return {
    color: "#ffffff",
    weight: 1,
    opacity: 0.9,
    fillColor: fillColor ?? FALLBACK_FILL,
    fillOpacity: 0.55,
  };
}
