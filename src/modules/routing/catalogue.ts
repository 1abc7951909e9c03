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

/**
 * The active categories and the dispatch catalogue, held in memory: every intake checks its category
 * and finds its route here without asking the database. Admin changes reload it on every instance
 * (config part "catalogue").
 */
export class DispatchCatalogue {
  private constructor(
    /** Active category code → name. */
    private readonly activeCategories: ReadonlyMap<string, string>,
    /** Catalogue rows by the category code they name (a branch's code covers its subcategories). */
    private readonly entriesByCategory: ReadonlyMap<string, CatalogueEntry[]>,
  ) {}

  static async load(db: Kysely<DB>): Promise<DispatchCatalogue> {
    const [categories, rows] = await Promise.all([
      db.selectFrom("categories").select(["code", "name"]).where("active", "=", true).execute(),
      db.selectFrom("dispatch_catalogue").selectAll().orderBy("id").execute(),
    ]);
    const entries = new Map<string, CatalogueEntry[]>();
    for (const r of rows) {
      const list = entries.get(r.category_code) ?? [];
      list.push({
        id: r.id,
        categoryCode: r.category_code,
        regionCode: r.region_code,
        handlingLevel: r.handling_level,
        unitId: r.unit_id,
        assistingUnitIds: r.assisting_unit_ids,
      });
      entries.set(r.category_code, list);
    }
    return new DispatchCatalogue(new Map(categories.map((c) => [c.code, c.name])), entries);
  }

  /** The name of an active category; undefined for unknown or deactivated codes. */
  activeCategoryName(code: string): string | undefined {
    return this.activeCategories.get(code);
  }

  /** The route for a category in a region: the rows of the category and its ancestors decide. */
  route(categoryCode: string | null, regionCode: string): Route {
    if (!categoryCode) return DEFAULT_ROUTE;
    const candidates = [2, 4, 6]
      .filter((n) => n <= categoryCode.length)
      .flatMap((n) => this.entriesByCategory.get(categoryCode.slice(0, n)) ?? []);
    return chooseRoute(candidates, categoryCode, regionCode);
  }
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
