import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Empty, Segmented, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useRequest } from "../../api/useRequest";
import { useMe } from "../../auth/context";
import { LoadErrorAlert } from "../../components/ErrorState";
import { channelLabel, chinaTime, formatShort, OrderStateTag, typeLabel } from "../../components/orders";
import { OrderDrawer } from "../../components/workbench/OrderDrawer";
import { useT } from "../../i18n/context";
import {
  type BookName,
  type BookRow,
  type FieldVisitLine,
  LEDGER_BOOKS,
  LIST_BOOKS,
  ledgersApi,
  type OrderLine,
  type RuleLine,
} from "./api";
import { RefileModal } from "./RefileModal";
import { RuleModal } from "./RuleModal";
import { SolvedProjects } from "./SolvedProjects";
import "../../ops.css";
import "./ledgers.css";

const PAGE_SIZE = 20;

/** The books whose rows are orders (the four ledgers, 问题清单, 解决清单): a row opens its order. */
const isOrderBook = (book: BookName) => book !== "visits" && book !== "rules";

/** Street › community › grid, as far as the place is known. */
const placeText = (place: OrderLine["region"]) =>
  [place.street, place.community, place.grid].filter(Boolean).join(" › ") || place.code;

/**
 * 四本台账 and 四张清单 of the caller's jurisdiction for a month: each paged on the server, each
 * downloadable as the Excel sheet auditors ask for.
 */
export default function LedgersPage() {
  const t = useT();
  const me = useMe();
  const [refiling, setRefiling] = useState<OrderLine | null>(null);
  /** The 制度清单 entry being written: null a new one, undefined none. */
  const [ruleId, setRuleId] = useState<string | null | undefined>(undefined);
  const actions: BookActions = {
    // The server's permissions as /api/me lists them: refile (ledgers.manage), 制度清单 (rules.manage).
    refile: me.permissions.includes("ledgers.manage") ? setRefiling : null,
    editRule: me.permissions.includes("rules.manage") ? setRuleId : null,
  };
  const [month, setMonth] = useState<Dayjs>(() => chinaTime());
  const [book, setBook] = useState<BookName>("general");
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const period = month.format("YYYY-MM");
  const rows = useRequest(
    (signal) => ledgersApi.page(book, { period, page, pageSize: PAGE_SIZE }, signal),
    [book, period, page],
  );
  const choose = (next: BookName) => {
    setBook(next);
    setPage(1);
  };
  const bookOptions = (names: readonly BookName[]) =>
    names.map((name) => ({ value: name, label: t(`ledgers.book.${name}`) }));

  return (
    <div className="ops-page" data-testid="ledgers-page" data-book={book}>
      <div className="page__header">
        <div>
          <Typography.Title level={3} className="page__title">
            {t("ledgers.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("ledgers.subtitle")}</Typography.Text>
        </div>
        <Space wrap>
          {book === "rules" && actions.editRule && (
            <Button icon={<PlusOutlined />} onClick={() => setRuleId(null)} data-testid="rule-new">
              {t("ledgers.rules.new")}
            </Button>
          )}
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(value) => {
              if (value) setMonth(value);
              setPage(1);
            }}
            aria-label={t("ledgers.month")}
          />
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={ledgersApi.exportUrl(book, period)}
            download
            data-testid="ledger-export"
          >
            {t("ledgers.export")}
          </Button>
        </Space>
      </div>
      <Card size="small">
        <Space orientation="vertical" size={8} className="ledgers-books">
          <Space wrap>
            <Typography.Text type="secondary">{t("ledgers.group.ledgers")}</Typography.Text>
            <Segmented
              value={(LEDGER_BOOKS as readonly string[]).includes(book) ? book : null}
              options={bookOptions(LEDGER_BOOKS)}
              onChange={(value) => choose(value as BookName)}
            />
          </Space>
          <Space wrap>
            <Typography.Text type="secondary">{t("ledgers.group.lists")}</Typography.Text>
            <Segmented
              value={(LIST_BOOKS as readonly string[]).includes(book) ? book : null}
              options={bookOptions(LIST_BOOKS)}
              onChange={(value) => choose(value as BookName)}
            />
          </Space>
        </Space>
        {rows.error && <LoadErrorAlert error={rows.error} onRetry={rows.reload} />}
        <Table<BookRow>
          size="small"
          rowKey="id"
          loading={rows.loading}
          dataSource={rows.data?.items ?? []}
          columns={columnsFor(book, t, actions)}
          // On a phone the table scrolls inside its card; its columns keep their width.
          scroll={{ x: "max-content" }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("ledgers.empty")} />,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: rows.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t("ops.list.total", { count }),
            onChange: setPage,
          }}
          onRow={(row) =>
            isOrderBook(book)
              ? {
                  onClick: () => setOpenId(row.id),
                  className: "ledgers-row--open",
                  "data-order-id": row.id,
                }
              : {}
          }
          data-testid="ledger-table"
        />
      </Card>
      {book === "solved" && <SolvedProjects period={period} />}
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />
      <RefileModal
        order={refiling}
        onClose={() => setRefiling(null)}
        onDone={() => {
          setRefiling(null);
          rows.reload();
        }}
      />
      <RuleModal
        ruleId={ruleId}
        onClose={() => setRuleId(undefined)}
        onSaved={() => {
          setRuleId(undefined);
          rows.reload();
        }}
      />
    </div>
  );
}

/** What the reader may do on a row, as the server permits it; null when not. */
interface BookActions {
  refile: ((order: OrderLine) => void) | null;
  editRule: ((id: string) => void) | null;
}

function columnsFor(book: BookName, t: ReturnType<typeof useT>, actions: BookActions): ColumnsType<BookRow> {
  if (book === "visits") {
    return [
      { title: t("ledgers.col.visitedOn"), dataIndex: "visitedOn", width: 110 },
      { title: t("ledgers.col.visitor"), dataIndex: "visitorName", width: 120 },
      { title: t("ledgers.col.place"), render: (_, row) => placeText((row as FieldVisitLine).region) },
      { title: t("ledgers.col.households"), dataIndex: "households", width: 80 },
      {
        title: t("ledgers.col.source"),
        width: 110,
        render: (_, row) => {
          const source = (row as FieldVisitLine).source;
          return source ? t(`ledgers.visitSource.${source}`) : null;
        },
      },
      { title: t("ledgers.col.summary"), dataIndex: "summary", width: 320, ellipsis: true },
    ];
  }
  if (book === "rules") {
    return [
      { title: t("ledgers.col.rule"), dataIndex: "title" },
      { title: t("ledgers.col.place"), dataIndex: "regionName", width: 160 },
      { title: t("ledgers.col.adoptedOn"), dataIndex: "adoptedOn", width: 110 },
      { title: t("ledgers.col.orders"), dataIndex: "orderCount", width: 100 },
      ...(actions.editRule
        ? [
            {
              title: t("ledgers.col.actions"),
              width: 90,
              render: (_: unknown, row: RuleLine) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => actions.editRule?.(row.id)}
                  data-testid="rule-edit"
                  data-rule-id={row.id}
                >
                  {t("ledgers.rules.edit")}
                </Button>
              ),
            },
          ]
        : []),
    ] satisfies ColumnsType<RuleLine> as ColumnsType<BookRow>;
  }
  // Below md the number, unit and date fold into the title cell so the list fits a phone (375 px).
  return [
    {
      title: t("orders.field.orderNo"),
      width: 160,
      responsive: ["md"],
      render: (_, row) => <Typography.Link>{(row as OrderLine).orderNo}</Typography.Link>,
    },
    {
      title: t("orders.field.title"),
      ellipsis: true,
      render: (_, row) => {
        const order = row as OrderLine;
        return (
          <span className="ledgers-title">
            <span className="ledgers-title__text">{order.title}</span>
            <div className="muted ledgers-title__meta">
              {[typeLabel(t, order.type), order.category?.name, placeText(order.region)]
                .filter(Boolean)
                .join(" · ")}
            </div>
            <div className="muted ledgers-title__phone">
              <Typography.Link>{order.orderNo}</Typography.Link> · {formatShort(order.createdAt)} ·{" "}
              <OrderStateTag state={order.state} />
            </div>
          </span>
        );
      },
    },
    {
      title: t("ledgers.col.channel"),
      width: 110,
      responsive: ["md"],
      render: (_, row) => (
        <Tag data-testid="ledger-channel" data-channel={(row as OrderLine).channel}>
          {channelLabel(t, (row as OrderLine).channel)}
        </Tag>
      ),
    },
    {
      title: t("ledgers.col.unit"),
      width: 180,
      responsive: ["md"],
      render: (_, row) => {
        const order = row as OrderLine;
        return order.unitName ?? (order.solvedOnSpot ? t("ledgers.onSpot") : "—");
      },
    },
    {
      title: t("ops.field.state"),
      width: 100,
      responsive: ["md"],
      render: (_, row) => <OrderStateTag state={(row as OrderLine).state} />,
    },
    {
      title: t("orders.field.createdAt"),
      width: 120,
      responsive: ["md"],
      render: (_, row) => formatShort((row as OrderLine).createdAt),
    },
    ...(actions.refile
      ? [
          {
            title: t("ledgers.col.actions"),
            width: 100,
            render: (_: unknown, row: BookRow) => (
              <Button
                size="small"
                onClick={(event) => {
                  // The row opens the order; the button opens the refile dialog only.
                  event.stopPropagation();
                  actions.refile?.(row as OrderLine);
                }}
                data-testid="refile-open"
              >
                {t("ledgers.refile.button")}
              </Button>
            ),
          },
        ]
      : []),
  ];
}
