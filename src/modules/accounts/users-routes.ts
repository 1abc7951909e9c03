import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { ALL_ROLES, coversRegion, requireRegion, scopeOf } from "../../platform/auth/permissions.js";
import { forgetUserSessions } from "../../platform/auth/session.js";
import { fail } from "../../platform/errors.js";
import { maskPhone } from "../../platform/privacy/phone.js";
import { literals } from "../../platform/schema.js";
import { auditActor } from "../audit/rules.js";
import { findUnit } from "../units/repository.js";
import { changeAccount, createAccount } from "./commands.js";
import { MIN_PASSWORD_LENGTH, requireStrongPassword, USERNAME_PATTERN } from "./password-policy.js";
import { hashPassword } from "./passwords.js";
import { findLoginByUsername, findUserForChange, listUsers } from "./repository.js";

const RoleSchema = literals(ALL_ROLES);

/** User administration: admins manage accounts inside their district; dispatchers and supervisors may list. */
export const userRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/users",
    {
      config: { access: "users.read" },
      schema: {
        tags: ["accounts"],
        summary: "Users inside the caller's jurisdiction",
        querystring: Type.Object(
          {
            role: Type.Optional(RoleSchema),
            region: Type.Optional(Type.String({ pattern: "^[0-9]{6,15}$" })),
            q: Type.Optional(Type.String({ maxLength: 50 })),
            page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const query = request.query;
      const prefix = query.region ?? scopeOf(actor) ?? "";
      requireRegion(actor, prefix);
      const { total, rows } = await listUsers(ctx.db, {
        regionPrefix: prefix,
        role: query.role,
        q: query.q,
        page: query.page,
        pageSize: query.pageSize,
      });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          role: r.role,
          regionCode: r.region_code,
          regionName: r.region_name,
          unitId: r.unit_id,
          unitName: r.unit_name,
          phone: r.phone_cipher ? maskPhone(ctx.vault.decrypt(r.phone_cipher)) : null,
          active: r.active,
        })),
      };
    },
  );

  app.post(
    "/api/users",
    {
      config: { access: "users.manage" },
      schema: {
        tags: ["accounts"],
        summary: "Create an account scoped to a region or a unit",
        body: Type.Object(
          {
            username: Type.String({ pattern: USERNAME_PATTERN }),
            displayName: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 }),
            role: RoleSchema,
            regionCode: Type.Optional(Type.String({ pattern: "^[0-9]{6,15}$" })),
            unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
            phone: Type.Optional(Type.String({ pattern: "^[0-9+ -]{7,20}$" })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      await requireStrongPassword(body.password, body);
      if (body.role === "unit_handler" && !body.unitId)
        throw fail("VALIDATION_FAILED", { detail: "unitId is required for unit_handler" });
      if (body.role !== "unit_handler" && body.role !== "resident" && !body.regionCode) {
        throw fail("VALIDATION_FAILED", { detail: "regionCode is required for this role" });
      }
      if (body.regionCode) {
        if (!ctx.regions.get(body.regionCode))
          throw fail("VALIDATION_FAILED", { detail: "unknown regionCode" });
        requireRegion(actor, body.regionCode);
      }
      if (body.unitId) {
        const unit = await findUnit(ctx.db, body.unitId);
        if (!unit) throw fail("VALIDATION_FAILED", { detail: "unknown unitId" });
        if (!coversRegion(actor, unit.regionCode)) throw fail("OUTSIDE_SCOPE");
      }
      const exists = await findLoginByUsername(ctx.db, body.username);
      if (exists) throw fail("CONFLICT", { detail: `username ${body.username} exists` });
      const passwordHash = await hashPassword(body.password);
      const user = {
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        role: body.role,
        regionCode: body.regionCode ?? null,
        unitId: body.unitId ?? null,
        phoneCipher: body.phone ? ctx.vault.encrypt(body.phone) : null,
        phoneHash: body.phone ? ctx.vault.lookupHash(body.phone) : null,
      };
      const id = await createAccount(ctx.db, user, auditActor(request), ctx.now());
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: { access: "users.manage" },
      schema: {
        tags: ["accounts"],
        summary: "Activate or deactivate an account, rename it, or reset its password",
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
        body: Type.Object(
          {
            active: Type.Optional(Type.Boolean()),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const body = request.body;
      const target = await findUserForChange(ctx.db, id);
      const region = target?.region_code ?? target?.unit_region;
      if (!target || (region && !coversRegion(actor, region)))
        throw fail("NOT_FOUND", { what: `user ${id}` });
      if (body.password)
        await requireStrongPassword(body.password, {
          username: target.username,
          displayName: body.displayName ?? target.display_name,
        });
      const change = {
        active: body.active,
        displayName: body.displayName,
        passwordHash: body.password ? await hashPassword(body.password) : undefined,
      };
      const before = { id, active: target.active, displayName: target.display_name };
      await changeAccount(ctx.db, before, change, auditActor(request), ctx.now());
      forgetUserSessions(id);
      return reply.status(204).send();
    },
  );
};
