import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { createSession, endSession } from "../../platform/auth/session.js";
import { recordAudit } from "../audit/repository.js";
import { type AuditActor, changedFields } from "../audit/rules.js";
import { deleteUserSessions, insertUser, type NewUser, updateUser } from "./repository.js";

/** Opens a session for a user whose password was checked, audited with it; returns the token. */
export function signIn(db: Kysely<DB>, who: AuditActor & { id: number }, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await recordAudit(trx, who, { action: "auth.login", targetType: "user", targetId: who.id }, now);
    return createSession(trx, who.id, now);
  });
}

/** Ends a session; the sign-out is audited when the token still belonged to someone. */
export function signOut(db: Kysely<DB>, token: string, who: AuditActor | null, now: Date): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await endSession(trx, token);
    if (who) await recordAudit(trx, who, { action: "auth.logout" }, now);
  });
}

/** Creates an account, audited with what it was created as (never the password or phone). */
export function createAccount(db: Kysely<DB>, user: NewUser, who: AuditActor, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, user);
    const { username, displayName, role, regionCode, unitId } = user;
    const after = { username, displayName, role, regionCode, unitId };
    await recordAudit(trx, who, { action: "user.create", targetType: "user", targetId: id, after }, now);
    return id;
  });
}

export interface AccountChange {
  active?: boolean;
  displayName?: string;
  passwordHash?: string;
}

/**
 * Activates, deactivates, renames or re-passwords an account. A deactivated account or a new
 * password ends every open session; the audit row says the password changed, never what it is.
 */
export function changeAccount(
  db: Kysely<DB>,
  target: { id: number; active: boolean; displayName: string },
  change: AccountChange,
  who: AuditActor,
  now: Date,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await updateUser(trx, target.id, change);
    if (change.active === false || change.passwordHash) await deleteUserSessions(trx, target.id);
    const fields = changedFields(
      { active: target.active, displayName: target.displayName },
      { active: change.active ?? target.active, displayName: change.displayName ?? target.displayName },
    );
    const entry = change.passwordHash
      ? { before: fields.before, after: { ...(fields.after as object), password: "changed" } }
      : fields;
    await recordAudit(
      trx,
      who,
      { action: "user.update", targetType: "user", targetId: target.id, ...entry },
      now,
    );
  });
}
