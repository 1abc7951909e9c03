import { CheckCircleFilled, CopyOutlined, MergeCellsOutlined, PhoneOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import {
  type DuplicateSuggestion,
  label,
  type Order,
  OrderStateTag,
  ordersApi,
  type SubmittedOrder,
  useCategoryName,
} from "../../components/orders";
import { DuplicateList } from "../../components/orders/intake";
import { useT } from "../../i18n/context";

interface SubmittedPanelProps {
  order: SubmittedOrder;
  /** The open order this call was merged into, if it was. */
  mergedInto: DuplicateSuggestion | null;
  onNext: () => void;
  onOpen: (order: Pick<Order, "id">) => void;
  onMerged: (order: Order, into: DuplicateSuggestion) => void;
}

/** After the submit: the order number big (to read back, with a copy button), its route, and merge-before-dispatch. */
export function SubmittedPanel({ order, mergedInto, onNext, onOpen, onMerged }: SubmittedPanelProps) {
  const t = useT();
  const { message } = App.useApp();
  const categoryName = useCategoryName();
  const [mergingId, setMergingId] = useState<string | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(order.orderNo);
      message.success(t("operator.done.copied"));
    } catch {
      message.info(order.orderNo);
    }
  };

  const merge = async (item: DuplicateSuggestion) => {
    setMergingId(item.id);
    try {
      const merged = await ordersApi.act(order.id, "merge", order.version, { targetOrderId: item.id });
      onMerged(merged, item);
      message.success(t("operator.merge.done", { orderNo: item.orderNo }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setMergingId(null);
    }
  };

  const duplicates = order.suggestions?.duplicates ?? [];
  const canMerge = order.actions.includes("merge") && !mergedInto;

  return (
    <Card className="operator-card operator-done" data-testid="call-submitted" data-state={order.state}>
      <div className="operator-done__head">
        <CheckCircleFilled className="operator-done__icon" />
        <span>{mergedInto ? t("operator.done.merged") : t("operator.done.title")}</span>
      </div>
      <div className="operator-done__label">{t("operator.done.readBack")}</div>
      <div className="operator-done__number">
        <span data-testid="call-order-no">{order.orderNo}</span>
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="copy-order-no">
          {t("operator.done.copy")}
        </Button>
      </div>
      <div className="operator-done__label">
        {t("operator.done.trackingCode")}{" "}
        <strong data-testid="call-tracking-code">{order.trackingCode}</strong>
      </div>
      {mergedInto && (
        <Typography.Paragraph
          className="operator-done__merged"
          data-testid="merged-into"
          data-order-no={mergedInto.orderNo}
        >
          <MergeCellsOutlined /> {t("operator.merge.into", { orderNo: mergedInto.orderNo })} ·{" "}
          {mergedInto.title}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: "state", label: t("operator.done.state"), children: <OrderStateTag state={order.state} /> },
          {
            key: "level",
            label: t("orders.field.holder"),
            children: (
              <span data-testid="call-holder">
                <Tag color="blue">{label(t, `level.${order.handlingLevel}`, order.handlingLevel)}</Tag>
                {order.holderName}
              </span>
            ),
          },
          {
            key: "category",
            label: t("orders.field.category"),
            children: categoryName(order.category?.code, order.category?.name) ?? t("orders.uncategorised"),
          },
          {
            key: "grid",
            label: t("orders.field.region"),
            children: order.region.grid?.name ?? order.region.name ?? "—",
          },
        ]}
      />
      {canMerge && duplicates.length > 0 && (
        <div className="operator-done__dups">
          <Typography.Text strong>{t("operator.merge.beforeDispatch")}</Typography.Text>
          <DuplicateList
            items={duplicates}
            onMerge={merge}
            mergingId={mergingId}
            onOpen={(item) => onOpen(item)}
          />
        </div>
      )}
      <div className="operator-form__buttons">
        <Button
          ref={nextRef}
          type="primary"
          size="large"
          icon={<PhoneOutlined />}
          onClick={onNext}
          data-testid="next-call"
        >
          {t("operator.done.next")} <kbd className="operator-kbd">Esc</kbd>
        </Button>
        <Button size="large" onClick={() => onOpen(order)}>
          {t("operator.done.open")}
        </Button>
      </div>
    </Card>
  );
}
