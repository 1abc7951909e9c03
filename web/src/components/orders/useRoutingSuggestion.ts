import { useEffect, useState } from "react";
import { ApiError } from "../../api/client";
import { ordersApi } from "./api";
import type { RoutingSuggestion } from "./types";

/** Set after the first 404: the server has no routing endpoint yet, so stop asking (and logging 404s). */
let endpointMissing = false;

export interface NormalisedRoute {
  handlingLevel: RoutingSuggestion["handlingLevel"] | null;
  /** The level that would hold the order here (one up when the place has no region at the route's level). */
  holderLevel: RoutingSuggestion["handlingLevel"] | null;
  holderName: string | null;
  unitId: number | null;
  unitName: string | null;
  assistingUnitIds: number[];
}

/** Accepts the few plausible shapes of GET /api/routing/suggest (it is being written alongside). */
export function normaliseRoute(raw: unknown): NormalisedRoute | null {
  if (!raw || typeof raw !== "object") return null;
  const outer = raw as Record<string, unknown>;
  const route = (outer.route && typeof outer.route === "object" ? outer.route : outer) as Record<
    string,
    unknown
  >;
  const unit = (route.unit ?? route.mainUnit) as { id?: unknown; name?: unknown } | null | undefined;
  const holder = route.holder as { name?: unknown; level?: unknown } | null | undefined;
  const numberOrNull = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) ? value : null;
  const assisting = Array.isArray(route.assistingUnitIds)
    ? route.assistingUnitIds
    : Array.isArray(route.assistingUnits)
      ? (route.assistingUnits as Array<{ id?: unknown }>).map((u) => u.id)
      : [];
  return {
    handlingLevel: (route.handlingLevel as NormalisedRoute["handlingLevel"]) ?? null,
    holderLevel:
      (holder?.level as NormalisedRoute["holderLevel"] | undefined) ??
      (route.handlingLevel as NormalisedRoute["handlingLevel"]) ??
      null,
    holderName:
      typeof route.holderName === "string"
        ? route.holderName
        : typeof holder?.name === "string"
          ? holder.name
          : null,
    unitId: numberOrNull(route.unitId) ?? numberOrNull(route.mainUnitId) ?? numberOrNull(unit?.id),
    unitName:
      typeof route.unitName === "string" ? route.unitName : typeof unit?.name === "string" ? unit.name : null,
    assistingUnitIds: assisting.filter((id): id is number => typeof id === "number"),
  };
}

/**
 * The dispatch catalogue's suggestion (GET /api/routing/suggest) for a category in a region;
 * `undefined` while loading, `null` when there is none or the server lacks the endpoint.
 */
export function useRoutingSuggestion(category: string | null | undefined, region: string | null | undefined) {
  const [route, setRoute] = useState<NormalisedRoute | null | undefined>(undefined);
  useEffect(() => {
    if (!category || !region || endpointMissing) {
      setRoute(null);
      return;
    }
    const controller = new AbortController();
    setRoute(undefined);
    ordersApi.routingSuggest(category, region, controller.signal).then(
      (raw) => setRoute(normaliseRoute(raw)),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) endpointMissing = true;
        setRoute(null);
      },
    );
    return () => controller.abort();
  }, [category, region]);
  return route;
}
