import { AlertOutlined } from "@ant-design/icons";
import { Button, List, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { FadeModal } from "../../components/FadeModal";
import { ordersApi } from "../../components/orders/api";
import type { OrderDetail } from "../../components/orders/types";
import { useOrderEvents } from "../../hooks/useOrderEvents";
import { useT } from "../../i18n/context";

interface UrgentAlert {
  orderId: string;
  orderNo: string;
  at: string;
  order: OrderDetail | null;
}

/**
 * 紧急诉求 alert: an urgent demand registered in the caller's jurisdiction (the server filters the
 * stream by scope, so a street sees its own and the district sees all) opens a modal that stays until
 * someone acknowledges it, with the page title flashing meanwhile.
 */
export function UrgentAlerts({ onOpen }: { onOpen: (orderId: string) => void }) {
  const t = useT();
  const [alerts, setAlerts] = useState<UrgentAlert[]>([]);

  useOrderEvents({
    onChange: (change) => {
      if (change.action !== "register" || change.urgent !== true) return;
      setAlerts((current) =>
        current.some((alert) => alert.orderId === change.orderId)
          ? current
          : [...current, { orderId: change.orderId, orderNo: change.orderNo, at: change.at, order: null }],
      );
      ordersApi
        .get(change.orderId)
        .then((order) =>
          setAlerts((current) =>
            current.map((alert) => (alert.orderId === change.orderId ? { ...alert, order } : alert)),
          ),
        )
        .catch(() => undefined);
    },
  });

  useEffect(() => {
    if (alerts.length === 0) return;
    const original = document.title;
    let on = false;
    const timer = window.setInterval(() => {
      on = !on;
      document.title = on ? `【${t("urgent.alert.title")}】${original}` : original;
    }, 1000);
    return () => {
      window.clearInterval(timer);
      document.title = original;
    };
  }, [alerts.length, t]);

  const acknowledge = (orderId: string) =>
    setAlerts((current) => current.filter((alert) => alert.orderId !== orderId));

  return (
    <FadeModal
      open={alerts.length > 0}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      width={560}
      title={
        <Space style={{ color: "#cf1322" }}>
          <AlertOutlined />
          {t("urgent.alert.title")} · {alerts.length}
        </Space>
      }
      data-testid="urgent-alert"
    >
      <List
        dataSource={alerts}
        renderItem={(alert) => (
          <List.Item
            data-testid="urgent-alert-item"
            actions={[
              <Button
                key="open"
                onClick={() => {
                  acknowledge(alert.orderId);
                  onOpen(alert.orderId);
                }}
              >
                {t("urgent.alert.open")}
              </Button>,
              <Button key="ack" type="primary" danger onClick={() => acknowledge(alert.orderId)}>
                {t("urgent.alert.acknowledge")}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag color="red">{alert.orderNo}</Tag>
                  <span>{alert.order?.title ?? ""}</span>
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {[alert.order?.category?.name, alert.order?.address ?? alert.order?.region.name]
                    .filter(Boolean)
                    .join(" · ")}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </FadeModal>
  );
}
