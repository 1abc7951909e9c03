import type { Kysely } from "kysely";
import type { DB, Role } from "../../db/schema.js";

/** A user as shown to themselves and to admins. */
export interface UserProfile {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
}

export async function findLoginByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom("users")
    .select(["id", "password_hash", "active", "role"])
    .where("username", "=", username)
    .executeTakeFirst();
}

export async function findProfile(db: Kysely<DB>, userId: number): Promise<UserProfile | undefined> {
  const row = await db
    .selectFrom("users")
    .leftJoin("regions", "regions.code", "users.region_code")
    .leftJoin("units", "units.id", "users.unit_id")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.role",
      "users.region_code",
      "regions.name as region_name",
      "users.unit_id",
      "units.name as unit_name",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    regionName: row.region_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string | null;
  unitId: number | null;
  phoneCipher?: string | null;
  phoneHash?: string | null;
}

export async function insertUsers(db: Kysely<DB>, users: NewUser[]): Promise<void> {
  for (let i = 0; i < users.length; i += 500) {
    await db
      .insertInto("users")
      .values(
        users.slice(i, i + 500).map((u) => ({
          username: u.username,
          display_name: u.displayName,
          password_hash: u.passwordHash,
          role: u.role,
          region_code: u.regionCode,
          unit_id: u.unitId,
          phone_cipher: u.phoneCipher ?? null,
          phone_hash: u.phoneHash ?? null,
        })),
      )
      .execute();
  }
}
