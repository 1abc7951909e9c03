import type { ButtonProps } from "antd";
import { App, Button, Form, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { useT } from "../../i18n/context";
import { FadeModal } from "../FadeModal";
import { ActionFields, actionInput } from "./ActionFields";
import { type ActedOrder, ordersApi } from "./api";
import { actionLabel } from "./format";
import type { Order, OrderAction } from "./types";

/** Actions that move the order forward: shown as primary buttons. */
const PRIMARY: ReadonlySet<OrderAction> = new Set([
  "accept",
  "dispatch",
  "sign",
  "reply",
  "verify",
  "solve_on_spot",
  "visit",
  "close",
]);
/** Actions that push back or end without handling: shown as danger buttons. */
const DANGER: ReadonlySet<OrderAction> = new Set(["reject", "return", "rework"]);

interface OrderActionDialogProps {
  order: Order;
  /** The action to run; null closes the dialog. */
  action: OrderAction | null;
  onClose: () => void;
  /** Called with the order as the server returned it after the action. */
  onDone: (order: ActedOrder, action: OrderAction) => void;
  /** Called when someone else changed the order first (409 STALE_VERSION): reload it. */
  onStale?: () => void;
}

/**
 * The dialog of one lifecycle action: the fields its input needs, then
 * POST /api/orders/:id/actions/<action> with the order's version. Errors show the server's message.
 */
export function OrderActionDialog({ order, action, onClose, onDone, onStale }: OrderActionDialogProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!action) return;
    // An incomplete form marks its fields in red; the rejection is the form's answer, not an error.
    const values = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
    if (!values) return;
    setSubmitting(true);
    setError(null);
    try {
      const updated = await ordersApi.act(order.id, action, order.version, await actionInput(values));
      message.success(t("orders.action.done", { action: actionLabel(t, action) }));
      form.resetFields();
      onDone(updated, action);
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === "STALE_VERSION") {
        message.warning(t("orders.stale"));
        onStale?.();
        onClose();
      } else {
        setError(cause instanceof Error ? cause.message : String(cause));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FadeModal
      open={action !== null}
      title={action ? `${actionLabel(t, action)} · ${order.orderNo}` : undefined}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={submit}
      okText={t("orders.form.confirm")}
      cancelText={t("orders.form.cancel")}
      confirmLoading={submitting}
      okButtonProps={
        { danger: action ? DANGER.has(action) : false, "data-testid": "action-submit" } as ButtonProps
      }
      destroyOnHidden
      className="order-dialog"
    >
      <div data-testid={action ? `action-dialog-${action}` : undefined}>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="order-dialog__subject">
          {order.title}
        </Typography.Paragraph>
        {action && (
          <Form form={form} layout="vertical" requiredMark={false} preserve={false} onFinish={submit}>
            <ActionFields action={action} order={order} form={form} />
          </Form>
        )}
        {error && (
          <Typography.Text type="danger" data-testid="action-error">
            {error}
          </Typography.Text>
        )}
      </div>
    </FadeModal>
  );
}

interface OrderActionBarProps {
  order: Order;
  onChanged: (order: ActedOrder, action: OrderAction) => void;
  onStale?: () => void;
  /** Only these of the server's actions (in this order). */
  include?: readonly OrderAction[];
  /** Leave these out (e.g. a page that offers merge elsewhere). */
  exclude?: readonly OrderAction[];
  size?: ButtonProps["size"];
  /** Full-width buttons stacked for phones. */
  block?: boolean;
  /** Shown when none of the actions remain; nothing by default. */
  empty?: React.ReactNode;
}

/**
 * Buttons for exactly the actions the server lists in `order.actions` (never a client-side copy of the
 * rules), each opening its {@link OrderActionDialog}. Buttons carry `data-testid="action-<action>"`.
 */
export function OrderActionBar({
  order,
  onChanged,
  onStale,
  include,
  exclude = [],
  size = "middle",
  block = false,
  empty = null,
}: OrderActionBarProps) {
  const t = useT();
  const [open, setOpen] = useState<OrderAction | null>(null);
  const allowed = (include ?? order.actions).filter(
    (action) => order.actions.includes(action) && !exclude.includes(action),
  );
  if (allowed.length === 0) return <>{empty}</>;
  return (
    <>
      <Space wrap className={block ? "order-actions order-actions--block" : "order-actions"} size={8}>
        {allowed.map((action) => (
          <Button
            key={action}
            size={size}
            block={block}
            type={PRIMARY.has(action) ? "primary" : "default"}
            danger={DANGER.has(action)}
            onClick={() => setOpen(action)}
            data-testid={`action-${action}`}
          >
            {actionLabel(t, action)}
          </Button>
        ))}
      </Space>
      <OrderActionDialog
        order={order}
        action={open}
        onClose={() => setOpen(null)}
        onDone={(updated, action) => {
          setOpen(null);
          onChanged(updated, action);
        }}
        onStale={onStale}
      />
    </>
  );
}
