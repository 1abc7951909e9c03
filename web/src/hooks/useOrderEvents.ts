import { useEffect, useRef, useState } from "react";

/** One `event: order` of GET /api/events/stream, filtered by the server to the caller's scope. */
export interface OrderChangeEvent {
  orderId: string;
  orderNo: string;
  action: string;
  state: string;
  regionCode: string;
  holderRegionCode: string;
  unitIds: number[];
  residentId: number | null;
  at: string;
  /** Present on urgent orders (紧急诉求). */
  urgent?: true;
}

/**
 * - `connecting`: the stream is being opened (or re-opened after a drop);
 * - `live`: the stream is open, changes arrive as they happen;
 * - `polling`: the stream is unavailable, the page refreshes on a timer instead.
 */
export type LiveStatus = "connecting" | "live" | "polling";

interface Listener {
  onChange: (change: OrderChangeEvent) => void;
  /** Early warnings were found or decided in a region one may read: refetch the warning list. */
  onWarning: () => void;
  /** The user has new in-app notifications (铃铛): refetch GET /api/notifications. */
  onNotification: () => void;
  /** After (re)connecting: changes missed while disconnected are not replayed, so refetch. */
  onResync: () => void;
}

const STREAM_URL = "/api/events/stream";
const POLL_MS = 20_000;
/** After the stream fails for good (e.g. the server lacks it) try it again this much later. */
const RETRY_STREAM_MS = 60_000;

/**
 * One EventSource per browser tab, shared by every component that listens: opened with the first
 * listener, closed with the last. When the stream cannot be opened the listeners are asked to resync
 * on a timer instead, and the stream is tried again later.
 */
class OrderEventHub {
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private source: EventSource | null = null;
  private pollTimer: number | undefined;
  private retryTimer: number | undefined;
  status: LiveStatus = "connecting";

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.shutdown();
    };
  }

  watchStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private open(): void {
    if (typeof EventSource === "undefined") {
      this.startPolling();
      return;
    }
    this.setStatus("connecting");
    const source = new EventSource(STREAM_URL, { withCredentials: true });
    this.source = source;
    source.addEventListener("ready", () => {
      this.stopPolling();
      this.setStatus("live");
      this.resync();
    });
    source.addEventListener("order", (event) => {
      const change = parse((event as MessageEvent<string>).data);
      if (!change) return;
      for (const listener of this.listeners) listener.onChange(change);
    });
    source.addEventListener("warning", () => {
      for (const listener of this.listeners) listener.onWarning();
    });
    source.addEventListener("notification", () => {
      for (const listener of this.listeners) listener.onNotification();
    });
    source.addEventListener("error", () => {
      // CONNECTING: the browser reconnects by itself (after the server's `retry`). CLOSED: it gave up
      // (HTTP error such as 401/404, wrong content type): fall back to polling and try again later.
      if (source.readyState === EventSource.CLOSED) {
        this.source = null;
        this.startPolling();
        this.retryTimer = window.setTimeout(() => {
          if (this.listeners.size > 0 && !this.source) this.open();
        }, RETRY_STREAM_MS);
      } else this.setStatus("connecting");
    });
  }

  private startPolling(): void {
    this.setStatus("polling");
    if (this.pollTimer !== undefined) return;
    this.pollTimer = window.setInterval(() => this.resync(), POLL_MS);
  }

  private stopPolling(): void {
    window.clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private resync(): void {
    for (const listener of this.listeners) listener.onResync();
  }

  private shutdown(): void {
    this.source?.close();
    this.source = null;
    this.stopPolling();
    window.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.setStatus("connecting");
  }
}

function parse(data: string): OrderChangeEvent | null {
  try {
    const value = JSON.parse(data) as Partial<OrderChangeEvent>;
    return typeof value.orderId === "string" && typeof value.orderNo === "string"
      ? (value as OrderChangeEvent)
      : null;
  } catch {
    return null;
  }
}

const hub = new OrderEventHub();

interface UseOrderEventsOptions {
  /** Called for every change the caller may see. */
  onChange?: (change: OrderChangeEvent) => void;
  /** Called when early warnings were found or decided where the caller may read them. */
  onWarning?: () => void;
  /** Called when the user has new in-app notifications. */
  onNotification?: () => void;
  /** Called on (re)connect and on every poll when the stream is unavailable: refetch what is shown. */
  onResync?: () => void;
  enabled?: boolean;
}

/**
 * Live order changes from the server-sent event stream (GET /api/events/stream). The callbacks may
 * change on every render; the subscription stays. Returns the connection status for a "live" badge.
 */
export function useOrderEvents({
  onChange,
  onWarning,
  onNotification,
  onResync,
  enabled = true,
}: UseOrderEventsOptions): LiveStatus {
  const callbacks = useRef({ onChange, onWarning, onNotification, onResync });
  callbacks.current = { onChange, onWarning, onNotification, onResync };
  const [status, setStatus] = useState<LiveStatus>(hub.status);

  useEffect(() => {
    if (!enabled) return;
    const stopStatus = hub.watchStatus(setStatus);
    const unsubscribe = hub.subscribe({
      onChange: (change) => callbacks.current.onChange?.(change),
      onWarning: () => callbacks.current.onWarning?.(),
      onNotification: () => callbacks.current.onNotification?.(),
      onResync: () => callbacks.current.onResync?.(),
    });
    setStatus(hub.status);
    return () => {
      unsubscribe();
      stopStatus();
    };
  }, [enabled]);

  return status;
}

/**
 * Calls `refresh` at most once per `delayMs` however many changes arrive: a burst of events (a batch
 * import, a sweep) triggers one refetch, not one per order.
 */
export function useCoalesced(refresh: () => void, delayMs = 300): () => void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const schedule = useRef(() => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, delayMs);
  });
  return schedule.current;
}
