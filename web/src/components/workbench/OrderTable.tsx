import { Empty, Grid, Table, type TableProps, Tag, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import type { HTMLAttributes, ReactNode } from "react";
import { useT } from "../../i18n/context";
import {
  type ActedOrder,
  DeadlineBadge,
  formatShort,
  OPEN_STATES,
  type Order,
  type OrderAction,
  OrderActionBar,
  type OrderQuery,
  OrderStateTag,
  placeOf,
} from "../orders";

export type OrderColumn =
  | "orderNo"
  | "title"
  | "subject"
  | "status"
  | "category"
  | "place"
  | "state"
  | "deadline"
  | "created"
  | "unit"
  | "urges"
  | "actions";

/** The marks a dispatcher must see beside the title: returned by a unit, extension asked, under 督办. */
function OrderFlags({ row }: { row: Order }) {
  const t = useT();
  return (
    <>
      {row.returnCount > 0 && row.state === "accepted" && (
        <Tag color="magenta" bordered={false}>
          {t("ops.returnedShort")}
        </Tag>
      )}
      {row.pendingExtension && (
        <Tag color="gold" bordered={false}>
          {t("ops.pendingExtensionShort")}
        </Tag>
      )}
      {row.supervisedAt && (
        <Tag color="volcano" bordered={false}>
          {t("ops.supervisedShort")}
        </Tag>
      )}
    </>
  );
}

/** A row with no button for me says whose move it is, so an open order never looks forgotten. */
function WhoActs({ row }: { row: Order }) {
  const t = useT();
  if (!OPEN_STATES.includes(row.state)) return null;
  const text =
    (row.state === "dispatched" || row.state === "handling") && row.mainUnit
      ? t("ops.withUnit", { name: row.mainUnit.name ?? "—" })
      : t("ops.heldBy", { name: row.holderName ?? row.holderRegionCode });
  return (
    <Typography.Text type="secondary" className="ops-table__who" data-testid="row-held-by">
      {text}
    </Typography.Text>
  );
}

/** The order row buttons appear in: the step that moves the order forward first. */
const ROW_PRIORITY: readonly OrderAction[] = [
  "accept",
  "dispatch",
  "sign",
  "reply",
  "verify",
  "visit",
  "close",
  "decide_extension",
  "reopen",
  "urge",
  "request_extension",
  "transfer",
];

/** Up to `limit` of the server's actions for a table row (the drawer offers all of them). */
export function rowActions(order: Order, limit: number): OrderAction[] {
  return ROW_PRIORITY.filter((action) => order.actions.includes(action)).slice(0, limit);
}

export interface OrderTableProps {
  items: readonly Order[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  sort?: OrderQuery["sort"];
  order?: OrderQuery["order"];
  columns: readonly OrderColumn[];
  onPage: (page: number, pageSize: number) => void;
  onSort?: (sort: OrderQuery["sort"] | undefined, order: OrderQuery["order"] | undefined) => void;
  onOpen: (order: Order) => void;
  /** After a row action succeeded. */
  onChanged?: (order: ActedOrder, action: OrderAction) => void;
  onStale?: () => void;
  /** Order numbers to highlight (just arrived through the live stream). */
  fresh?: ReadonlySet<string>;
  emptyText?: ReactNode;
  rowActionLimit?: number;
  /** Below this width the table scrolls sideways. */
  minWidth?: number;
}

const SORT_FIELDS: Partial<Record<OrderColumn, NonNullable<OrderQuery["sort"]>>> = {
  created: "created_at",
  deadline: "handling_due_at",
  status: "handling_due_at",
};

/**
 * The order list every desktop work page shares: paged and sorted by the server, each row carrying
 * `data-order-no` (browser tests wait for it) and its warning colour; row buttons come from the
 * server's `actions` through the shared OrderActionBar.
 */
export function OrderTable(props: OrderTableProps) {
  const t = useT();
  const { items, total, loading, page, pageSize, sort, order, onOpen, fresh, rowActionLimit = 2 } = props;
  // A phone gets one column per order (a card-like cell), so nothing scrolls sideways at 375 px.
  const phone = Grid.useBreakpoint().md === false;
  const actionsOf = (row: Order) => {
    if (!props.onChanged) return null;
    const include = rowActions(row, rowActionLimit);
    if (include.length === 0) return <WhoActs row={row} />;
    return (
      <OrderActionBar
        order={row}
        size="small"
        include={include}
        onChanged={props.onChanged}
        onStale={props.onStale}
      />
    );
  };
  const sortOrderOf = (column: OrderColumn) =>
    SORT_FIELDS[column] && SORT_FIELDS[column] === sort ? (order === "asc" ? "ascend" : "descend") : null;

  const all: Record<OrderColumn, NonNullable<TableProps<Order>["columns"]>[number]> = {
    orderNo: {
      key: "orderNo",
      title: t("orders.field.orderNo"),
      dataIndex: "orderNo",
      width: 150,
      render: (value: string, row) => (
        <span className="ops-table__no">
          <Typography.Link onClick={() => onOpen(row)}>{value}</Typography.Link>
          {row.urgent && (
            <Tag color="red" bordered={false}>
              {t("ops.urgent")}
            </Tag>
          )}
        </span>
      ),
    },
    title: {
      key: "title",
      title: t("ops.field.title"),
      dataIndex: "title",
      ellipsis: true,
      width: 260,
      render: (value: string, row) => (
        <span>
          <OrderFlags row={row} />
          {value}
        </span>
      ),
    },
    subject: {
      key: "subject",
      title: t("ops.field.title"),
      dataIndex: "title",
      render: (value: string, row) => (
        <div className="ops-table__subject">
          <div className="ops-table__subject-title">
            <OrderFlags row={row} />
            <span title={value}>{value}</span>
          </div>
          <div className="ops-table__subject-meta muted">
            {[row.category?.name ?? t("orders.uncategorised"), placeOf(row), formatShort(row.createdAt)].join(
              " · ",
            )}
          </div>
        </div>
      ),
    },
    status: {
      key: "status",
      title: t("ops.field.state"),
      width: 136,
      sorter: props.onSort !== undefined,
      sortOrder: sortOrderOf("status"),
      render: (_, row) => (
        <div className="ops-table__status">
          <OrderStateTag state={row.state} />
          <DeadlineBadge order={row} />
        </div>
      ),
    },
    category: {
      key: "category",
      title: t("orders.field.category"),
      width: 120,
      ellipsis: true,
      render: (_, row) => row.category?.name ?? <span className="muted">{t("orders.uncategorised")}</span>,
    },
    place: {
      key: "place",
      title: t("ops.field.place"),
      width: 160,
      ellipsis: true,
      render: (_, row) => placeOf(row),
    },
    state: {
      key: "state",
      title: t("ops.field.state"),
      width: 96,
      render: (_, row) => <OrderStateTag state={row.state} />,
    },
    deadline: {
      key: "deadline",
      title: t("orders.field.handlingDue"),
      width: 150,
      sorter: props.onSort !== undefined,
      sortOrder: sortOrderOf("deadline"),
      render: (_, row) => <DeadlineBadge order={row} showNone />,
    },
    created: {
      key: "created",
      title: t("ops.field.createdAt"),
      dataIndex: "createdAt",
      width: 112,
      sorter: props.onSort !== undefined,
      sortOrder: sortOrderOf("created"),
      render: (value: string) => formatShort(value),
    },
    unit: {
      key: "unit",
      title: t("orders.field.unit"),
      width: 150,
      ellipsis: true,
      render: (_, row) => row.mainUnit?.name ?? "—",
    },
    urges: {
      key: "urges",
      title: t("ops.field.urges"),
      dataIndex: "urgeCount",
      width: 70,
      align: "center",
    },
    actions: {
      key: "actions",
      title: t("ops.field.actions"),
      width: 156,
      render: (_, row) => actionsOf(row),
    },
  };
  const compact: NonNullable<TableProps<Order>["columns"]>[number] = {
    key: "compact",
    title: t("ops.field.title"),
    render: (_, row) => (
      <div className="ops-table__compact" data-testid="order-row-compact">
        <div className="ops-table__subject-title">
          <OrderFlags row={row} />
          <span title={row.title}>{row.title}</span>
        </div>
        <div className="ops-table__compact-line">
          <Typography.Link onClick={() => onOpen(row)}>{row.orderNo}</Typography.Link>
          {row.urgent && (
            <Tag color="red" bordered={false}>
              {t("ops.urgent")}
            </Tag>
          )}
          <OrderStateTag state={row.state} />
          <DeadlineBadge order={row} />
        </div>
        <div className="ops-table__subject-meta muted">
          {[row.category?.name ?? t("orders.uncategorised"), placeOf(row), formatShort(row.createdAt)].join(
            " · ",
          )}
        </div>
        {props.columns.includes("actions") && (
          <div className="ops-table__compact-actions">{actionsOf(row)}</div>
        )}
      </div>
    ),
  };

  return (
    <Table<Order>
      className="ops-table"
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={items as Order[]}
      columns={phone ? [compact] : props.columns.map((column) => all[column])}
      onRow={(row) =>
        ({
          "data-order-no": row.orderNo,
          "data-state": row.state,
          onClick: (event) => {
            const target = event.target as HTMLElement;
            // Clicks inside a row's dialog bubble here through the React portal: only the row itself opens it.
            if (!event.currentTarget.contains(target)) return;
            if (target.closest("button, a, .ant-tag, .ant-select")) return;
            onOpen(row);
          },
        }) as HTMLAttributes<HTMLElement>
      }
      rowClassName={(row) =>
        [
          "ops-table__row",
          `ops-table__row--${row.warningLevel}`,
          fresh?.has(row.orderNo) ? "ops-table__row--fresh" : "",
        ].join(" ")
      }
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText ?? t("ops.list.empty")} />
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (count) => t("ops.list.total", { count }),
        size: "small",
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === "paginate")
          props.onPage(pagination.current ?? 1, pagination.pageSize ?? pageSize);
        if (extra.action === "sort" && props.onSort) {
          const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Order>;
          const field = single.order ? SORT_FIELDS[single.columnKey as OrderColumn] : undefined;
          props.onSort(
            field,
            single.order === "ascend" ? "asc" : single.order === "descend" ? "desc" : undefined,
          );
        }
      }}
      tableLayout="fixed"
      scroll={phone ? undefined : { x: props.minWidth ?? 640 }}
    />
  );
}
