import type { Transaction } from "kysely";
import type { DB, HandlingLevel } from "../../db/schema.js";
import { type Actor, coversRegion } from "../../platform/auth/permissions.js";
import { commitConfigChange } from "../../platform/config-sync/reload.js";
import { fail } from "../../platform/errors.js";
import { recordAudit } from "../audit/repository.js";
import { type AuditActor, changedFields } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import {
  type CatalogueFields,
  type CatalogueRow,
  deleteCatalogueRow,
  findCatalogueRow,
  insertCatalogueRow,
  lockCategory,
  twinRow,
  unitsByIds,
  updateCatalogueRow,
} from "./repository.js";

export interface CataloguePatch {
  handlingLevel?: HandlingLevel;
  unitId?: number | null;
  assistingUnitIds?: number[];
}

/** Where a row applies: its region, or the whole district for a district-wide row. */
function reachOf(ctx: AppContext, regionCode: string | null): string {
  return regionCode ?? ctx.regions.root()?.code ?? "";
}

/** An admin edits only rows inside the jurisdiction; a district-wide row needs the whole district. */
function requireRowInScope(ctx: AppContext, actor: Actor, regionCode: string | null): void {
  if (!coversRegion(actor, reachOf(ctx, regionCode))) throw fail("OUTSIDE_SCOPE");
}

/**
 * The units a row names must exist, take orders and serve where the row applies (a department's
 * jurisdiction is the whole district, a street office's its street); the main unit does not also assist.
 */
async function requireUnitsServe(
  trx: Transaction<DB>,
  reach: string,
  fields: Pick<CatalogueFields, "unitId" | "assistingUnitIds">,
): Promise<void> {
  if (fields.unitId !== null && fields.assistingUnitIds.includes(fields.unitId)) {
    throw fail("VALIDATION_FAILED", { detail: `unit ${fields.unitId} is both main and assisting unit` });
  }
  const ids = [...(fields.unitId === null ? [] : [fields.unitId]), ...fields.assistingUnitIds];
  const units = await unitsByIds(trx, ids);
  for (const id of ids) {
    const unit = units.find((u) => u.id === id);
    if (!unit?.active) throw fail("VALIDATION_FAILED", { detail: `unknown unit ${id}` });
    if (!reach.startsWith(unit.regionCode))
      throw fail("VALIDATION_FAILED", { detail: `unit ${id} does not serve region ${reach}` });
  }
}

/**
 * Adds a catalogue row. A row for a region overrides the district-wide row of the same category
 * there (the more specific region wins in `chooseRoute`); one row per category and region.
 */
const CATALOGUE = { action: "config.catalogue", targetType: "catalogue" } as const;

export async function createCatalogueEntry(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  fields: CatalogueFields,
): Promise<CatalogueRow> {
  if (fields.regionCode !== null && !ctx.regions.get(fields.regionCode)) {
    throw fail("VALIDATION_FAILED", { detail: `unknown region ${fields.regionCode}` });
  }
  requireRowInScope(ctx, actor, fields.regionCode);
  const id = await commitConfigChange(ctx, ["catalogue"], async (trx) => {
    if (!(await lockCategory(trx, fields.categoryCode))) {
      throw fail("VALIDATION_FAILED", { detail: `unknown category ${fields.categoryCode}` });
    }
    const twin = await twinRow(trx, fields.categoryCode, fields.regionCode);
    if (twin !== undefined)
      throw fail("CONFLICT", { detail: `row ${twin} already routes this category here` });
    await requireUnitsServe(trx, reachOf(ctx, fields.regionCode), fields);
    const id = await insertCatalogueRow(trx, fields);
    await recordAudit(trx, by, { ...CATALOGUE, targetId: id, after: fields }, ctx.now());
    return id;
  });
  return (await findCatalogueRow(ctx.db, id)) as CatalogueRow;
}

/** Changes a row's level and units; its category and region stay (delete and add to move it). */
export async function updateCatalogueEntry(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  id: number,
  patch: CataloguePatch,
): Promise<CatalogueRow> {
  await commitConfigChange(ctx, ["catalogue"], async (trx) => {
    const current = await findCatalogueRow(trx, id);
    if (!current) throw fail("NOT_FOUND", { what: `catalogue row ${id}` });
    requireRowInScope(ctx, actor, current.regionCode);
    const next = {
      handlingLevel: patch.handlingLevel ?? current.handlingLevel,
      unitId: patch.unitId === undefined ? current.unitId : patch.unitId,
      assistingUnitIds: patch.assistingUnitIds ?? current.assistingUnitIds,
    };
    await requireUnitsServe(trx, reachOf(ctx, current.regionCode), next);
    await updateCatalogueRow(trx, id, next);
    const entry = { ...CATALOGUE, targetId: id, ...changedFields(current, { ...current, ...next }) };
    await recordAudit(trx, by, entry, ctx.now());
  });
  return (await findCatalogueRow(ctx.db, id)) as CatalogueRow;
}

/** Removes a row; where it was the only one, orders fall back to the broader row or the default route. */
export async function deleteCatalogueEntry(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  id: number,
): Promise<void> {
  await commitConfigChange(ctx, ["catalogue"], async (trx) => {
    const current = await findCatalogueRow(trx, id);
    if (!current) throw fail("NOT_FOUND", { what: `catalogue row ${id}` });
    requireRowInScope(ctx, actor, current.regionCode);
    await deleteCatalogueRow(trx, id);
    await recordAudit(trx, by, { ...CATALOGUE, targetId: id, before: current, after: null }, ctx.now());
  });
}
