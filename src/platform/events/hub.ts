import type { Database } from "../../db/database.js";
import type { Actor } from "../auth/permissions.js";
import { ORDER_CHANNEL, type OrderChange, parseOrderChange } from "./publish.js";
import { canSeeChange } from "./visibility.js";

interface Subscriber {
  actor: Actor;
  send: (change: OrderChange) => void;
}

/**
 * One per server instance: listens once on the order channel and hands each change to the local
 * subscribers allowed to see it. Every instance has its own hub, so a change committed through any
 * instance reaches the clients of all of them.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | null = null;

  /** @param onError told when a subscriber's `send` throws; the other subscribers are still served. */
  constructor(
    private readonly onError: (error: unknown) => void = (error) => console.error("event hub:", error),
  ) {}

  /** Starts listening; calling it again is a no-op. */
  async start(database: Pick<Database, "listen">): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = await database.listen(ORDER_CHANNEL, (payload) => this.deliver(payload));
  }

  /** Stops listening; subscribers stay registered but receive nothing more. */
  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    await unlisten?.();
  }

  /** Receives the changes the actor may see until the returned function is called. */
  subscribe(actor: Actor, send: (change: OrderChange) => void): () => void {
    const subscriber = { actor, send };
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** Live subscribers on this instance. */
  get size(): number {
    return this.subscribers.size;
  }

  private deliver(payload: string): void {
    const change = parseOrderChange(payload);
    if (!change) return;
    for (const { actor, send } of this.subscribers) {
      if (!canSeeChange(actor, change)) continue;
      try {
        send(change);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
