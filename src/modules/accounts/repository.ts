import { type Kysely, sql, type Transaction } from "kysely";
import { containing } from "../../db/like.js";
import type { DB, Role } from "../../db/schema.js";

type Executor = Kysely<DB> | Transaction<DB>;

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

function userValues(u: NewUser) {
  return {
    username: u.username,
    display_name: u.displayName,
    password_hash: u.passwordHash,
    role: u.role,
    region_code: u.regionCode,
    unit_id: u.unitId,
    phone_cipher: u.phoneCipher ?? null,
    phone_hash: u.phoneHash ?? null,
  };
}

export async function insertUsers(db: Kysely<DB>, users: NewUser[]): Promise<void> {
  for (let i = 0; i < users.length; i += 500) {
    await db
      .insertInto("users")
      .values(users.slice(i, i + 500).map(userValues))
      .execute();
  }
}

/** Creates one account; returns its id. */
export async function insertUser(trx: Executor, user: NewUser): Promise<number> {
  const created = await trx
    .insertInto("users")
    .values(userValues(user))
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

export interface UserFilter {
  /** Region prefix: the user's own region or their unit's lies inside it. */
  regionPrefix: string;
  role?: Role;
  /** Part of the username or display name. */
  q?: string;
  page: number;
  pageSize: number;
}

/** One page of the users inside a region prefix, with the total. */
export async function listUsers(db: Executor, filter: UserFilter) {
  const prefix = filter.regionPrefix;
  let base = db
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .leftJoin("regions", "regions.code", "users.region_code")
    .where((eb) =>
      eb.or([eb("users.region_code", "like", `${prefix}%`), eb("units.region_code", "like", `${prefix}%`)]),
    );
  if (filter.role) base = base.where("users.role", "=", filter.role);
  if (filter.q) {
    const like = containing(filter.q);
    base = base.where((eb) =>
      eb.or([eb("users.username", "like", like), eb("users.display_name", "like", like)]),
    );
  }
  const total = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.role",
      "users.region_code",
      "regions.name as region_name",
      "users.unit_id",
      "units.name as unit_name",
      "users.phone_cipher",
      "users.active",
    ])
    .orderBy("users.id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: total.n, rows };
}

/** What an admin's change to an account needs to know of it: names, state and where it belongs. */
export async function findUserForChange(db: Executor, id: number) {
  return db
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.active",
      "users.region_code",
      "units.region_code as unit_region",
    ])
    .where("users.id", "=", id)
    .executeTakeFirst();
}

export async function updateUser(
  trx: Executor,
  id: number,
  change: { active?: boolean; displayName?: string; passwordHash?: string },
): Promise<void> {
  await trx
    .updateTable("users")
    .set({
      ...(change.active === undefined ? {} : { active: change.active }),
      ...(change.displayName ? { display_name: change.displayName } : {}),
      ...(change.passwordHash ? { password_hash: change.passwordHash } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** Ends every open session of a user (deactivated, or a new password). */
export async function deleteUserSessions(trx: Executor, userId: number): Promise<void> {
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
