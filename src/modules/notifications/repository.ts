import type { Kysely, Transaction, Updateable } from "kysely";
import type { DB, NotificationPreferencesTable } from "../../db/schema.js";

type Db = Kysely<DB> | Transaction<DB>;

/** A user who may be told something, with their preferences (null: none saved yet). */
export interface Recipient {
  id: number;
  role: string;
  phoneCipher: string | null;
  prefs: {
    mutedEvents: string[];
    channels: string[];
    quietFrom: number | null;
    quietUntil: number | null;
    email: string | null;
    wechatOpenid: string | null;
  } | null;
}

/** The active users of some units, or some users by id, each with their preferences. */
export async function recipients(trx: Db, who: { unitId?: number | null; userIds?: number[] }) {
  if (!who.unitId && (who.userIds ?? []).length === 0) return [];
  let query = trx
    .selectFrom("users as u")
    .leftJoin("notification_preferences as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.role",
      "u.phone_cipher",
      "p.user_id as has_prefs",
      "p.muted_events",
      "p.channels",
      "p.quiet_from",
      "p.quiet_until",
      "p.email",
      "p.wechat_openid",
    ])
    .where("u.active", "=", true);
  query = who.unitId
    ? query.where("u.unit_id", "=", who.unitId)
    : query.where("u.id", "in", who.userIds ?? []);
  const rows = await query.orderBy("u.id").execute();
  return rows.map(
    (r): Recipient => ({
      id: r.id,
      role: r.role,
      phoneCipher: r.phone_cipher,
      prefs:
        r.has_prefs === null
          ? null
          : {
              mutedEvents: r.muted_events ?? [],
              channels: r.channels ?? [],
              quietFrom: r.quiet_from,
              quietUntil: r.quiet_until,
              email: r.email,
              wechatOpenid: r.wechat_openid,
            },
    }),
  );
}

/** The dispatcher who last sent the order to a unit (派单人), if a person did. */
export async function lastDispatcher(trx: Db, orderId: string): Promise<number | null> {
  const row = await trx
    .selectFrom("order_events")
    .select("actor_id")
    .where("order_id", "=", orderId)
    .where("action", "in", ["dispatch", "transfer"])
    .where("actor_id", "is not", null)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.actor_id ?? null;
}

export interface NewNotification {
  userId: number;
  event: string;
  params: Record<string, string | number>;
  orderId: string | null;
  urgent: boolean;
}

export async function insertNotifications(trx: Transaction<DB>, rows: NewNotification[], now: Date) {
  if (rows.length === 0) return;
  await trx
    .insertInto("notifications")
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        event: r.event,
        params: JSON.stringify(r.params),
        order_id: r.orderId,
        urgent: r.urgent,
        created_at: now,
      })),
    )
    .execute();
}

/** One user's notifications, newest first, with how many are unread. */
export async function listForUser(db: Db, userId: number, page: { limit: number; unreadOnly: boolean }) {
  const [items, unread] = await Promise.all([
    db
      .selectFrom("notifications")
      .select(["id", "event", "params", "order_id", "urgent", "created_at", "read_at"])
      .where("user_id", "=", userId)
      .$if(page.unreadOnly, (q) => q.where("read_at", "is", null))
      .orderBy("id", "desc")
      .limit(page.limit)
      .execute(),
    db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n) };
}

/** Marks the user's own notifications read (all of them when ids is null); others' ids change nothing. */
export async function markRead(db: Db, userId: number, ids: string[] | null, now: Date): Promise<number> {
  const result = await db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .$if(ids !== null, (q) => q.where("id", "in", ids ?? []))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findPreferences(db: Db, userId: number) {
  return db
    .selectFrom("notification_preferences")
    .selectAll()
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export type PreferencesPatch = Omit<Updateable<NotificationPreferencesTable>, "user_id" | "updated_at">;

export async function savePreferences(db: Db, userId: number, prefs: PreferencesPatch, now: Date) {
  const values = { ...prefs, updated_at: now };
  await db
    .insertInto("notification_preferences")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

/** The recipient's language at delivery time (zh-CN unless they chose otherwise). */
export async function localeOf(db: Db, userId: number | null): Promise<"zh-CN" | "en-US"> {
  if (userId === null) return "zh-CN";
  const row = await db
    .selectFrom("notification_preferences")
    .select("locale")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.locale ?? "zh-CN";
}

export interface LogEntry {
  channel: string;
  recipient: string;
  phoneHash: string | null;
  userId: number | null;
  event: string;
  body: string;
  key: string;
}

/** The log provider's "send": kept once per key, however often it is delivered. */
export async function writeLog(db: Db, entry: LogEntry, now: Date): Promise<void> {
  await db
    .insertInto("notification_log")
    .values({
      channel: entry.channel,
      recipient: entry.recipient,
      phone_hash: entry.phoneHash,
      user_id: entry.userId,
      event: entry.event,
      body: entry.body,
      idempotency_key: entry.key,
      created_at: now,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .execute();
}

export function listLog(
  db: Db,
  filter: { phoneHash?: string; event?: string; limit: number; offset: number },
) {
  return db
    .selectFrom("notification_log")
    .select(["id", "channel", "recipient", "user_id", "event", "body", "created_at"])
    .$if(filter.phoneHash !== undefined, (q) => q.where("phone_hash", "=", filter.phoneHash ?? ""))
    .$if(filter.event !== undefined, (q) => q.where("event", "=", filter.event ?? ""))
    .orderBy("id", "desc")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}
