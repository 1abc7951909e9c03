import { createHash, randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import { MAX_REQUESTS, type OrderLine } from "./rules.js";

type Executor = Kysely<DB> | Transaction<DB>;

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new API key: 32 random bytes, returned once; only its hash and last four characters are kept. */
export async function createKey(db: Executor, name: string, createdBy: number, now: Date) {
  const key = randomBytes(32).toString("base64url");
  const row = await db
    .insertInto("open311_keys")
    .values({ name, key_hash: hashOf(key), key_hint: key.slice(-4), created_by: createdBy, created_at: now })
    .returning(["id", "name", "key_hint", "created_at"])
    .executeTakeFirstOrThrow();
  return { ...row, key };
}

export function listKeys(db: Executor) {
  return db
    .selectFrom("open311_keys as k")
    .leftJoin("users as u", "u.id", "k.created_by")
    .select((eb) => [
      "k.id",
      "k.name",
      "k.key_hint",
      "k.created_at",
      "k.revoked_at",
      "u.username as created_by",
      eb
        .selectFrom("open311_requests as r")
        .select((r) => r.fn.countAll<number>().as("n"))
        .whereRef("r.key_id", "=", "k.id")
        .as("requests"),
    ])
    .orderBy("k.id", "desc")
    .execute();
}

/** Revokes a key (kept, so the requests it posted still name it); false when there is none to revoke. */
export async function revokeKey(db: Executor, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("open311_keys")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The id of the active key with this value, if any. */
export async function activeKeyId(db: Executor, key: string): Promise<number | null> {
  const row = await db
    .selectFrom("open311_keys")
    .select("id")
    .where("key_hash", "=", hashOf(key))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function linkRequest(
  trx: Executor,
  link: { orderId: string; keyId: number; token: string; accountId: string | null },
): Promise<void> {
  await trx
    .insertInto("open311_requests")
    .values({ order_id: link.orderId, key_id: link.keyId, token: link.token, account_id: link.accountId })
    .execute();
}

/** The order number a token was given for. */
export async function requestOfToken(db: Executor, token: string): Promise<string | null> {
  const row = await db
    .selectFrom("open311_requests as r")
    .innerJoin("orders as o", "o.id", "r.order_id")
    .select("o.order_no")
    .where("r.token", "=", token)
    .executeTakeFirst();
  return row?.order_no ?? null;
}

export interface RequestFilter {
  orderNos?: string[];
  serviceCodes?: string[];
  statuses?: ("open" | "closed")[];
  from?: Date;
  to?: Date;
  /** The asking client's key: its own requests are shown whole, and even when confidential. */
  keyId: number | null;
}

const CLOSED_STATES = ["closed", "rejected", "merged"];

/** Service requests matching a filter, newest first, at most MAX_REQUESTS. */
export async function findRequests(
  db: Executor,
  filter: RequestFilter,
  language: "zh-CN" | "en-US",
): Promise<OrderLine[]> {
  let query = db
    .selectFrom("orders as o")
    .leftJoin("categories as c", "c.code", "o.category_code")
    .leftJoin("units as u", "u.id", "o.main_unit_id")
    .leftJoin("regions as holder", "holder.code", "o.holder_region_code")
    .leftJoin("regions as community", "community.code", "o.community_code")
    .leftJoin("regions as grid", "grid.code", "o.grid_code")
    .leftJoin("open311_requests as r", "r.order_id", "o.id")
    .select([
      "o.order_no",
      "o.state",
      "o.category_code",
      "c.name as category_name",
      "c.name_en as category_name_en",
      "o.content",
      "o.reply_text",
      "u.name as unit_name",
      "u.name_en as unit_name_en",
      "holder.name as holder_name",
      "o.address",
      "community.name as community_name",
      "grid.name as grid_name",
      "o.grid_code",
      "o.lng",
      "o.lat",
      "o.created_at",
      "o.updated_at",
      "o.handling_due_at",
      "r.key_id",
    ])
    .where((eb) =>
      filter.keyId === null
        ? eb("o.confidential", "=", false)
        : eb.or([eb("o.confidential", "=", false), eb("r.key_id", "=", filter.keyId)]),
    );
  if (filter.orderNos) query = query.where("o.order_no", "in", filter.orderNos);
  if (filter.serviceCodes) query = query.where("o.category_code", "in", filter.serviceCodes);
  const statuses = filter.statuses ?? [];
  if (statuses.length === 1)
    query = query.where("o.state", statuses[0] === "closed" ? "in" : "not in", CLOSED_STATES);
  if (filter.from) query = query.where("o.created_at", ">=", filter.from);
  if (filter.to) query = query.where("o.created_at", "<=", filter.to);
  const rows = await query
    .orderBy("o.created_at", "desc")
    .orderBy("o.id", "desc")
    .limit(MAX_REQUESTS)
    .execute();
  const english = language === "en-US";
  return rows.map((row) => ({
    orderNo: row.order_no,
    state: row.state,
    categoryCode: row.category_code,
    categoryName: (english && row.category_name_en) || row.category_name,
    content: row.content,
    replyText: row.reply_text,
    agency: (english && row.unit_name_en) || row.unit_name || row.holder_name,
    address: row.address,
    area: [row.community_name, row.grid_name].filter(Boolean).join(" ") || null,
    gridCode: row.grid_code,
    lng: row.lng,
    lat: row.lat,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    expectedAt: row.handling_due_at ? new Date(row.handling_due_at) : null,
    ownedByClient: filter.keyId !== null && row.key_id === filter.keyId,
  }));
}
