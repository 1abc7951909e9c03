import type { Kysely } from "kysely";
import type { DB, HandlingLevel } from "../../db/schema.js";

/** A route through the dispatch catalogue (派单目录): where an order starts and whom it goes to. */
export interface Route {
  handlingLevel: HandlingLevel;
  unitId: number | null;
  assistingUnitIds: number[];
  /** The catalogue row that decided it, or null for the default (district, no unit). */
  catalogueId: number | null;
}

export interface CatalogueEntry {
  id: number;
  categoryCode: string;
  regionCode: string | null;
  handlingLevel: HandlingLevel;
  unitId: number | null;
  assistingUnitIds: number[];
}

/** Unclassified or uncatalogued demands go to the district command centre to be sorted by hand. */
export const DEFAULT_ROUTE: Route = {
  handlingLevel: "district",
  unitId: null,
  assistingUnitIds: [],
  catalogueId: null,
};

/**
 * Picks the catalogue entry for a category in a region: the most specific category (the longest
 * code that is a prefix of the order's), then the most specific region (a local row beats the
 * district-wide one). Pure, so the rule is testable without a database.
 */
export function chooseRoute(
  entries: readonly CatalogueEntry[],
  categoryCode: string | null,
  regionCode: string,
): Route {
  if (!categoryCode) return DEFAULT_ROUTE;
  let best: CatalogueEntry | null = null;
  for (const entry of entries) {
    if (!categoryCode.startsWith(entry.categoryCode)) continue;
    if (entry.regionCode && !regionCode.startsWith(entry.regionCode)) continue;
    if (!best || specificity(entry) > specificity(best)) best = entry;
  }
  if (!best) return DEFAULT_ROUTE;
  return {
    handlingLevel: best.handlingLevel,
    unitId: best.unitId,
    assistingUnitIds: best.assistingUnitIds,
    catalogueId: best.id,
  };
}

function specificity(entry: CatalogueEntry): number {
  return entry.categoryCode.length * 100 + (entry.regionCode?.length ?? 0);
}

/** The catalogue rows that could apply to a category: its own and its ancestors'. */
export async function catalogueEntriesFor(db: Kysely<DB>, categoryCode: string): Promise<CatalogueEntry[]> {
  const prefixes = [2, 4, 6].filter((n) => n <= categoryCode.length).map((n) => categoryCode.slice(0, n));
  const rows = await db
    .selectFrom("dispatch_catalogue")
    .selectAll()
    .where("category_code", "in", prefixes)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    categoryCode: r.category_code,
    regionCode: r.region_code,
    handlingLevel: r.handling_level,
    unitId: r.unit_id,
    assistingUnitIds: r.assisting_unit_ids,
  }));
}

/** The route for a category in a region, read from the catalogue. */
export async function resolveRoute(
  db: Kysely<DB>,
  categoryCode: string | null,
  regionCode: string,
): Promise<Route> {
  if (!categoryCode) return DEFAULT_ROUTE;
  return chooseRoute(await catalogueEntriesFor(db, categoryCode), categoryCode, regionCode);
}

/** Where an order is located, from the smallest region known. */
export interface Placement {
  districtCode: string;
  streetCode: string | null;
  communityCode: string | null;
  gridCode: string | null;
}

/**
 * 小事不出格、大事不出网: the region that holds an order at a handling level. When the point is
 * not known to the level asked (no grid for a grid-level matter), the order starts one level up.
 */
export function holderAt(
  level: HandlingLevel,
  placement: Placement,
): { level: HandlingLevel; regionCode: string } {
  const chain: [HandlingLevel, string | null][] = [
    ["grid", placement.gridCode],
    ["community", placement.communityCode],
    ["street", placement.streetCode],
    ["district", placement.districtCode],
  ];
  const start = chain.findIndex(([l]) => l === level);
  for (const [l, code] of chain.slice(start)) if (code) return { level: l, regionCode: code };
  return { level: "district", regionCode: placement.districtCode };
}
