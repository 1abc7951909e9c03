import { api } from "../api/endpoints";
import type { AppConfig, GridCollection } from "../api/types";
import { useRequest } from "../api/useRequest";

export interface LoadedGrids {
  collection: GridCollection;
  /** `performance.now()` when the GeoJSON had arrived and been parsed. */
  receivedAt: number;
}

export function useGridData() {
  return useRequest<LoadedGrids>(async (signal) => {
    const collection = await api.grids(undefined, signal);
    return { collection, receivedAt: performance.now() };
  }, []);
}

const NO_TILES: AppConfig = { tileUrl: null, tileAttribution: null, tileCrs: "wgs84", districtName: "" };

/** The public map config; a failure only means "no tile layer", never a broken page. */
export function useMapConfig(): AppConfig {
  const { data } = useRequest((signal) => api.config(signal).catch(() => NO_TILES), []);
  return data ?? NO_TILES;
}
