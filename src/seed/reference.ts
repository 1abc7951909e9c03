import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { flattenCategories } from "../modules/categories/tree.js";
import { generateBeilinRegions } from "../modules/regions/geometry/partition.js";
import type { RegionShape } from "../modules/regions/geometry/types.js";
import { DEFAULT_TIME_LIMIT_RULES } from "../modules/time-limits/rules.js";
import { DISTRICT_DEPARTMENTS } from "../modules/units/departments.js";

/** Street offices and community committees get unit codes derived from their region code. */
export const streetOfficeCode = (streetCode: string) => `jd${streetCode}`;
export const communityCommitteeCode = (communityCode: string) => `sq${communityCode}`;

/**
 * Reference data every installation needs, demo or not: the 碑林区 region tree and grids, the units,
 * the category tree, the dispatch catalogue and the default time limits. Runs once, in one transaction.
 */
export async function seedReferenceData(db: Kysely<DB>): Promise<{ regions: number; units: number }> {
  const shapes = generateBeilinRegions();
  return db.transaction().execute(async (trx) => {
    const regions = [shapes.district, ...shapes.streets, ...shapes.communities, ...shapes.grids];
    await insertRegions(trx, regions);
    const units = await insertUnits(trx, shapes.district.code, shapes.streets, shapes.communities);
    await insertCategoriesAndCatalogue(trx, units);
    await trx
      .insertInto("time_limit_rules")
      .values(
        DEFAULT_TIME_LIMIT_RULES.map((rule) => ({
          category_prefix: rule.categoryPrefix,
          demand_type: rule.type,
          urgent: rule.urgent,
          response_minutes: rule.responseMinutes,
          handling_unit: rule.handling.unit,
          handling_amount: rule.handling.amount,
        })),
      )
      .execute();
    return { regions: regions.length, units: units.size };
  });
}

async function insertRegions(trx: Kysely<DB>, regions: RegionShape[]): Promise<void> {
  const rows = regions.map((region) => {
    const [minLng, minLat, maxLng, maxLat] = bounds(region.geometry);
    return {
      code: region.code,
      name: region.name,
      level: region.level,
      parent_code: region.parentCode,
      geometry: JSON.stringify(region.geometry),
      min_lng: minLng,
      min_lat: minLat,
      max_lng: maxLng,
      max_lat: maxLat,
      party_branch:
        region.level === "grid"
          ? `${region.name}党支部`
          : region.level === "community"
            ? `${region.name}党委`
            : null,
    };
  });
  // Parents first (the list is ordered by level), in batches small enough for one statement.
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto("regions")
      .values(rows.slice(i, i + 200))
      .execute();
}

function bounds(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [lng, lat] of polygon[0]) {
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/** Departments (district), street offices, community committees; returns unit code → id. */
async function insertUnits(
  trx: Kysely<DB>,
  districtCode: string,
  streets: RegionShape[],
  communities: RegionShape[],
): Promise<Map<string, number>> {
  const rows = [
    ...Object.entries(DISTRICT_DEPARTMENTS).map(([code, d]) => ({
      code,
      name: d.name,
      name_en: d.nameEn,
      kind: "department" as const,
      region_code: districtCode,
    })),
    ...streets.map((s) => ({
      code: streetOfficeCode(s.code),
      name: `${s.name}办事处`,
      name_en: `${s.code} sub-district office`,
      kind: "street_office" as const,
      region_code: s.code,
    })),
    ...communities.map((c) => ({
      code: communityCommitteeCode(c.code),
      name: `${c.name}居委会`,
      name_en: `${c.code} community committee`,
      kind: "community_committee" as const,
      region_code: c.code,
    })),
  ];
  const inserted = await trx.insertInto("units").values(rows).returning(["id", "code"]).execute();
  return new Map(inserted.map((u) => [u.code, u.id]));
}

async function insertCategoriesAndCatalogue(trx: Kysely<DB>, units: Map<string, number>): Promise<void> {
  const categories = flattenCategories();
  await trx
    .insertInto("categories")
    .values(
      categories.map((c) => ({
        code: c.code,
        name: c.name,
        name_en: c.nameEn,
        parent_code: c.parentCode,
        level: c.level,
      })),
    )
    .execute();
  // One district-wide catalogue row per leaf-or-branch below level 1; local rows may override per region.
  await trx
    .insertInto("dispatch_catalogue")
    .values(
      categories
        .filter((c) => c.level > 1)
        .map((c) => ({
          category_code: c.code,
          region_code: null,
          handling_level: c.handlingLevel,
          unit_id: c.unitCode ? (units.get(c.unitCode) ?? null) : null,
        })),
    )
    .execute();
}
