import { PlusOutlined, StarOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Pagination, Segmented, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useRequest } from "../../api/useRequest";
import { usePlainT as useT } from "../../components/elderly";
import { OrderCard, type OrderState, ordersApi } from "../../components/orders";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import { usePendingRatings } from "./usePendingRatings";
import "./resident.css";

type Filter = "all" | "open" | "rate" | "done";

const FILTER_STATES: Record<Filter, readonly OrderState[] | undefined> = {
  all: undefined,
  open: ["registered", "accepted", "dispatched", "handling", "replied", "merged"],
  rate: ["verified", "visited"],
  done: ["closed", "rejected"],
};
const PAGE_SIZE = 10;

/** 我的诉求: the resident's demands, newest first, each with its state and a way to rate. */
export default function MyDemandsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>("all");
  const [page, setPage] = useState(1);
  const list = useRequest(
    (signal) => ordersApi.list({ state: FILTER_STATES[filter], page, pageSize: PAGE_SIZE }, signal),
    [filter, page],
  );
  const ratings = usePendingRatings();
  useOrderEvents({
    onChange: () => {
      list.reload();
      ratings.reload();
    },
    onResync: list.reload,
  });
  const tokenOf = (orderId: string) => ratings.items.find((item) => item.order.id === orderId)?.token;

  return (
    <div className="resident-page" data-testid="my-demands">
      <div className="resident-page__header">
        <Typography.Title level={4} className="resident-page__title">
          {t("resident.nav.mine")}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/resident/new")}>
          {t("resident.home.report")}
        </Button>
      </div>
      <Segmented
        block
        value={filter}
        onChange={(value) => {
          setFilter(value as Filter);
          setPage(1);
        }}
        options={(["all", "open", "rate", "done"] as const).map((value) => ({
          value,
          label: t(`resident.mine.filter.${value}`),
        }))}
        className="resident-card"
      />
      {list.loading && !list.data && <Skeleton active paragraph={{ rows: 6 }} />}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.data?.items.length === 0 && (
        <Empty
          description={t(filter === "all" ? "resident.mine.empty" : `resident.mine.empty.${filter}`)}
          data-testid="my-demands-empty"
        />
      )}
      {list.data?.items.map((order) => {
        const token = tokenOf(order.id);
        return (
          <OrderCard
            key={order.id}
            order={order}
            onOpen={() => navigate(`/resident/orders/${order.id}`)}
            footer={
              token ? (
                <Button
                  type="primary"
                  block
                  icon={<StarOutlined />}
                  onClick={() => navigate(`/rate/${token}`)}
                  data-testid="rate-order"
                >
                  {t("resident.rate.go")}
                </Button>
              ) : undefined
            }
          />
        );
      })}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pagination
          simple
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onChange={setPage}
        />
      )}
    </div>
  );
}
