import type { Actor } from "../../platform/auth/permissions.js";
import type { AppContext } from "../context.js";

/** The account Open311 requests are registered by: it submits for residents, as they would online. */
export const OPEN311_ACCOUNT = "open311";

/**
 * Open311 clients as an actor: a resident (their demands are residents' own: no routing label, no
 * other callers' duplicates), created on first use. It cannot sign in (its password hash is no hash).
 */
export async function open311Actor(ctx: AppContext): Promise<Actor> {
  await ctx.db
    .insertInto("users")
    .values({
      username: OPEN311_ACCOUNT,
      display_name: "Open311",
      password_hash: "!integration",
      role: "resident",
      region_code: null,
      unit_id: null,
    })
    .onConflict((oc) => oc.column("username").doNothing())
    .execute();
  const user = await ctx.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", OPEN311_ACCOUNT)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    username: OPEN311_ACCOUNT,
    role: "resident",
    regionCode: null,
    unitId: null,
    unitRegionCode: null,
  };
}
