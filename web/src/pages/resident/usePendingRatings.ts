import { useCallback, useEffect, useState } from "react";
import { type Order, ordersApi } from "../../components/orders";

export interface PendingRating {
  order: Order;
  token: string;
}

/**
 * The resident's orders waiting for their rating (一事一评): those whose return visit is open. The
 * list endpoint carries no visit token, so the few candidates (verified, or merged into one that is)
 * are read one by one.
 */
export function usePendingRatings(): { items: PendingRating[]; reload: () => void } {
  const [items, setItems] = useState<PendingRating[]>([]);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the lookup on reload().
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const page = await ordersApi.list({ state: ["verified", "merged"], pageSize: 20 }, controller.signal);
      const details = await Promise.all(
        page.items.map((order) => ordersApi.get(order.id, controller.signal)),
      );
      const pending = details.flatMap((detail) => {
        const visit = detail.visits.find((v) => v.state === "pending" && v.token);
        return visit?.token ? [{ order: detail as Order, token: visit.token }] : [];
      });
      if (!controller.signal.aborted) setItems(pending);
    })().catch(() => undefined);
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { items, reload };
}
