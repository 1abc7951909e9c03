import { useCallback, useEffect, useRef, useState } from "react";

import { type Order, type OrderQuery, ordersApi } from "../components/orders";

export interface OrderListState {
  items: Order[];
  total: number;
  loading: boolean;
  error: Error | null;
  page: number;
  pageSize: number;
  sort?: OrderQuery["sort"];
  order?: OrderQuery["order"];
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: OrderQuery["sort"] | undefined, order: OrderQuery["order"] | undefined) => void;
  /** Refetch without the loading spinner (live updates must not flicker). */
  refresh: () => void;
}

/**
 * A server-paged, server-sorted order list for `query`. Changing the query (filters, tab) goes back
 * to page 1; `refresh()` refetches quietly, keeping the rows on screen until the new ones arrive.
 */
export function useOrderList(
  query: OrderQuery,
  defaults: { sort?: OrderQuery["sort"]; order?: OrderQuery["order"]; pageSize?: number } = {},
): OrderListState {
  const queryKey = JSON.stringify(query);
  const [paging, setPaging] = useState({ page: 1, pageSize: defaults.pageSize ?? 20 });
  const [sorting, setSorting] = useState<{ sort?: OrderQuery["sort"]; order?: OrderQuery["order"] }>({
    sort: defaults.sort,
    order: defaults.order,
  });
  const [data, setData] = useState<{ items: Order[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const [tick, setTick] = useState(0);
  const quiet = useRef(false);
  const lastKey = useRef(queryKey);

  // A new query starts at page 1.
  if (lastKey.current !== queryKey) {
    lastKey.current = queryKey;
    if (paging.page !== 1) setPaging((current) => ({ ...current, page: 1 }));
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query; tick re-runs on refresh().
  useEffect(() => {
    const controller = new AbortController();
    if (!quiet.current) setLoading(true);
    quiet.current = false;
    ordersApi
      .list(
        {
          ...query,
          sort: sorting.sort ?? query.sort,
          order: sorting.order ?? query.order,
          page: paging.page,
          pageSize: paging.pageSize,
        },
        controller.signal,
      )
      .then(
        (page) => {
          setData({ items: page.items, total: page.total });
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setError(failure instanceof Error ? failure : new Error(String(failure)));
          setLoading(false);
        },
      );
    return () => controller.abort();
  }, [queryKey, paging.page, paging.pageSize, sorting.sort, sorting.order, tick]);

  const refresh = useCallback(() => {
    quiet.current = true;
    setTick((value) => value + 1);
  }, []);
  const setPage = useCallback((page: number, pageSize: number) => setPaging({ page, pageSize }), []);
  const setSort = useCallback(
    (sort: OrderQuery["sort"] | undefined, order: OrderQuery["order"] | undefined) => {
      setSorting({ sort, order });
      setPaging((current) => ({ ...current, page: 1 }));
    },
    [],
  );

  return {
    ...data,
    loading,
    error,
    page: paging.page,
    pageSize: paging.pageSize,
    sort: sorting.sort ?? query.sort,
    order: sorting.order ?? query.order,
    setPage,
    setSort,
    refresh,
  };
}

/** Order numbers that arrived through the live stream, highlighted for a few seconds. */
export function useFreshOrders(holdMs = 6000): {
  fresh: ReadonlySet<string>;
  mark: (orderNo: string) => void;
} {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef<number[]>([]);
  useEffect(
    () => () => {
      for (const timer of timers.current) window.clearTimeout(timer);
    },
    [],
  );
  const mark = useCallback(
    (orderNo: string) => {
      setFresh((current) => new Set(current).add(orderNo));
      timers.current.push(
        window.setTimeout(() => {
          setFresh((current) => {
            const next = new Set(current);
            next.delete(orderNo);
            return next;
          });
        }, holdMs),
      );
    },
    [holdMs],
  );
  return { fresh, mark };
}
