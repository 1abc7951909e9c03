import { useEffect, useState } from "react";
import { ordersApi } from "./api";
import type { Unit } from "./types";

let cached: Promise<Unit[]> | null = null;

/** The units the signed-in user may dispatch to, fetched once per page load (again after a failure). */
export function loadUnits(): Promise<Unit[]> {
  cached ??= ordersApi.units().then(
    (page) => page.items,
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

export function useUnits(): { units: Unit[]; loading: boolean; error: Error | null } {
  const [state, setState] = useState<{ units: Unit[]; loading: boolean; error: Error | null }>({
    units: [],
    loading: true,
    error: null,
  });
  useEffect(() => {
    let live = true;
    loadUnits().then(
      (units) => live && setState({ units, loading: false, error: null }),
      (error: unknown) =>
        live &&
        setState({
          units: [],
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
