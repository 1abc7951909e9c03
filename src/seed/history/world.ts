import type { Role } from "../../db/schema.js";
import type { AppContext } from "../../modules/context.js";
import type { CatalogueEntry } from "../../modules/routing/catalogue.js";
import type { TimeLimits } from "../../modules/time-limits/service.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { addDays } from "../../platform/calendar/days.js";
import type { WorkingCalendar } from "../../platform/calendar/working-calendar.js";
import { communityCommitteeCode, streetOfficeCode } from "../reference.js";
import { CalendarTable } from "./calendar-table.js";

/** Someone who acts in the history: a demo account. */
export interface Staff {
  id: number;
  role: Role;
  regionCode: string | null;
  unitId: number | null;
}

export interface GridPlace {
  code: string;
  name: string;
  communityCode: string;
  communityName: string;
  streetCode: string;
  /** [minLng, minLat, maxLng, maxLat] */
  bbox: [number, number, number, number];
}

/** Everything the history is built from: the district's places, units, routes, people and calendar. */
export interface World {
  districtCode: string;
  grids: GridPlace[];
  unitIds: Map<string, number>;
  unitNames: Map<number, string>;
  departmentIds: number[];
  catalogue: CatalogueEntry[];
  categoryNames: Map<string, string>;
  /** The time-limit rules; their deadlines are computed on `calendar`. */
  timeLimits: TimeLimits;
  /** The working calendar, tabulated over the history's years (the same days and hours). */
  calendar: WorkingCalendar;
  /** The grid containing a WGS-84 point, for placing demands inside their grid. */
  locate(lng: number, lat: number): string | null;
  operator: Staff;
  districtDispatcher: Staff;
  streetDispatcher: Staff;
  communityDispatcher: Staff;
  supervisor: Staff;
  /** The demo resident (居民) account, who submits a few demands online under their own name and phone. */
  resident: Staff & { name: string; phone: string | null };
  /** The handler (承办人) of each unit, by unit id. */
  handlers: Map<number, Staff>;
  /** The grid workers of each grid. */
  gridWorkers: Map<string, Staff[]>;
}

/** The demo accounts the history needs by name (see demo-accounts.ts). */
const NAMED = [
  "operator",
  "district-dispatcher",
  "street-dispatcher",
  "community-dispatcher",
  "supervisor",
  "resident",
] as const;

/** Loads the world from the database; the demo accounts must exist (`minhu seed --demo` adds them). */
export async function loadWorld(ctx: AppContext): Promise<World> {
  const db = ctx.db;
  const [regions, units, catalogue, users, categories] = await Promise.all([
    db
      .selectFrom("regions")
      .select(["code", "name", "level", "parent_code", "min_lng", "min_lat", "max_lng", "max_lat"])
      .orderBy("code")
      .execute(),
    db.selectFrom("units").select(["id", "code", "name", "kind"]).where("active", "=", true).execute(),
    db.selectFrom("dispatch_catalogue").selectAll().execute(),
    db
      .selectFrom("users")
      .select(["id", "username", "display_name", "role", "region_code", "unit_id", "phone_cipher"])
      .where("active", "=", true)
      .orderBy("id")
      .execute(),
    db.selectFrom("categories").select(["code", "name"]).execute(),
  ]);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const byUsername = new Map(users.map((u) => [u.username, u]));
  const missing = NAMED.filter((name) => !byUsername.has(name));
  if (missing.length > 0)
    throw new Error(
      `the demo history needs the demo accounts (missing: ${missing.join(", ")}); run \`minhu seed --demo\` on an empty database`,
    );
  const residentRow = byUsername.get("resident") as (typeof users)[number];
  const staff = (username: (typeof NAMED)[number]) =>
    toStaff(byUsername.get(username) as (typeof users)[number]);
  const handlers = new Map<number, Staff>();
  const gridWorkers = new Map<string, Staff[]>();
  for (const user of users) {
    if (user.role === "unit_handler" && user.unit_id !== null && !handlers.has(user.unit_id))
      handlers.set(user.unit_id, toStaff(user));
    if (user.role === "grid_worker" && user.region_code)
      gridWorkers.set(user.region_code, [...(gridWorkers.get(user.region_code) ?? []), toStaff(user)]);
  }
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  const grids = regions
    .filter((r) => r.level === "grid" && r.parent_code && gridWorkers.has(r.code))
    .map((r) => ({
      code: r.code,
      name: r.name,
      communityCode: r.parent_code as string,
      communityName: names.get(r.parent_code as string) ?? "",
      streetCode: r.code.slice(0, 9),
      bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat] as [number, number, number, number],
    }))
    .filter(
      (g) =>
        unitIds.has(streetOfficeCode(g.streetCode)) && unitIds.has(communityCommitteeCode(g.communityCode)),
    );
  return {
    districtCode: regions.find((r) => r.level === "district")?.code ?? "",
    grids,
    unitIds,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    departmentIds: units.filter((u) => u.kind === "department").map((u) => u.id),
    catalogue: catalogue.map((c) => ({
      id: c.id,
      categoryCode: c.category_code,
      regionCode: c.region_code,
      handlingLevel: c.handling_level,
      unitId: c.unit_id,
      assistingUnitIds: c.assisting_unit_ids,
    })),
    categoryNames: new Map(categories.map((c) => [c.code, c.name])),
    timeLimits: ctx.timeLimits,
    // Two years back (the longest history) and half a year ahead (deadlines of the last demands).
    calendar: new CalendarTable(
      ctx.timeLimits.calendar,
      addDays(chinaDate(ctx.now()), -731),
      addDays(chinaDate(ctx.now()), 183),
    ),
    locate: (lng, lat) => ctx.regions.locate(lng, lat)?.grid.code ?? null,
    operator: staff("operator"),
    districtDispatcher: staff("district-dispatcher"),
    streetDispatcher: staff("street-dispatcher"),
    communityDispatcher: staff("community-dispatcher"),
    supervisor: staff("supervisor"),
    resident: {
      ...staff("resident"),
      name: residentRow.display_name,
      phone: residentRow.phone_cipher ? ctx.vault.decrypt(residentRow.phone_cipher) : null,
    },
    handlers,
    gridWorkers,
  };
}

function toStaff(user: {
  id: number;
  role: Role;
  region_code: string | null;
  unit_id: number | null;
}): Staff {
  return { id: user.id, role: user.role, regionCode: user.region_code, unitId: user.unit_id };
}

/** The local units of a grid: its street office (街道办) and community committee (居委会). */
export function localUnits(world: World, grid: GridPlace): { streetOffice: number; committee: number } {
  return {
    streetOffice: world.unitIds.get(streetOfficeCode(grid.streetCode)) as number,
    committee: world.unitIds.get(communityCommitteeCode(grid.communityCode)) as number,
  };
}
