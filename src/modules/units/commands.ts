import type { Transaction } from "kysely";
import type { DB, RegionLevel, UnitKind } from "../../db/schema.js";
import { type Actor, coversRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { recordAudit } from "../audit/repository.js";
import { type AuditActor, changedFields } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import type { RegionDirectory } from "../regions/directory.js";
import {
  ancestorIds,
  catalogueReachOf,
  createUnitRow,
  findUnit,
  type UnitRow,
  updateUnitRow,
} from "./repository.js";

/** What an admin sets on a unit (承办单位); the code is fixed once created. */
export type UnitFields = Omit<UnitRow, "id" | "code">;
export type NewUnit = Omit<UnitRow, "id" | "active"> & { active?: boolean };

/**
 * Which regions each kind of unit can serve: departments the district (部门), street offices a street
 * (街道办), community committees a community (居委会); command centres exist at the three command
 * levels (三级指挥中心); enterprises (e.g. a property company) anywhere.
 */
export const KIND_LEVELS: Readonly<Record<UnitKind, readonly RegionLevel[]>> = {
  department: ["district"],
  street_office: ["street"],
  community_committee: ["community"],
  command_centre: ["district", "street", "community"],
  enterprise: ["district", "street", "community", "grid"],
};

/** The region must exist, lie in the admin's jurisdiction, and be of a level the kind serves. */
function requireRegionFits(regions: RegionDirectory, actor: Actor, kind: UnitKind, regionCode: string): void {
  const region = regions.get(regionCode);
  if (!region) throw fail("VALIDATION_FAILED", { detail: `unknown region ${regionCode}` });
  if (!coversRegion(actor, regionCode)) throw fail("OUTSIDE_SCOPE");
  if (!KIND_LEVELS[kind].includes(region.level)) {
    throw fail("VALIDATION_FAILED", {
      detail: `a ${kind} serves a ${KIND_LEVELS[kind].join("/")}, not a ${region.level}`,
    });
  }
}

/** A parent unit serves at least where its child does, and is not the unit itself or one of its descendants. */
async function requireParentFits(
  trx: Transaction<DB>,
  unitId: number | null,
  parentId: number | null,
  regionCode: string,
): Promise<void> {
  if (parentId === null) return;
  const parent = await findUnit(trx, parentId);
  if (!parent) throw fail("VALIDATION_FAILED", { detail: `unknown parent unit ${parentId}` });
  if (!regionCode.startsWith(parent.regionCode)) {
    throw fail("VALIDATION_FAILED", {
      detail: `parent unit ${parentId} does not cover region ${regionCode}`,
    });
  }
  if (unitId !== null && (parentId === unitId || (await ancestorIds(trx, parentId)).includes(unitId))) {
    throw fail("VALIDATION_FAILED", { detail: `parent unit ${parentId} would make a cycle` });
  }
}

/**
 * Dispatch must keep working: a unit the catalogue routes to may not be deactivated, nor moved out of
 * a region a catalogue row sends it orders from.
 */
async function requireCatalogueStillServed(
  regions: RegionDirectory,
  trx: Transaction<DB>,
  unitId: number,
  next: UnitFields,
): Promise<void> {
  const district = regions.root()?.code ?? "";
  const rows = await catalogueReachOf(trx, unitId);
  const stranded = rows.filter(
    (row) => !next.active || !(row.regionCode ?? district).startsWith(next.regionCode),
  );
  if (stranded.length > 0) {
    const ids = stranded.map((row) => row.id).join(", ");
    throw fail("CONFLICT", {
      detail: `dispatch catalogue rows ${ids} route orders to this unit; change them first`,
    });
  }
}

/** Creates a unit with a new code, in a region of a fitting level inside the admin's jurisdiction. */
export async function createUnit(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  unit: NewUnit,
): Promise<UnitRow> {
  requireRegionFits(ctx.regions, actor, unit.kind, unit.regionCode);
  return ctx.db.transaction().execute(async (trx) => {
    await requireParentFits(trx, null, unit.parentId, unit.regionCode);
    const row = await createUnitRow(trx, unit);
    if (!row) throw fail("CONFLICT", { detail: `unit code ${unit.code} exists` });
    const entry = { action: "config.unit", targetType: "unit", targetId: row.id, after: row } as const;
    await recordAudit(trx, by, entry, ctx.now());
    return row;
  });
}

/** Changes a unit inside the admin's jurisdiction; a unit outside it is "not found". */
export async function updateUnit(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  id: number,
  patch: Partial<UnitFields>,
): Promise<UnitRow> {
  const regions = ctx.regions;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findUnit(trx, id);
    if (!current || !coversRegion(actor, current.regionCode)) throw fail("NOT_FOUND", { what: `unit ${id}` });
    const next: UnitFields = { ...current, ...patch };
    requireRegionFits(regions, actor, next.kind, next.regionCode);
    await requireParentFits(trx, id, next.parentId, next.regionCode);
    await requireCatalogueStillServed(regions, trx, id, next);
    const row = await updateUnitRow(trx, id, next);
    const entry = {
      action: "config.unit",
      targetType: "unit",
      targetId: id,
      ...changedFields(current, row),
    } as const;
    await recordAudit(trx, by, entry, ctx.now());
    return row;
  });
}
