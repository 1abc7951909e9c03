import { useMemo } from "react";
import type { GridFeature } from "../../api/types";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { OPEN_STATES, type Order, ordersApi } from "../../components/orders";
import { useGridData } from "../../hooks/useGridData";

/** The grid worker's grid polygon(s): GET /api/grids answers with the caller's jurisdiction. */
export function useMyGrid(): {
  grids: GridFeature[] | undefined;
  mine: GridFeature | undefined;
  receivedAt: number | undefined;
  error: Error | undefined;
} {
  const me = useMe();
  const data = useGridData();
  const grids = data.data?.collection.features;
  const mine = useMemo(
    () => grids?.find((feature) => feature.properties.code === me.regionCode) ?? grids?.[0],
    [grids, me.regionCode],
  );
  return { grids, mine, receivedAt: data.data?.receivedAt, error: data.error };
}

/** Open orders in the worker's grid, soonest deadline first (those without a clock last). */
export function useOpenOrders(pageSize = 100) {
  return useRequest(
    (signal) =>
      ordersApi.list({ state: OPEN_STATES, sort: "handling_due_at", order: "asc", pageSize }, signal),
    [pageSize],
  );
}

/** Still waiting for the grid (to accept, solve, escalate or verify), as opposed to with a unit. */
export function needsGrid(order: Order): boolean {
  return order.actions.length > 0;
}
