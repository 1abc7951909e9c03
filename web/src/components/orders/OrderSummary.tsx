import { EnvironmentOutlined, EyeOutlined, LockOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Grid, Image, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useAuth } from "../../auth/context";
import { useT } from "../../i18n/context";
import { ordersApi } from "./api";
import { DeadlineBadge } from "./DeadlineBadge";
import { channelLabel, dispositionLabel, formatTime, label, placeOf, typeLabel } from "./format";
import { OrderStateTag } from "./OrderStateTag";
import type { Order, OrderAttachment, OrderDetail } from "./types";
import { useCategoryName } from "./useCategoryName";

/** 工单编号 with the state, urgency and deadline tags, as a header line. */
export function OrderHeadline({ order }: { order: Order }) {
  const t = useT();
  return (
    <Space wrap size={[6, 6]} className="order-headline">
      <Typography.Text strong copyable data-testid="order-no">
        {order.orderNo}
      </Typography.Text>
      <OrderStateTag state={order.state} />
      {order.urgent && <Tag color="red">{t("orders.urgent")}</Tag>}
      {order.solvedOnSpot && <Tag color="green">{t("orders.solvedOnSpot")}</Tag>}
      {order.supervisedAt && <Tag color="volcano">{t("orders.supervised")}</Tag>}
      {order.pendingExtension && <Tag color="orange">{t("orders.pendingExtension")}</Tag>}
      <DeadlineBadge order={order} />
    </Space>
  );
}

function CallerCell({ order }: { order: Order }) {
  const t = useT();
  const { session } = useAuth();
  const { message } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);
  const canReveal = session.status === "authenticated" && session.me.permissions.includes("phones.reveal");
  if (order.caller.name === null && order.caller.phone === null) {
    return (
      <span className="muted">
        <LockOutlined /> {order.caller.confidential ? t("orders.caller.hidden") : t("common.none")}
      </span>
    );
  }
  const reveal = async () => {
    try {
      setPhone((await ordersApi.revealPhone(order.id)).phone);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Space wrap size={4}>
      <span>{order.caller.name ?? "—"}</span>
      {order.caller.phone && <span data-testid="caller-phone">{phone ?? order.caller.phone}</span>}
      {order.caller.confidential && (
        <Tag icon={<LockOutlined />} color="default">
          {t("orders.field.confidential")}
        </Tag>
      )}
      {canReveal && order.caller.phone && !phone && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={reveal}>
          {t("orders.caller.reveal")}
        </Button>
      )}
    </Space>
  );
}

/** Thumbnails that open the photos full size, one preview group per set. */
function Photos({ orderId, photos }: { orderId: string; photos: OrderAttachment[] }) {
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {photos.map((attachment) => (
          <Image
            key={attachment.id}
            width={72}
            height={72}
            className="order-summary__photo"
            src={ordersApi.attachmentUrl(orderId, attachment.id)}
            alt={attachment.fileName}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/**
 * 工单详情: what the demand is, where, from whom (masked; 保密 hides it from units), how it is routed
 * and how it ended. Photos appear when the order is a detail (GET /api/orders/:id).
 */
export function OrderSummary({ order, column = 1 }: { order: Order | OrderDetail; column?: number }) {
  const t = useT();
  const categoryName = useCategoryName();
  const narrow = Grid.useBreakpoint().sm === false;
  const attachments = "attachments" in order ? order.attachments : [];
  const intakePhotos = attachments.filter((attachment) => attachment.stage !== "reply");
  const replyPhotos = attachments.filter((attachment) => attachment.stage === "reply");
  const items = [
    { key: "title", label: t("orders.field.title"), children: order.title },
    {
      key: "content",
      label: t("orders.field.content"),
      children: (
        <Typography.Paragraph className="order-summary__content">{order.content}</Typography.Paragraph>
      ),
    },
    {
      key: "category",
      label: t("orders.field.category"),
      children: (
        <Space wrap size={4}>
          <span>{categoryName(order.category?.code, order.category?.name) ?? t("orders.uncategorised")}</span>
          <Tag>{typeLabel(t, order.type)}</Tag>
        </Space>
      ),
    },
    { key: "channel", label: t("orders.field.channel"), children: channelLabel(t, order.channel) },
    { key: "caller", label: t("orders.field.caller"), children: <CallerCell order={order} /> },
    {
      key: "location",
      label: t("orders.field.location"),
      children: (
        <span>
          <EnvironmentOutlined /> {placeOf(order)}
          {order.address && <div className="muted">{order.address}</div>}
        </span>
      ),
    },
    {
      key: "holder",
      label: t("orders.field.holder"),
      children: (
        <Space wrap size={4}>
          <Tag color="blue">{label(t, `level.${order.handlingLevel}`, order.handlingLevel)}</Tag>
          <span>{order.holderName ?? order.holderRegionCode}</span>
          {order.mainUnit && <span>· {order.mainUnit.name}</span>}
        </Space>
      ),
    },
    { key: "created", label: t("orders.field.createdAt"), children: formatTime(order.createdAt) },
    ...(order.handlingDueAt
      ? [{ key: "due", label: t("orders.field.handlingDue"), children: formatTime(order.handlingDueAt) }]
      : []),
    ...(order.disposition || order.replyText
      ? [
          {
            key: "reply",
            label: t("orders.field.reply"),
            children: (
              <div data-testid="order-reply">
                {order.disposition && <Tag color="green">{dispositionLabel(t, order.disposition)}</Tag>}
                <Typography.Paragraph className="order-summary__content">
                  {order.replyText}
                </Typography.Paragraph>
                {replyPhotos.length > 0 && (
                  <div data-testid="order-reply-photos">
                    <div className="muted">{t("orders.field.replyPhotos")}</div>
                    <Photos orderId={order.id} photos={replyPhotos} />
                  </div>
                )}
              </div>
            ),
          },
        ]
      : []),
    ...(intakePhotos.length > 0
      ? [
          {
            key: "attachments",
            label: t("orders.field.attachments"),
            children: <Photos orderId={order.id} photos={intakePhotos} />,
          },
        ]
      : []),
  ];
  return (
    <Descriptions
      className="order-summary"
      column={column}
      size="small"
      bordered
      items={items}
      styles={
        narrow
          ? {
              label: { width: 72, padding: "6px 8px", whiteSpace: "nowrap" },
              content: { padding: "6px 8px" },
            }
          : { label: { width: 92, whiteSpace: "nowrap" } }
      }
    />
  );
}
