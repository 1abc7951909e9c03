import { randomBytes } from "node:crypto";
import { Type } from "@sinclair/typebox";
import type { Routes } from "../../http/plugin.js";
import { SESSION_COOKIE, SESSION_TTL_MS } from "../../platform/auth/session.js";
import { fail } from "../../platform/errors.js";
import { maskPhone, normalizePhone } from "../../platform/privacy/phone.js";
import { clientKey } from "../../platform/throttle/client.js";
import { type Attempt, checkThrottle, recordAttempt } from "../../platform/throttle/throttle.js";
import { auditActor } from "../audit/rules.js";
import { signIn } from "./commands.js";
import { hashPassword } from "./passwords.js";
import { CODE_LIMITS, CODE_TTL_MS, newCode, sendWait } from "./phone-codes.js";
import { residentByCode, sendSignInCode } from "./phone-commands.js";
import { findProfile, type UserProfile } from "./repository.js";
import { Me, presentMe } from "./routes.js";

const tags = ["accounts"];
/** A mainland mobile number, with or without +86 and separators. */
const Phone = Type.String({ pattern: "^(\\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}$" });

/**
 * 手机号登录 Residents sign up and sign in with their phone and a one-time code sent by SMS (through
 * the outbox: the log provider by default). The first sign-in creates the account and links the
 * demands made from that phone before.
 */
export const phoneSignInRoutes: Routes = async (app, { ctx }) => {
  app.post(
    "/api/auth/phone/code",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Send a one-time sign-in code to a phone (at most one a minute, five an hour)",
        body: Type.Object({ phone: Phone }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const phone = normalizePhone(request.body.phone);
      const phoneHash = ctx.vault.lookupHash(phone);
      const client = clientKey(request.ip);
      const now = ctx.now();
      const wait = await sendWait(ctx.db, phoneHash, client, now);
      if (wait !== null) throw fail("RATE_LIMITED", { retryAfter: wait });
      const code = newCode();
      await sendSignInCode(
        ctx.db,
        { phoneHash, phoneCipher: ctx.vault.encrypt(phone) },
        { cipher: ctx.vault.encrypt(code), hash: ctx.tokens.phoneCodeHash(phoneHash, code), client },
        now,
      );
      return reply.status(202).send({ sentTo: maskPhone(phone), expiresInSeconds: CODE_TTL_MS / 1000 });
    },
  );

  app.post(
    "/api/auth/phone/sign-in",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign in (or sign up) with the phone and its code; sets the session cookie",
        body: Type.Object(
          {
            phone: Phone,
            code: Type.String({ pattern: "^[0-9]{6}$" }),
            /** Used when the account is created; 居民 + the phone's last four digits otherwise. */
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ user: Me, created: Type.Boolean(), linkedOrders: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const phone = normalizePhone(request.body.phone);
      const phoneHash = ctx.vault.lookupHash(phone);
      const now = ctx.now();
      const attempt: Attempt = { kind: "phone_code", subject: phoneHash, client: clientKey(request.ip), now };
      await checkThrottle(ctx.db, attempt, CODE_LIMITS);
      // A random unusable password: these accounts sign in by code only.
      const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
      const outcome = await residentByCode(
        ctx.db,
        { phoneHash, phoneCipher: ctx.vault.encrypt(phone) },
        ctx.tokens.phoneCodeHash(phoneHash, request.body.code),
        { displayName: request.body.displayName ?? `居民${phone.slice(-4)}`, passwordHash },
        now,
      );
      await recordAttempt(ctx.db, attempt, outcome ? "ok" : "wrong");
      if (!outcome) throw fail("INVALID_CODE");
      const profile = (await findProfile(ctx.db, outcome.id)) as UserProfile;
      const who = { ...auditActor(request, profile.username), id: outcome.id, role: profile.role };
      const token = await signIn(ctx.db, who, now);
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        maxAge: SESSION_TTL_MS / 1000,
      });
      return { user: presentMe(profile), created: outcome.created, linkedOrders: outcome.linkedOrders };
    },
  );
};
