import { Type } from "@sinclair/typebox";
import type { Routes } from "../../http/plugin.js";
import { commitConfigChange } from "../../platform/config-sync/reload.js";
import { recordAudit } from "../audit/repository.js";
import { auditActor, changedFields } from "../audit/rules.js";
import { createCategory, updateCategory } from "./commands.js";
import { nestCategories, present } from "./presenter.js";
import { findCategoryRow, listCategories } from "./repository.js";

const Code = Type.String({ pattern: "^[0-9]{2}([0-9]{2}){0,2}$", description: "2, 4 or 6 digits" });
const Name = Type.String({ minLength: 1, maxLength: 40 });
const NameEn = Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()]);

/** 诉求分类 The category tree: everyone reads it, admins extend, rename and retire categories. */
export const categoryRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/categories",
    {
      config: { access: "categories.read" },
      schema: {
        tags: ["categories"],
        summary: "The category tree (3 levels), inactive categories included unless active=true",
        querystring: Type.Object({ active: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { active } = request.query;
      return { items: nestCategories(await listCategories(ctx.db, { activeOnly: active === true })) };
    },
  );

  app.post(
    "/api/categories",
    {
      config: { access: "catalogue.manage" },
      schema: {
        tags: ["categories"],
        summary:
          "Add a category: code = parent code + 2 digits (a top-level one has no parent), at most 3 levels",
        body: Type.Object(
          {
            parentCode: Type.Union([Code, Type.Null()]),
            code: Code,
            name: Name,
            nameEn: Type.Optional(NameEn),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        present(
          await commitConfigChange(ctx, ["catalogue"], async (trx) => {
            const created = await createCategory(trx, request.body);
            const entry = {
              action: "config.category",
              targetType: "category",
              targetId: created.code,
              after: request.body,
            } as const;
            await recordAudit(trx, auditActor(request), entry, ctx.now());
            return created;
          }),
        ),
      ),
  );

  app.patch(
    "/api/categories/:code",
    {
      config: { access: "catalogue.manage" },
      schema: {
        tags: ["categories"],
        summary: "Rename a category, or (de)activate it; deactivating takes its descendants along",
        params: Type.Object({ code: Code }),
        body: Type.Object(
          { name: Type.Optional(Name), nameEn: Type.Optional(NameEn), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request) => {
      const { code } = request.params;
      return present(
        await commitConfigChange(ctx, ["catalogue"], async (trx) => {
          const before = await findCategoryRow(trx, code);
          const updated = await updateCategory(trx, code, request.body);
          const entry = {
            action: "config.category",
            targetType: "category",
            targetId: code,
            ...changedFields(before, updated),
          } as const;
          await recordAudit(trx, auditActor(request), entry, ctx.now());
          return updated;
        }),
      );
    },
  );
};
