import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { PlaceRecord } from "./types.js";

type Source = "demo" | "admin" | "import";

/** Inserts entries (compounds before the buildings naming them), in statements of 500 rows. */
export async function insertPlaces(
  trx: Transaction<DB> | Kysely<DB>,
  records: readonly PlaceRecord[],
  source: Source,
) {
  const row = (r: PlaceRecord, compoundId: number | null) => ({
    kind: r.kind,
    name: r.name,
    aliases: JSON.stringify(r.aliases),
    category: r.category,
    lng: r.lng,
    lat: r.lat,
    road: r.road ? JSON.stringify(r.road) : null,
    extent_m: r.extent,
    compound_id: compoundId,
    source,
  });
  const compoundIds = new Map<string, number>();
  const first = records.filter((r) => r.kind !== "building");
  for (let i = 0; i < first.length; i += 500) {
    const inserted = await trx
      .insertInto("places")
      .values(first.slice(i, i + 500).map((r) => row(r, null)))
      .returning(["id", "kind", "name"])
      .execute();
    for (const p of inserted) if (p.kind === "compound") compoundIds.set(p.name, p.id);
  }
  const buildings = records.filter((r) => r.kind === "building" && r.compound && compoundIds.has(r.compound));
  for (let i = 0; i < buildings.length; i += 500)
    await trx
      .insertInto("places")
      .values(buildings.slice(i, i + 500).map((r) => row(r, compoundIds.get(r.compound as string) ?? null)))
      .execute();
  return first.length + buildings.length;
}

export interface PlaceFields {
  kind: PlaceRecord["kind"];
  name: string;
  aliases: string[];
  category: string | null;
  lng: number;
  lat: number;
  road: PlaceRecord["road"];
  extent: number | null;
  compoundId: number | null;
}

export async function findPlace(trx: Transaction<DB> | Kysely<DB>, id: number) {
  return trx.selectFrom("places").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The active entry with the same kind, compound and name, if any (names are unique among active entries). */
export async function activeNamesake(
  trx: Transaction<DB>,
  fields: Pick<PlaceFields, "kind" | "name" | "compoundId">,
) {
  let query = trx
    .selectFrom("places")
    .select("id")
    .where("active", "=", true)
    .where("kind", "=", fields.kind)
    .where("name", "=", fields.name);
  query =
    fields.compoundId === null
      ? query.where("compound_id", "is", null)
      : query.where("compound_id", "=", fields.compoundId);
  return query.executeTakeFirst();
}

export async function insertPlace(
  trx: Transaction<DB>,
  fields: PlaceFields,
  userId: number,
): Promise<number> {
  const row = await trx
    .insertInto("places")
    .values({ ...columns(fields), source: "admin", updated_by: userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlace(trx: Transaction<DB>, id: number, fields: PlaceFields, userId: number) {
  await trx
    .updateTable("places")
    .set({ ...columns(fields), updated_by: userId, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Retires an entry and the buildings of a retired compound. */
export async function retirePlace(trx: Transaction<DB>, id: number, userId: number) {
  await trx
    .updateTable("places")
    .set({ active: false, updated_by: userId, updated_at: new Date() })
    .where((eb) => eb.or([eb("id", "=", id), eb("compound_id", "=", id)]))
    .execute();
}

function columns(fields: PlaceFields) {
  return {
    kind: fields.kind,
    name: fields.name,
    aliases: JSON.stringify(fields.aliases),
    category: fields.category,
    lng: fields.lng,
    lat: fields.lat,
    road: fields.road ? JSON.stringify(fields.road) : null,
    extent_m: fields.extent,
    compound_id: fields.compoundId,
  };
}
