import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { PERMISSIONS, type Permission } from "../../platform/auth/permissions.js";
import { SESSION_COOKIE, SESSION_TTL_MS } from "../../platform/auth/session.js";
import { fail } from "../../platform/errors.js";
import { clientKey } from "../../platform/throttle/client.js";
import { type Attempt, checkThrottle, recordAttempt } from "../../platform/throttle/throttle.js";
import { recordAudit } from "../audit/repository.js";
import { auditActor } from "../audit/rules.js";
import { signIn, signOut } from "./commands.js";
import { LOGIN_LIMITS } from "./login-limits.js";
import { decoyHash, verifyPassword } from "./passwords.js";
import { findLoginByUsername, findProfile, type UserProfile } from "./repository.js";

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.Integer(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Array(Type.String()),
});

export function presentMe(profile: UserProfile) {
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly string[]).includes(profile.role),
  );
  return { ...profile, permissions };
}

/** Sign-in, sign-out and "who am I". */
export const accountRoutes: Routes = async (app, { ctx }) => {
  app.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["accounts"],
        summary: "Sign in; sets an httpOnly session cookie",
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ user: Me }) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const attempt: Attempt = {
        kind: "login",
        subject: username,
        client: clientKey(request.ip),
        now: ctx.now(),
      };
      // Before the password is checked: a throttled guess costs no hashing and learns nothing.
      await checkThrottle(ctx.db, attempt, LOGIN_LIMITS);
      const login = await findLoginByUsername(ctx.db, username);
      const valid = await verifyPassword(login?.password_hash ?? (await decoyHash()), password);
      const ok = login !== undefined && valid && login.active;
      await recordAttempt(ctx.db, attempt, ok ? "ok" : "wrong");
      if (!ok) {
        await recordAudit(ctx.db, auditActor(request, username), { action: "auth.login_failed" }, ctx.now());
        throw fail("INVALID_CREDENTIALS");
      }
      const who = { id: login.id, username, role: login.role, client: request.ip };
      const token = await signIn(ctx.db, who, ctx.now());
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        maxAge: SESSION_TTL_MS / 1000,
      });
      const profile = await findProfile(ctx.db, login.id);
      return { user: presentMe(profile as UserProfile) };
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: "public" }, schema: { tags: ["accounts"], summary: "Sign out" } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(ctx.db, token, request.actor ? auditActor(request) : null, ctx.now());
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/me",
    {
      config: { access: "authenticated" },
      schema: { tags: ["accounts"], summary: "The signed-in user", response: { 200: Me } },
    },
    async (request) => {
      const profile = await findProfile(ctx.db, actorOf(request).id);
      if (!profile) throw fail("UNAUTHENTICATED");
      return presentMe(profile);
    },
  );
};
