import { useCallback } from "react";
import { useSearchParams } from "react-router-dom";

const ORDER_ID = /^[0-9]{1,18}$/;

/**
 * The order open in a page's drawer, kept in the address (`?order=<id>`): a notification's link
 * opens it, and the back button or a shared address shows the same order.
 */
export function useOrderParam(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get("order");
  const openId = value && ORDER_ID.test(value) ? value : null;
  const setOpenId = useCallback(
    (id: string | null) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (id) next.set("order", id);
          else next.delete("order");
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [openId, setOpenId];
}
