import { useMemo } from "react";
import { api } from "../../api/endpoints";
import { useRequest } from "../../api/useRequest";

/**
 * The communities of the administrator's jurisdiction (as GET /api/regions scopes them) under their
 * streets, for a picker where checking a street checks its communities.
 */
export function useCommunityTree() {
  const regions = useRequest(
    (signal) =>
      Promise.all([api.regions({ level: "street" }, signal), api.regions({ level: "community" }, signal)]),
    [],
  );
  const tree = useMemo(() => {
    const [streets, communities] = regions.data ?? [{ items: [] }, { items: [] }];
    return streets.items.map((street) => ({
      value: street.code,
      title: street.name,
      children: communities.items
        .filter((c) => c.parentCode === street.code)
        .map((c) => ({ value: c.code, title: c.name })),
    }));
  }, [regions.data]);
  const names = useMemo(
    () => new Map((regions.data?.[1].items ?? []).map((c) => [c.code, c.name] as const)),
    [regions.data],
  );
  return { tree, names, loading: regions.loading };
}
