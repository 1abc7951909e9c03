import { apiRequest } from "../../api/client";

export type PlaceKind = "street" | "community" | "grid" | "compound" | "building" | "road" | "landmark";

export interface NamedRegion {
  code: string;
  name: string;
}

/** A gazetteer entry (GET /api/places/search, /labels), WGS-84. */
export interface PlaceItem {
  key: string;
  id: number | null;
  kind: PlaceKind;
  name: string;
  category: string | null;
  lng: number;
  lat: number;
  bbox: [number, number, number, number];
  grid: NamedRegion | null;
  community: NamedRegion | null;
  street: NamedRegion | null;
}

/** Where a written address was placed (GET /api/places/geocode). */
export interface Placement {
  normalized: string;
  precision: string;
  confidence: number;
  placed: boolean;
  point: { lng: number; lat: number } | null;
  grid: NamedRegion | null;
  community: NamedRegion | null;
  street: NamedRegion | null;
  alternatives: (NamedRegion & { share: number })[];
}

export const placesApi = {
  search: (q: string, signal?: AbortSignal) =>
    apiRequest<{ items: PlaceItem[]; placement: Placement }>(
      `/api/places/search?q=${encodeURIComponent(q)}&limit=8`,
      { signal },
    ),
  geocode: (address: string, signal?: AbortSignal) =>
    apiRequest<Placement>(`/api/places/geocode?address=${encodeURIComponent(address)}`, { signal }),
  labels: (bbox: [number, number, number, number], kinds: readonly PlaceKind[], signal?: AbortSignal) =>
    apiRequest<{ items: PlaceItem[] }>(
      `/api/places/labels?bbox=${bbox.map((n) => n.toFixed(6)).join(",")}&kinds=${kinds.join(",")}`,
      { signal },
    ),
};

/**
 * 选定地点 What a place field yields: a WGS-84 point to send (its grid is where it lies) or, for a
 * community or street named alone, only that region's code.
 */
export interface ChosenPlace {
  /** The text the caller's place is recorded under (the order's address). */
  label: string;
  point: { lng: number; lat: number } | null;
  regionCode: string;
  /** "街道 · 社区 · 网格" as far as known. */
  where: string;
  confidence: number | null;
}

export function chosenFromItem(item: PlaceItem): ChosenPlace {
  const regional = item.kind === "community" || item.kind === "street";
  return {
    label: item.name,
    point: regional ? null : { lng: item.lng, lat: item.lat },
    regionCode: item.grid?.code ?? item.community?.code ?? item.street?.code ?? "",
    where: whereOf(item),
    confidence: null,
  };
}

export function chosenFromPlacement(text: string, placement: Placement): ChosenPlace | null {
  if (!placement.placed || !placement.grid || !placement.point) return null;
  return {
    label: text.trim(),
    point: placement.point,
    regionCode: placement.grid.code,
    where: whereOf(placement),
    confidence: placement.confidence,
  };
}

function whereOf(place: Pick<PlaceItem, "grid" | "community" | "street">): string {
  return [place.street, place.community, place.grid]
    .filter((r): r is NamedRegion => r !== null)
    .map((r) => r.name)
    .join(" · ");
}
