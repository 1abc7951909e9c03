import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import type { Actor } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { auditActor } from "../audit/rules.js";
import { AttachmentsInput, checkAttachments, identify } from "../demands/attachments.js";
import {
  addPhotos,
  changeDraft,
  draftKeyProject,
  type Editor,
  publishDraft,
  retractPublication,
} from "./commands.js";
import { findPhoto } from "./repository.js";
import { EditorItem, EditorVersion, KeyProjectBody, PublicationId, RetractBody } from "./schemas.js";
import {
  historyForEditor,
  presentForEditor,
  publicationsWithVersions,
  requirePublication,
} from "./service.js";

/**
 * 碑林发布 for its editors: key projects drafted, published now or at a set time, retracted; each
 * publication appends a version, so the public history of a change is kept.
 */
export const publishingRoutes: Routes = async (app, { ctx }) => {
  const editor = (request: { actor: Actor | null; ip: string }): Editor => ({
    ...auditActor(request),
    id: actorOf(request).id,
  });

  app.get(
    "/api/publications",
    {
      config: { access: "publications.manage" },
      schema: {
        tags: ["publishing"],
        summary: "Every item with its draft, status and versions",
        response: { 200: Type.Object({ items: Type.Array(EditorItem) }) },
      },
    },
    async () => {
      const now = ctx.now();
      return { items: (await publicationsWithVersions(ctx.db)).map((e) => presentForEditor(e, now)) };
    },
  );

  app.post(
    "/api/publications",
    {
      config: { access: "publications.manage" },
      schema: { tags: ["publishing"], summary: "Draft a key project (重点项目)", body: KeyProjectBody },
    },
    async (request, reply) => {
      const id = await draftKeyProject(ctx.db, request.body, editor(request), ctx.now());
      return reply.status(201).send({ id });
    },
  );

  app.put(
    "/api/publications/:id",
    {
      config: { access: "publications.manage" },
      schema: {
        tags: ["publishing"],
        summary: "Change the draft (the public sees it once published)",
        params: PublicationId,
        body: KeyProjectBody,
      },
    },
    async (request) => {
      const { id } = request.params;
      await requirePublication(ctx.db, id);
      await changeDraft(ctx.db, id, request.body, editor(request), ctx.now());
      return { id };
    },
  );

  app.post(
    "/api/publications/:id/publish",
    {
      config: { access: "publications.manage" },
      schema: {
        tags: ["publishing"],
        summary: "Publish the draft now, or schedule it (at): a new version, the earlier ones kept",
        params: PublicationId,
        body: Type.Object(
          { at: Type.Optional(Type.String({ format: "date-time" })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      const { item } = await requirePublication(ctx.db, id);
      const now = ctx.now();
      const visibleFrom = request.body.at ? new Date(request.body.at) : now;
      if (visibleFrom < now) throw fail("VALIDATION_FAILED", { detail: "a schedule lies in the future" });
      const version = await publishDraft(ctx.db, id, item.draft, visibleFrom, editor(request), now);
      return { id, version };
    },
  );

  app.get(
    "/api/publications/:id/versions",
    {
      config: { access: "publications.manage" },
      schema: {
        tags: ["publishing"],
        summary: "Every version of an item, newest first, with what each changed from the one before",
        params: PublicationId,
        response: { 200: Type.Object({ items: Type.Array(EditorVersion) }) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requirePublication(ctx.db, id);
      return { items: await historyForEditor(ctx.db, id) };
    },
  );

  app.post(
    "/api/publications/:id/retract",
    {
      config: { access: "publications.manage" },
      schema: {
        tags: ["publishing"],
        summary: "Withdraw an item from the public pages, saying why (its versions are kept)",
        params: PublicationId,
        body: RetractBody,
      },
    },
    async (request) => {
      const { id } = request.params;
      await requirePublication(ctx.db, id);
      await retractPublication(ctx.db, id, request.body.reason.trim(), editor(request), ctx.now());
      return { id };
    },
  );

  app.get(
    "/api/publications/photos/:photoId",
    {
      config: { access: "publications.manage" },
      schema: {
        tags: ["publishing"],
        summary: "A photo of any item, drafts included, for its editors",
        params: Type.Object({ photoId: Type.String({ format: "uuid" }) }),
      },
    },
    async (request, reply) => {
      const photo = await findPhoto(ctx.db, request.params.photoId);
      if (!photo) throw fail("NOT_FOUND", { what: "photo" });
      return reply
        .header("content-type", photo.mime)
        .header("cache-control", "private, max-age=3600")
        .send(photo.content);
    },
  );

  app.post(
    "/api/publications/:id/photos",
    {
      config: { access: "publications.manage" },
      schema: {
        tags: ["publishing"],
        summary: "Add photos (checked as intake photos); their ids go into the draft's photoIds",
        params: PublicationId,
        body: Type.Object({ photos: AttachmentsInput }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await requirePublication(ctx.db, id);
      const files = identify(checkAttachments(request.body.photos));
      await addPhotos(ctx.db, id, files, editor(request), ctx.now());
      return reply.status(201).send({ ids: files.map((f) => f.id) });
    },
  );
};
