import { EnvironmentOutlined, RightOutlined } from "@ant-design/icons";
import { Card, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useT } from "../../i18n/context";
import { DeadlineBadge } from "./DeadlineBadge";
import { formatShort, placeOf, typeLabel } from "./format";
import { OrderStateTag } from "./OrderStateTag";
import type { Order } from "./types";
import { useCategoryName } from "./useCategoryName";

interface OrderCardProps {
  order: Order;
  /** Makes the card open the order: a click anywhere on it, or Enter on its title button. */
  onOpen?: (order: Order) => void;
  /** Buttons or links under the card (e.g. an {@link OrderActionBar}). */
  footer?: ReactNode;
  /** Hide the place line (e.g. on a page already about one grid). */
  hidePlace?: boolean;
}

/** One order as a compact card for phone lists: title, number, state, deadline, place, time. */
export function OrderCard({ order, onOpen, footer, hidePlace = false }: OrderCardProps) {
  const t = useT();
  const categoryName = useCategoryName();
  const category = categoryName(order.category?.code, order.category?.name);
  return (
    <Card
      size="small"
      className={onOpen ? "order-card order-card--opens" : "order-card"}
      data-testid="order-card"
      data-order-no={order.orderNo}
      data-state={order.state}
    >
      <div className="order-card__top">
        {onOpen ? (
          // The button's ::after covers the card, so the whole card opens the order (see orders.css).
          <button
            type="button"
            className="order-card__title order-card__open"
            title={order.title}
            onClick={() => onOpen(order)}
          >
            <span className="order-card__title-text">{order.title}</span>
            <RightOutlined className="order-card__chevron" />
          </button>
        ) : (
          <Typography.Text strong ellipsis={{ tooltip: order.title }} className="order-card__title">
            {order.title}
          </Typography.Text>
        )}
        <OrderStateTag state={order.state} />
      </div>
      <Space wrap size={[6, 4]} className="order-card__meta">
        <span className="muted">{order.orderNo}</span>
        <span className="muted">{formatShort(order.createdAt)}</span>
        {category && <Tag>{category}</Tag>}
        <Tag>{typeLabel(t, order.type)}</Tag>
        {order.urgent && <Tag color="red">{t("orders.urgent")}</Tag>}
        <DeadlineBadge order={order} />
      </Space>
      {!hidePlace && (
        <div className="order-card__place muted">
          <EnvironmentOutlined /> {placeOf(order)}
        </div>
      )}
      {footer && <div className="order-card__footer">{footer}</div>}
    </Card>
  );
}
