import type { OrderListState } from "../../hooks/useOrderList";
import { useT } from "../../i18n/context";
import { LoadErrorAlert } from "../ErrorState";
import { OrderTable, type OrderTableProps } from "./OrderTable";

type ListProps = "items" | "total" | "loading" | "page" | "pageSize" | "sort" | "order" | "onPage" | "onSort";

/** A server-paged order list: the table fed by `useOrderList`, with its load error and a retry. */
export function OrderListTable({
  list,
  ...table
}: Omit<OrderTableProps, ListProps> & { list: OrderListState }) {
  const _t = useT();
  return (
    <>
      {list.error && <LoadErrorAlert error={list.error} onRetry={list.refresh} />}
      <OrderTable
        {...table}
        items={list.items}
        total={list.total}
        loading={list.loading}
        page={list.page}
        pageSize={list.pageSize}
        sort={list.sort}
        order={list.order}
        onPage={list.setPage}
        onSort={list.setSort}
      />
    </>
  );
}
