import type { Kysely } from "kysely";
import type { DB, RegionLevel } from "../../db/schema.js";
import { type Crs, toWgs84 } from "../../platform/geo/coordinates.js";
import { GridLocator } from "./geometry/locator.js";

/** A region without its geometry: what most lookups need. */
export interface RegionEntry {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** District → street → community → grid names and codes for a located point. */
export interface Location {
  district: { code: string; name: string };
  street: { code: string; name: string };
  community: { code: string; name: string };
  grid: { code: string; name: string };
}

/**
 * The region tree held in memory (a few hundred to a hundred thousand rows) with a spatial index
 * over the grids, so locating a point never touches the database.
 */
export class RegionDirectory {
  private constructor(
    private readonly entries: Map<string, RegionEntry>,
    private readonly locator: GridLocator,
  ) {}

  static async load(db: Kysely<DB>): Promise<RegionDirectory> {
    const rows = await db
      .selectFrom("regions")
      .select(["code", "name", "level", "parent_code", "geometry"])
      .execute();
    const entries = new Map<string, RegionEntry>();
    const grids: { code: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[] = [];
    for (const row of rows) {
      entries.set(row.code, {
        code: row.code,
        name: row.name,
        level: row.level,
        parentCode: row.parent_code,
      });
      if (row.level === "grid" && row.geometry) {
        grids.push({ code: row.code, geometry: row.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon });
      }
    }
    return new RegionDirectory(entries, new GridLocator(grids));
  }

  /** The district: the one region without a parent. */
  root(): RegionEntry | undefined {
    for (const entry of this.entries.values()) if (entry.parentCode === null) return entry;
    return undefined;
  }

  get(code: string): RegionEntry | undefined {
    return this.entries.get(code);
  }

  /** The region and its ancestors, district first. */
  lineage(code: string): RegionEntry[] {
    const chain: RegionEntry[] = [];
    for (
      let entry = this.entries.get(code);
      entry;
      entry = entry.parentCode ? this.entries.get(entry.parentCode) : undefined
    ) {
      chain.unshift(entry);
    }
    return chain;
  }

  /** The grid containing a point (converted to WGS-84 first), or null outside every grid. */
  locate(lng: number, lat: number, crs: Crs = "wgs84"): Location | null {
    const [x, y] = toWgs84(lng, lat, crs);
    const gridCode = this.locator.locate(x, y);
    return gridCode ? this.locationOf(gridCode) : null;
  }

  /** Grid codes whose extent meets a WGS-84 box. */
  gridsNear(box: [number, number, number, number]): string[] {
    return this.locator.gridsNear(...box);
  }

  /** The named lineage of a grid, community or street code (missing levels repeat the nearest known). */
  locationOf(code: string): Location | null {
    const byLevel = new Map(
      this.lineage(code).map((entry) => [entry.level, { code: entry.code, name: entry.name }]),
    );
    const district = byLevel.get("district");
    const street = byLevel.get("street");
    const community = byLevel.get("community");
    const grid = byLevel.get("grid");
    if (!district || !street || !community || !grid) return null;
    return { district, street, community, grid };
  }
}
