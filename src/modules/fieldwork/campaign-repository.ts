import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;

export interface CampaignTarget {
  gridCode: string;
  households: number;
  buildings: number;
}

/** 大走访: a campaign and its targets per grid, in the caller's transaction. */
export async function insertCampaign(
  trx: Transaction<DB>,
  campaign: { regionCode: string; name: string; startsOn: string; endsOn: string; by: number },
  targets: CampaignTarget[],
): Promise<number> {
  const row = await trx
    .insertInto("visit_campaigns")
    .values({
      region_code: campaign.regionCode,
      name: campaign.name,
      starts_on: campaign.startsOn,
      ends_on: campaign.endsOn,
      created_by: campaign.by,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (targets.length > 0)
    await trx
      .insertInto("visit_campaign_targets")
      .values(
        targets.map((t) => ({
          campaign_id: row.id,
          grid_code: t.gridCode,
          households: t.households,
          buildings: t.buildings,
        })),
      )
      .execute();
  return row.id;
}

/** Campaigns that reach into a prefix (made inside it, or by a region containing it). */
export async function listCampaigns(db: Db, prefix: string) {
  return db
    .selectFrom("visit_campaigns")
    .select(["id", "region_code", "name", "starts_on", "ends_on"])
    .where(sql<boolean>`(region_code LIKE ${`${prefix}%`} OR ${prefix} LIKE region_code || '%')`)
    .orderBy("starts_on", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function findCampaign(db: Db, id: number) {
  return db
    .selectFrom("visit_campaigns")
    .select(["id", "region_code", "name", "starts_on", "ends_on"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * Each target grid inside the prefix with what the campaign's diary entries there have covered:
 * distinct households and distinct buildings visited (a household visited twice counts once).
 */
export async function campaignGrids(db: Db, campaignId: number, prefix: string) {
  return db
    .selectFrom("visit_campaign_targets as t")
    .innerJoin("regions as g", "g.code", "t.grid_code")
    .select([
      "t.grid_code",
      "g.name as grid_name",
      "t.households",
      "t.buildings",
      sql<number>`(SELECT count(DISTINCT d.household)::int FROM diary_entries d
        WHERE d.campaign_id = t.campaign_id AND d.region_code LIKE t.grid_code || '%')`.as(
        "visited_households",
      ),
      sql<number>`(SELECT count(DISTINCT d.place_id)::int FROM diary_entries d
        WHERE d.campaign_id = t.campaign_id AND d.region_code LIKE t.grid_code || '%')`.as(
        "visited_buildings",
      ),
    ])
    .where("t.campaign_id", "=", campaignId)
    .where("t.grid_code", "like", `${prefix}%`)
    .orderBy("t.grid_code")
    .execute();
}

/** Whether the campaign has a target in the grid (an entry counts only where the campaign runs). */
export async function hasTarget(db: Db, campaignId: number, gridCode: string): Promise<boolean> {
  const row = await db
    .selectFrom("visit_campaign_targets")
    .select("grid_code")
    .where("campaign_id", "=", campaignId)
    .where("grid_code", "=", gridCode)
    .executeTakeFirst();
  return row !== undefined;
}
