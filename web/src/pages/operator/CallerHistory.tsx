import { Button, Empty, Pagination, Skeleton, Typography } from "antd";
import { useEffect, useState } from "react";
import { formatShort, type Order, OrderStateTag, ordersApi } from "../../components/orders";
import { useDebouncedValue } from "../../components/orders/intake";
import { useT } from "../../i18n/context";

/** Shown before "show all": the newest few, so a repeat caller's history never pushes the rest down. */
const COLLAPSED = 3;
const PAGE_SIZE = 5;

/**
 * 来电历史: earlier demands from the same phone (GET /api/callers/orders), looked up as the number is
 * typed; the newest three, then paged five at a time on request.
 */
export function CallerHistory({ phone, onOpen }: { phone: string; onOpen: (order: Order) => void }) {
  const t = useT();
  const debounced = useDebouncedValue(phone, 350);
  const [state, setState] = useState<{ items: Order[] | null; loading: boolean; error: string | null }>({
    items: null,
    loading: false,
    error: null,
  });
  const [expanded, setExpanded] = useState(false);
  const [page, setPage] = useState(1);

  useEffect(() => {
    if (!debounced) {
      setState({ items: null, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    ordersApi.callerOrders(debounced, controller.signal).then(
      ({ items }) => setState({ items, loading: false, error: null }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setState({
          items: null,
          loading: false,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => controller.abort();
  }, [debounced]);

  if (!debounced) return <span className="muted">{t("operator.caller.hint")}</span>;
  if (state.loading && !state.items) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (state.error) return <Typography.Text type="danger">{state.error}</Typography.Text>;
  if (!state.items || state.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("operator.caller.none")} />;
  }
  return (
    <div className="caller-history" data-testid="caller-history" data-count={state.items.length}>
      <div className="muted caller-history__count">
        {t("operator.caller.count", { n: state.items.length })}
      </div>
      {(expanded
        ? state.items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
        : state.items.slice(0, COLLAPSED)
      ).map((order) => (
        <button type="button" key={order.id} className="caller-history__item" onClick={() => onOpen(order)}>
          <span className="caller-history__top">
            <strong>{order.orderNo}</strong> <OrderStateTag state={order.state} />
            <span className="muted">{formatShort(order.createdAt)}</span>
          </span>
          <span className="caller-history__title">{order.title}</span>
        </button>
      ))}
      {!expanded && state.items.length > COLLAPSED && (
        <Button size="small" type="link" onClick={() => setExpanded(true)} data-testid="caller-history-all">
          {t("operator.caller.showAll", { n: state.items.length })}
        </Button>
      )}
      {expanded && state.items.length > PAGE_SIZE && (
        <Pagination
          size="small"
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={state.items.length}
          onChange={setPage}
        />
      )}
    </div>
  );
}
