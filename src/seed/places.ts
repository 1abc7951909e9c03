import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { generateDemoPlaces } from "../modules/places/generate.js";
import { insertPlaces } from "../modules/places/repository.js";
import { RegionDirectory } from "../modules/regions/directory.js";

/**
 * The demo gazetteer (real roads and landmarks, generated compounds and buildings) placed on the
 * grids in the database. Runs when the gazetteer is empty, so a database seeded before it existed
 * gains one on its next start.
 */
export async function seedDemoPlaces(db: Kysely<DB>): Promise<number> {
  const regions = await RegionDirectory.load(db);
  const grids = await db
    .selectFrom("regions")
    .select(["code", "min_lng", "min_lat", "max_lng", "max_lat"])
    .where("level", "=", "grid")
    .orderBy("code")
    .execute();
  const records = generateDemoPlaces(
    grids.map((g) => ({
      code: g.code,
      bbox: [g.min_lng ?? 0, g.min_lat ?? 0, g.max_lng ?? 0, g.max_lat ?? 0] as [
        number,
        number,
        number,
        number,
      ],
    })),
    (lng, lat) => regions.locate(lng, lat)?.grid.code ?? null,
  );
  return db.transaction().execute((trx) => insertPlaces(trx, records, "demo"));
}
