import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { QueuedItem } from "./rules";

interface OutboxDB extends DBSchema {
  outbox: { key: string; value: QueuedItem };
}

let database: Promise<IDBPDatabase<OutboxDB>> | null = null;

/** The phone's outbox (IndexedDB "minhu-offline"): it survives closing the app and the phone. */
function db(): Promise<IDBPDatabase<OutboxDB>> {
  database ??= openDB<OutboxDB>("minhu-offline", 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore("outbox", { keyPath: "key" });
    },
  });
  return database;
}

export const outboxStore = {
  all: async (): Promise<QueuedItem[]> => (await db()).getAll("outbox"),
  get: async (key: string): Promise<QueuedItem | undefined> => (await db()).get("outbox", key),
  /** Written before any send is tried: what was queued is on the phone even if the app closes. */
  put: async (item: QueuedItem): Promise<void> => {
    await (await db()).put("outbox", item);
  },
  remove: async (key: string): Promise<void> => {
    await (await db()).delete("outbox", key);
  },
};
