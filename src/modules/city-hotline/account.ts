import type { Actor } from "../../platform/auth/permissions.js";
import type { AppContext } from "../context.js";

/** The account 12345 work orders are registered by: the city platform, not the person who imported them. */
export const CITY_ACCOUNT = "city-12345";

/**
 * The city platform as an actor: a hotline operator over the whole district, created on first use.
 * It cannot sign in (its password hash is no hash), so it only ever acts through the import and push.
 */
export async function cityActor(ctx: AppContext): Promise<Actor> {
  const district = ctx.regions.root()?.code ?? null;
  await ctx.db
    .insertInto("users")
    .values({
      username: CITY_ACCOUNT,
      display_name: "12345市民服务热线平台",
      password_hash: "!integration",
      role: "operator",
      region_code: district,
      unit_id: null,
    })
    .onConflict((oc) => oc.column("username").doNothing())
    .execute();
  const user = await ctx.db
    .selectFrom("users")
    .select(["id", "region_code"])
    .where("username", "=", CITY_ACCOUNT)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    username: CITY_ACCOUNT,
    role: "operator",
    regionCode: user.region_code,
    unitId: null,
    unitRegionCode: null,
  };
}
