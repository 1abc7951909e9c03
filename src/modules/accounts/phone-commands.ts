import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { enqueueLoginCode } from "../notifications/enqueue.js";
import { CODE_TTL_MS, consumeCode, findResidentByPhone, insertCode, linkOrders } from "./phone-codes.js";
import { insertUser } from "./repository.js";

/** A phone as the sign-in commands need it: its lookup hash and its ciphertext, never the number. */
export interface PhoneKeys {
  phoneHash: string;
  phoneCipher: string;
}

/**
 * Stores the code's hash and queues the SMS in one transaction: no code without its message. The
 * message carries the code encrypted, like the phone: whoever reads the outbox cannot sign in with it.
 */
export async function sendSignInCode(
  db: Kysely<DB>,
  phone: PhoneKeys,
  code: { cipher: string; hash: string; client: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const id = await insertCode(
      trx,
      { phoneHash: phone.phoneHash, codeHash: code.hash, client: code.client },
      now,
    );
    await enqueueLoginCode(
      trx,
      id,
      phone.phoneCipher,
      { codeCipher: code.cipher, minutes: CODE_TTL_MS / 60_000 },
      now,
    );
  });
}

/**
 * Uses up the code and returns the phone's resident account, creating it (and linking the demands
 * made from the phone before) on the first sign-in; null for a wrong code or a disabled account.
 */
export function residentByCode(
  db: Kysely<DB>,
  phone: PhoneKeys,
  codeHash: string,
  newAccount: { displayName: string; passwordHash: string },
  now: Date,
): Promise<{ id: number; created: boolean; linkedOrders: number } | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await consumeCode(trx, phone.phoneHash, codeHash, now))) return null;
    const existing = await findResidentByPhone(trx, phone.phoneHash);
    if (existing && !existing.active) return null;
    const id =
      existing?.id ??
      (await insertUser(trx, {
        username: `phone-${phone.phoneHash.slice(0, 16)}`,
        displayName: newAccount.displayName,
        passwordHash: newAccount.passwordHash,
        role: "resident",
        regionCode: null,
        unitId: null,
        phoneCipher: phone.phoneCipher,
        phoneHash: phone.phoneHash,
      }));
    return { id, created: !existing, linkedOrders: await linkOrders(trx, id, phone.phoneHash) };
  });
}
