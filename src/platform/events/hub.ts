import type { Database } from "../../db/database.js";
import { canSeeOrder } from "../auth/order-visibility.js";
import type { Actor } from "../auth/permissions.js";
import {
  NOTIFICATION_CHANNEL,
  type NotificationNotice,
  ORDER_CHANNEL,
  type OrderChange,
  parseNotificationNotice,
  parseOrderChange,
  parseWarningNotice,
  WARNING_CHANNEL,
  type WarningNotice,
} from "./publish.js";
import { canSeeWarningNotice } from "./visibility.js";

interface Subscriber<T> {
  actor: Actor;
  send: (event: T) => void;
}

/**
 * One per server instance: listens once on the order and warning channels and hands each change to
 * the local subscribers allowed to see it. Every instance has its own hub, so a change committed
 * through any instance reaches the clients of all of them.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber<OrderChange>>();
  private readonly warningSubscribers = new Set<Subscriber<WarningNotice>>();
  private readonly notificationSubscribers = new Set<Subscriber<NotificationNotice>>();
  private unlisten: (() => Promise<void>)[] | null = null;

  /** @param onError told when a subscriber's `send` throws; the other subscribers are still served. */
  constructor(
    private readonly onError: (error: unknown) => void = (error) => console.error("event hub:", error),
  ) {}

  /** Starts listening; calling it again is a no-op. */
  async start(database: Pick<Database, "listen">): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = [
      await database.listen(ORDER_CHANNEL, (payload) =>
        this.deliver(this.subscribers, parseOrderChange(payload), canSeeOrder),
      ),
      await database.listen(WARNING_CHANNEL, (payload) =>
        this.deliver(this.warningSubscribers, parseWarningNotice(payload), canSeeWarningNotice),
      ),
      // Only the users named hear of their own notifications.
      await database.listen(NOTIFICATION_CHANNEL, (payload) =>
        this.deliver(this.notificationSubscribers, parseNotificationNotice(payload), (actor, notice) =>
          notice.userIds.includes(actor.id),
        ),
      ),
    ];
  }

  /** Stops listening; subscribers stay registered but receive nothing more. */
  async stop(): Promise<void> {
    const unlisten = this.unlisten ?? [];
    this.unlisten = null;
    for (const stop of unlisten) await stop();
  }

  /** Receives the changes the actor may see until the returned function is called. */
  subscribe(actor: Actor, send: (change: OrderChange) => void): () => void {
    const subscriber = { actor, send };
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** Receives notices of warnings found or decided where the actor may read them. */
  subscribeToWarnings(actor: Actor, send: (notice: WarningNotice) => void): () => void {
    const subscriber = { actor, send };
    this.warningSubscribers.add(subscriber);
    return () => {
      this.warningSubscribers.delete(subscriber);
    };
  }

  /** Receives notices that the actor has new in-app notifications. */
  subscribeToNotifications(actor: Actor, send: (notice: NotificationNotice) => void): () => void {
    const subscriber = { actor, send };
    this.notificationSubscribers.add(subscriber);
    return () => {
      this.notificationSubscribers.delete(subscriber);
    };
  }

  /** Live subscribers on this instance. */
  get size(): number {
    return this.subscribers.size;
  }

  private deliver<T>(
    subscribers: ReadonlySet<Subscriber<T>>,
    event: T | null,
    canSee: (actor: Actor, event: T) => boolean,
  ): void {
    if (!event) return;
    for (const { actor, send } of subscribers) {
      if (!canSee(actor, event)) continue;
      try {
        send(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
