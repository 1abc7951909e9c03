import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { type Actor, coversRegion } from "../../platform/auth/permissions.js";
import { commitConfigChange } from "../../platform/config-sync/reload.js";
import { fail } from "../../platform/errors.js";
import { type Crs, toWgs84 } from "../../platform/geo/coordinates.js";
import { recordAudit } from "../audit/repository.js";
import { type AuditActor, changedFields } from "../audit/rules.js";
import type { AppContext } from "../context.js";
import {
  activeNamesake,
  findPlace,
  insertPlace,
  type PlaceFields,
  retirePlace,
  updatePlace,
} from "./repository.js";
import { LANDMARK_CATEGORIES, type LandmarkCategory, type StoredPlaceKind } from "./types.js";

/** What an administrator writes: points in any common datum, converted to WGS-84 here. */
export interface PlaceInput {
  kind: StoredPlaceKind;
  name: string;
  aliases?: string[];
  category?: LandmarkCategory | null;
  lng: number;
  lat: number;
  crs?: Crs;
  road?: { path: [number, number][]; from: number; to: number } | null;
  compoundId?: number | null;
  extent?: number | null;
}

/** 新增地名 Adds an entry; the gazetteer of every instance reloads with it. */
export async function createPlace(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  input: PlaceInput,
): Promise<number> {
  return commitConfigChange(ctx, ["places"], async (trx) => {
    const fields = await validFields(ctx, trx, actor, input, null);
    const id = await insertPlace(trx, fields, actor.id);
    await recordAudit(trx, by, { ...PLACE, targetId: id, after: fields }, ctx.now());
    return id;
  });
}

const PLACE = { action: "config.place", targetType: "place" } as const;

/** A stored entry in the shape an administrator writes it, to compare before and after. */
function fieldsOf(row: NonNullable<Awaited<ReturnType<typeof findPlace>>>): PlaceFields {
  return {
    kind: row.kind,
    name: row.name,
    aliases: row.aliases,
    category: row.category,
    lng: row.lng,
    lat: row.lat,
    road: row.road,
    extent: row.extent_m,
    compoundId: row.compound_id,
  };
}

/** 更正地名 Replaces an active entry's fields (a correction keeps its id). */
export async function correctPlace(
  ctx: AppContext,
  actor: Actor,
  by: AuditActor,
  id: number,
  input: PlaceInput,
): Promise<void> {
  await commitConfigChange(ctx, ["places"], async (trx) => {
    const current = await findPlace(trx, id);
    if (!current?.active) throw fail("NOT_FOUND", { what: `place ${id}` });
    if (current.kind !== input.kind)
      throw fail("VALIDATION_FAILED", { detail: "the kind of an entry cannot change" });
    requirePointInScope(ctx, actor, current.lng, current.lat);
    const fields = await validFields(ctx, trx, actor, input, id);
    await updatePlace(trx, id, fields, actor.id);
    const entry = { ...PLACE, targetId: id, ...changedFields(fieldsOf(current), fields) };
    await recordAudit(trx, by, entry, ctx.now());
  });
}

/** 停用地名 Retires an entry (with a compound's buildings); orders placed by it keep their grid. */
export async function retire(ctx: AppContext, actor: Actor, by: AuditActor, id: number): Promise<void> {
  await commitConfigChange(ctx, ["places"], async (trx) => {
    const current = await findPlace(trx, id);
    if (!current?.active) throw fail("NOT_FOUND", { what: `place ${id}` });
    requirePointInScope(ctx, actor, current.lng, current.lat);
    await retirePlace(trx, id, actor.id);
    const entry = {
      ...PLACE,
      targetId: id,
      before: { name: current.name, active: true },
      after: { active: false },
    };
    await recordAudit(trx, by, entry, ctx.now());
  });
}

async function validFields(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  input: PlaceInput,
  id: number | null,
): Promise<PlaceFields> {
  const crs = input.crs ?? "wgs84";
  const [lng, lat] = toWgs84(input.lng, input.lat, crs);
  requirePointInScope(ctx, actor, lng, lat);
  const name = input.name.normalize("NFKC").trim();
  const aliases = [...new Set((input.aliases ?? []).map((a) => a.normalize("NFKC").trim()).filter(Boolean))];
  const category = input.kind === "landmark" ? (input.category ?? null) : null;
  if (input.kind === "landmark" && (!category || !LANDMARK_CATEGORIES.includes(category)))
    throw fail("VALIDATION_FAILED", { detail: "a landmark needs a category" });
  const compoundId = input.kind === "building" ? (input.compoundId ?? null) : null;
  if (input.kind === "building") {
    const compound = compoundId === null ? undefined : await findPlace(trx, compoundId);
    if (!compound?.active || compound.kind !== "compound")
      throw fail("VALIDATION_FAILED", { detail: "a building belongs to an active compound (compoundId)" });
  }
  let road: PlaceFields["road"] = null;
  if (input.kind === "road") {
    if (!input.road || input.road.path.length < 2 || input.road.from >= input.road.to)
      throw fail("VALIDATION_FAILED", {
        detail: "a road needs a path of two or more points and numbers from < to",
      });
    road = {
      path: input.road.path.map(([x, y]) => toWgs84(x, y, crs)),
      from: input.road.from,
      to: input.road.to,
    };
  }
  const namesake = await activeNamesake(trx, { kind: input.kind, name, compoundId });
  if (namesake && namesake.id !== id) throw fail("CONFLICT", { detail: `${name} #${namesake.id}` });
  const extent = input.kind === "landmark" ? (input.extent ?? null) : null;
  return { kind: input.kind, name, aliases, category, lng, lat, road, extent, compoundId };
}

/** An entry's point must lie in the district, and in the administrator's own jurisdiction. */
function requirePointInScope(ctx: AppContext, actor: Actor, lng: number, lat: number): void {
  const location = ctx.regions.locate(lng, lat);
  if (!location) throw fail("OUTSIDE_JURISDICTION");
  if (!coversRegion(actor, location.grid.code)) throw fail("OUTSIDE_SCOPE");
}
