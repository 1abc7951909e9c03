import { randomInt } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Limit } from "../../platform/throttle/throttle.js";

const MINUTE = 60_000;

/** 验证码 A one-time code lives five minutes and opens one session. */
export const CODE_TTL_MS = 5 * MINUTE;
/** Sending costs an SMS and reaches a stranger's phone: one a minute, five an hour per phone, twenty per address. */
export const SEND_LIMITS = { perPhoneGapMs: MINUTE, perPhoneHour: 5, perClientHour: 20 } as const;
/** Guessing: five wrong codes per phone in 15 minutes (a six-digit code then takes years), fifty per address. */
export const CODE_LIMITS: readonly Limit[] = [
  { per: "subject", max: 5, windowMs: 15 * MINUTE },
  { per: "client", max: 50, windowMs: 15 * MINUTE },
];

/** Six random digits. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Why a new code may not be sent yet, in seconds to wait; null when it may. */
export async function sendWait(
  db: Kysely<DB>,
  phoneHash: string,
  client: string,
  now: Date,
): Promise<number | null> {
  const hourAgo = new Date(now.getTime() - 60 * MINUTE);
  const [byPhone, byClient] = await Promise.all([
    db
      .selectFrom("phone_codes")
      .select("created_at")
      .where("phone_hash", "=", phoneHash)
      .where("created_at", ">", hourAgo)
      .orderBy("created_at", "desc")
      .execute(),
    db
      .selectFrom("phone_codes")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("client", "=", client)
      .where("created_at", ">", hourAgo)
      .executeTakeFirstOrThrow(),
  ]);
  const waits: number[] = [];
  const last = byPhone[0]?.created_at;
  if (last && now.getTime() - new Date(last).getTime() < SEND_LIMITS.perPhoneGapMs)
    waits.push(new Date(last).getTime() + SEND_LIMITS.perPhoneGapMs - now.getTime());
  if (byPhone.length >= SEND_LIMITS.perPhoneHour)
    waits.push(
      new Date(byPhone[SEND_LIMITS.perPhoneHour - 1].created_at).getTime() + 60 * MINUTE - now.getTime(),
    );
  if (Number(byClient.n) >= SEND_LIMITS.perClientHour) waits.push(10 * MINUTE);
  return waits.length === 0 ? null : Math.max(1, Math.ceil(Math.max(...waits) / 1000));
}

export async function insertCode(
  trx: Transaction<DB>,
  code: { phoneHash: string; codeHash: string; client: string },
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto("phone_codes")
    .values({
      phone_hash: code.phoneHash,
      code_hash: code.codeHash,
      client: code.client,
      expires_at: new Date(now.getTime() + CODE_TTL_MS),
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Uses up the matching live code: true once, false for a wrong, expired or already used one. */
export async function consumeCode(
  trx: Transaction<DB>,
  phoneHash: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable("phone_codes")
    .set({ used_at: now })
    .where("phone_hash", "=", phoneHash)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The resident account of a phone, if there is one. */
export function findResidentByPhone(trx: Transaction<DB>, phoneHash: string) {
  return trx
    .selectFrom("users")
    .select(["id", "username", "role", "active"])
    .where("phone_hash", "=", phoneHash)
    .where("role", "=", "resident")
    .orderBy("id")
    .executeTakeFirst();
}

/**
 * 关联历史诉求: the orders made from this phone before (by phone call, 12345, a window) become the
 * resident's, matched by the phone's lookup hash; orders already someone's stay theirs.
 */
export async function linkOrders(trx: Transaction<DB>, userId: number, phoneHash: string): Promise<number> {
  const result = await trx
    .updateTable("orders")
    .set({ resident_id: userId })
    .where("caller_phone_hash", "=", phoneHash)
    .where("resident_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
