import { useMemo } from "react";
import type { GridFeature } from "../api/types";
import { useGridData } from "./useGridData";

export interface RegionChoice {
  code: string;
  name: string;
}

/**
 * The jurisdiction's grids (GET /api/grids) and the names of its communities and grids, for the
 * organisation tree, its forms and the grid map — one request for all three.
 */
export function useRegionNames() {
  const grids = useGridData();
  const features: readonly GridFeature[] = grids.data?.collection.features ?? [];
  return useMemo(() => {
    const names = new Map<string, string>();
    const communities = new Map<string, string>();
    for (const { properties: p } of features) {
      names.set(p.code, `${p.communityName} · ${p.name}`);
      names.set(p.communityCode, `${p.streetName} · ${p.communityName}`);
      communities.set(p.communityCode, `${p.streetName} · ${p.communityName}`);
    }
    const gridsOf = (community: string): RegionChoice[] =>
      features
        .filter((f) => f.properties.communityCode === community)
        .map((f) => ({ code: f.properties.code, name: f.properties.name }));
    return {
      grids,
      features,
      nameOf: (code: string) => names.get(code) ?? code,
      communities: [...communities].map(([code, name]) => ({ code, name })),
      gridsOf,
    };
  }, [grids, features]);
}
