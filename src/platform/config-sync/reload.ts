import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { AppContext } from "../../modules/context.js";
import { Gazetteer } from "../../modules/places/gazetteer.js";
import { RegionDirectory } from "../../modules/regions/directory.js";
import { DispatchCatalogue } from "../../modules/routing/catalogue.js";
import { TimeLimits } from "../../modules/time-limits/service.js";
import { type ConfigPart, originOf, publishConfigChange } from "./publish.js";

/** Reloads queued per context: a reload started later always finishes later, so the newest data wins. */
const queues = new WeakMap<AppContext, Promise<void>>();

/**
 * Replaces the context's in-memory copies of the given parts with freshly loaded ones. Reloads of
 * one context run one after another, so an older load can never overwrite a newer one.
 */
export function reloadConfig(ctx: AppContext, parts: readonly ConfigPart[]): Promise<void> {
  const previous = queues.get(ctx) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => loadParts(ctx, parts));
  queues.set(ctx, next);
  return next;
}

async function loadParts(ctx: AppContext, parts: readonly ConfigPart[]): Promise<void> {
  // Load both before assigning either, so requests never see half of a reload.
  const [timeLimits, regions, catalogue] = await Promise.all([
    parts.includes("time-limits") ? TimeLimits.load(ctx.db) : null,
    parts.includes("regions") ? RegionDirectory.load(ctx.db) : null,
    parts.includes("catalogue") ? DispatchCatalogue.load(ctx.db) : null,
  ]);
  const places =
    regions || parts.includes("places") ? await Gazetteer.load(ctx.db, regions ?? ctx.regions) : null;
  if (timeLimits) ctx.timeLimits = timeLimits;
  if (regions) ctx.regions = regions;
  if (catalogue) ctx.catalogue = catalogue;
  if (places) ctx.places = places;
}

/**
 * Runs an admin change in one transaction that also notifies the other instances, then reloads this
 * instance's copies of the changed parts before returning, so the caller's next request sees them.
 */
export async function commitConfigChange<T>(
  ctx: AppContext,
  parts: ConfigPart[],
  change: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const value = await change(trx);
    await publishConfigChange(trx, parts, originOf(ctx));
    return value;
  });
  await reloadConfig(ctx, parts);
  return result;
}
