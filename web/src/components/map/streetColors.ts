import type { GridFeature } from "../../api/types";

/** Eight calm but clearly distinct hues, one per street of the district. */
const STREET_PALETTE = [
  "#2f6fd6",
  "#1f9d7a",
  "#e08a1e",
  "#c8463d",
  "#7b5cc9",
  "#1597b8",
  "#c2458f",
  "#6f9a2b",
] as const;

export interface StreetSwatch {
  code: string;
  name: string;
  color: string;
}

/** Streets present in `features`, ordered by code, each with its palette colour. */
export function streetSwatches(features: readonly GridFeature[]): StreetSwatch[] {
  const names = new Map<string, string>();
  for (const { properties } of features) names.set(properties.streetCode, properties.streetName);
  return [...names.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name], index) => ({ code, name, color: STREET_PALETTE[index % STREET_PALETTE.length] }));
}
