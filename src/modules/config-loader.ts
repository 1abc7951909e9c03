import type { ConfigPart } from "../platform/config-sync/publish.js";
import type { AppContext } from "./context.js";
import { Gazetteer } from "./places/gazetteer.js";
import { RegionDirectory } from "./regions/directory.js";
import { DispatchCatalogue } from "./routing/catalogue.js";
import { TimeLimits } from "./time-limits/service.js";

/**
 * Replaces the context's in-memory copies of the given parts with freshly loaded ones (registered
 * with the config sync when the context is built). Everything is loaded before anything is
 * assigned, so requests never see half of a reload.
 */
export async function loadConfigParts(ctx: AppContext, parts: readonly ConfigPart[]): Promise<void> {
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
