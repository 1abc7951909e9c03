import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { createKey, listKeys, revokeKey } from "./repository.js";

const access = { access: "open311.keys" } as const;
const tags = ["open311"];

const KeyView = (row: Awaited<ReturnType<typeof listKeys>>[number]) => ({
  id: row.id,
  name: row.name,
  hint: `…${row.key_hint}`,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  requests: Number(row.requests ?? 0),
});

/** Open311 API keys (开放接口密钥): admins issue one per client, see its use, and revoke it. */
export const open311KeyRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/open311/keys",
    { config: access, schema: { tags, summary: "Open311 API keys" } },
    async () => ({
      /** What clients send as jurisdiction_id: the district's region code. */
      jurisdictionId: ctx.regions.root()?.code ?? "",
      items: (await listKeys(ctx.db)).map(KeyView),
    }),
  );

  app.post(
    "/api/open311/keys",
    {
      config: access,
      schema: {
        tags,
        summary: "Issue an Open311 API key (the key is shown only in this answer)",
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 60, pattern: "\\S" }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const created = await createKey(ctx.db, request.body.name.trim(), actorOf(request).id, ctx.now());
      return reply.status(201).send({
        id: created.id,
        name: created.name,
        key: created.key,
        hint: `…${created.key_hint}`,
      });
    },
  );

  app.post(
    "/api/open311/keys/:id/revoke",
    {
      config: access,
      schema: {
        tags,
        summary: "Revoke an Open311 API key",
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
      },
    },
    async (request) => {
      if (!(await revokeKey(ctx.db, request.params.id, ctx.now())))
        throw fail("NOT_FOUND", { what: "API key" });
      return { revoked: true };
    },
  );
};
