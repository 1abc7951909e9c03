import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { hashPassword } from "../../modules/accounts/passwords.js";
import { insertUsers } from "../../modules/accounts/repository.js";
import { RegionDirectory } from "../../modules/regions/directory.js";
import { chinaDate } from "../../platform/calendar/china-time.js";
import { DEMO_PASSWORD } from "../demo-accounts.js";
import { Random } from "../history/random.js";
import { fullName } from "../history/texts.js";
import { FIELDWORK_COUNTS, type FieldworkRows, generateFieldwork } from "./generate.js";

/** Tables in the order their rows reference each other. */
const TABLES: readonly (keyof FieldworkRows)[] = [
  "monthly_topics",
  "field_links",
  "field_visits",
  "work_days",
  "visit_campaigns",
  "visit_campaign_targets",
  "diary_entries",
];
const SEQUENCES: Partial<Record<keyof FieldworkRows, true>> = {
  monthly_topics: true,
  field_visits: true,
  visit_campaigns: true,
};

/**
 * The demo field work (三联一进, 社区工作日, 民情日记, 大走访) on the demo accounts: the `leader` account
 * and 97 more (leader-002 … leader-098, password minhu-demo) linked to the first 98 communities, in one
 * transaction; nothing when leaders are linked already. Returns the rows written.
 */
export async function seedDemoFieldwork(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const linked = await db.selectFrom("field_links").select("id").limit(1).executeTakeFirst();
  const first = await db.selectFrom("users").select("id").where("username", "=", "leader").executeTakeFirst();
  if (linked || !first) return 0;
  const communities = await db
    .selectFrom("regions")
    .select("code")
    .where("level", "=", "community")
    .orderBy("code")
    .limit(FIELDWORK_COUNTS.leaders)
    .execute();
  const r = new Random(610103).fork("leaders");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await insertUsers(
    db,
    communities.slice(1).map((c, i) => ({
      username: `leader-${String(i + 2).padStart(3, "0")}`,
      displayName: `联系社区领导 ${fullName(r)}`,
      passwordHash,
      role: "leader",
      regionCode: c.code,
      unitId: null,
    })),
  );
  const leaders = await db
    .selectFrom("users")
    .select(["id", "region_code"])
    .where("role", "=", "leader")
    .where((eb) => eb.or([eb("username", "=", "leader"), eb("username", "like", "leader-%")]))
    .orderBy("id")
    .execute();
  const frame = {
    districtCode: (
      await db.selectFrom("regions").select("code").where("level", "=", "district").executeTakeFirstOrThrow()
    ).code,
    leaders: leaders.map((l) => ({ id: l.id, communityCode: l.region_code ?? "" })),
    grids: await gridFrames(db),
    firstVisitId:
      Number(
        (await sql<{ n: string }>`SELECT coalesce(max(id), 0) AS n FROM field_visits`.execute(db)).rows[0].n,
      ) + 1,
  };
  const rows = generateFieldwork(frame, chinaDate(now));
  return db.transaction().execute(async (trx) => {
    let written = 0;
    for (const table of TABLES) {
      const values = rows[table];
      for (let i = 0; i < values.length; i += 1000)
        await trx
          .insertInto(table)
          .values(values.slice(i, i + 1000) as never)
          .execute();
      written += values.length;
      if (SEQUENCES[table] && values.length > 0)
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(
          trx,
        );
    }
    return written;
  });
}

/** Each grid with its first grid worker (the diarist) and the buildings located in it. */
async function gridFrames(db: Kysely<DB>) {
  const regions = await RegionDirectory.load(db);
  const workers = await db
    .selectFrom("users")
    .select(["region_code", sql<number>`min(id)`.as("id")])
    .where("role", "=", "grid_worker")
    .groupBy("region_code")
    .execute();
  const buildings = await db
    .selectFrom("places as b")
    .innerJoin("places as c", "c.id", "b.compound_id")
    .select(["b.id", "b.name", "b.lng", "b.lat", "c.name as compound"])
    .where("b.kind", "=", "building")
    .where("b.active", "=", true)
    .orderBy("b.id")
    .execute();
  const inGrid = new Map<string, { id: number; name: string }[]>();
  for (const b of buildings) {
    const grid = regions.locate(b.lng, b.lat)?.grid.code;
    if (!grid) continue;
    const list = inGrid.get(grid) ?? [];
    if (list.length < 12) list.push({ id: b.id, name: `${b.compound}${b.name}` });
    inGrid.set(grid, list);
  }
  return workers
    .filter((w) => w.region_code !== null)
    .sort((a, b) => (a.region_code ?? "").localeCompare(b.region_code ?? ""))
    .map((w) => ({
      code: w.region_code ?? "",
      workerId: w.id,
      buildings: inGrid.get(w.region_code ?? "") ?? [],
    }));
}
