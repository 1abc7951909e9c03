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
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS),
    })
    .execute();
  return token;
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  recentActors.delete(hashToken(token));
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
  announce({ token });
}

/** A session signed out, or a user's sessions possibly ended (deactivated, new password or role). */
export type SessionEnd = { token: string } | { userId: number };
const endListeners = new Set<(end: SessionEnd) => void>();

/**
 * Tells what holds a session open (live streams) that it may have ended, at once on this instance;
 * other instances notice at their next re-check.
 */
export function onSessionEnd(listener: (end: SessionEnd) => void): () => void {
  endListeners.add(listener);
  return () => {
    endListeners.delete(listener);
  };
}

function announce(end: SessionEnd): void {
  for (const listener of endListeners) listener(end);
}

/**
 * Sessions resolved in the last few seconds, so a burst of requests costs one lookup. Sign-out and
 * account changes on this instance take effect at once; on other instances within the TTL.
 */
const recentActors = new Map<string, { actor: Actor; until: number; expiresAt: number }>();
const RECENT_TTL_MS = 10_000;
const RECENT_MAX = 10_000;

/** Drops a user's cached sessions (deactivation, password or role change). */
export function forgetUserSessions(userId: number): void {
  for (const [key, entry] of recentActors) if (entry.actor.id === userId) recentActors.delete(key);
  announce({ userId });
}

/** The actor behind a session token, or null when the token is unknown, expired or the user inactive. */
export async function actorForSession(db: Kysely<DB>, token: string, now: Date): Promise<Actor | null> {
  const key = hashToken(token);
  const recent = recentActors.get(key);
  if (recent && recent.until > Date.now() && recent.expiresAt > now.getTime()) return recent.actor;
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
      "sessions.expires_at",
    ])
    .where("sessions.token_hash", "=", key)
    .where("sessions.expires_at", ">", now)
    .where("users.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  const actor: Actor = {
    id: row.id,
    username: row.username,
    role: row.role,
    regionCode: row.region_code,
    unitId: row.unit_id,
    unitRegionCode: row.unit_region_code,
  };
  if (recentActors.size >= RECENT_MAX) recentActors.clear();
  recentActors.set(key, { actor, until: Date.now() + RECENT_TTL_MS, expiresAt: row.expires_at.getTime() });
  return actor;
}
