import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { type ConfigPart, originOf, publishConfigChange } from "./publish.js";

/** An instance that keeps configuration in memory (an app context): its database. */
export interface ConfigHolder {
  db: Kysely<DB>;
}

/** Replaces a holder's in-memory copies of the given parts with freshly loaded ones. */
export type ConfigLoader = (parts: readonly ConfigPart[]) => Promise<void>;

const loaders = new WeakMap<ConfigHolder, ConfigLoader>();
/** Reloads queued per holder: a reload started later always finishes later, so the newest data wins. */
const queues = new WeakMap<ConfigHolder, Promise<void>>();

/**
 * Tells this layer how a holder reloads its parts. The modules register it when they build the
 * context, so the platform never needs to know which parts exist in memory or how they load.
 */
export function registerConfigLoader(holder: ConfigHolder, loader: ConfigLoader): void {
  loaders.set(holder, loader);
}

/**
 * Reloads the given parts of a holder. Reloads of one holder run one after another, so an older
 * load can never overwrite a newer one.
 */
export function reloadConfig(holder: ConfigHolder, parts: readonly ConfigPart[]): Promise<void> {
  const loader = loaders.get(holder);
  if (!loader) return Promise.reject(new Error("no config loader registered for this instance"));
  const previous = queues.get(holder) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => loader(parts));
  queues.set(holder, next);
  return next;
}

/**
 * Runs an admin change in one transaction that also notifies the other instances, then reloads this
 * instance's copies of the changed parts before returning, so the caller's next request sees them.
 */
export async function commitConfigChange<T>(
  holder: ConfigHolder,
  parts: ConfigPart[],
  change: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const result = await holder.db.transaction().execute(async (trx) => {
    const value = await change(trx);
    await publishConfigChange(trx, parts, originOf(holder));
    return value;
  });
  await reloadConfig(holder, parts);
  return result;
}
