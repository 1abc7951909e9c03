import { MergeCellsOutlined } from "@ant-design/icons";
import { Button, Empty, Typography } from "antd";
import { useT } from "../../../i18n/context";
import { formatShort } from "../format";
import { OrderStateTag } from "../OrderStateTag";
import type { DuplicateSuggestion } from "../types";

interface DuplicateListProps {
  items: DuplicateSuggestion[];
  /** Offer a merge button per item (label and busy state from the caller). */
  onMerge?: (item: DuplicateSuggestion) => void;
  mergeLabel?: string;
  mergingId?: string | null;
  onOpen?: (item: DuplicateSuggestion) => void;
  empty?: string;
}

/** 疑似重复: open demands about the same problem nearby, each with similarity and distance. */
export function DuplicateList({
  items,
  onMerge,
  mergeLabel,
  mergingId = null,
  onOpen,
  empty,
}: DuplicateListProps) {
  const t = useT();
  if (items.length === 0) {
    return empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : null;
  }
  return (
    <div className="duplicate-list" data-testid="duplicate-list">
      {items.map((item) => (
        <div
          key={item.id}
          className="duplicate-list__item"
          data-testid="duplicate-item"
          data-order-no={item.orderNo}
        >
          <div className="duplicate-list__text">
            <div>
              {onOpen ? (
                <Typography.Link onClick={() => onOpen(item)}>{item.orderNo}</Typography.Link>
              ) : (
                <strong>{item.orderNo}</strong>
              )}{" "}
              <OrderStateTag state={item.state} />
            </div>
            <Typography.Text ellipsis className="duplicate-list__title">
              {item.title}
            </Typography.Text>
            <div className="muted duplicate-list__meta">
              {t("intake.duplicates.similarity", { p: Math.round(item.similarity * 100) })}
              {item.distanceMetres !== null &&
                ` · ${t("intake.duplicates.distance", { m: item.distanceMetres })}`}
              {` · ${formatShort(item.createdAt)}`}
            </div>
          </div>
          {onMerge && (
            <Button
              size="small"
              icon={<MergeCellsOutlined />}
              loading={mergingId === item.id}
              disabled={mergingId !== null && mergingId !== item.id}
              onClick={() => onMerge(item)}
              data-testid="merge-into"
            >
              {mergeLabel ?? t("orders.action.merge")}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}
