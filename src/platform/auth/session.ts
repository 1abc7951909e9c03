import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "./permissions.js";

export const SESSION_COOKIE = "minhu_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Starts a session; the returned token goes into the cookie, only its hash into the database. */
export async function createSession(db: Kysely<DB>, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
    .execute();
  return token;
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

/** The actor behind a session token, or null when the token is unknown, expired or the user inactive. */
export async function actorForSession(db: Kysely<DB>, token: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("units", "units.id", "users.unit_id")
    .select([
      "users.id",
      "users.username",
      "users.role",
      "users.region_code",
      "users.unit_id",
      "units.region_code as unit_region_code",
    ])
    .where("sessions.token_hash", "=", hashToken(token))
    .where("sessions.expires_at", ">", now)
    .where("users.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    regionCode: row.region_code,
    unitId: row.unit_id,
    unitRegionCode: row.unit_region_code,
  };
}
