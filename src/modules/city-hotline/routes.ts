import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { type Actor, requireWholeDistrict } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { maskPhone } from "../../platform/privacy/phone.js";
import { recordChange } from "../audit/repository.js";
import { auditActor, changedFields } from "../audit/rules.js";
import { findOrder } from "../orders/repository.js";
import { cityActor } from "./account.js";
import { createFromRecord } from "./apply.js";
import { CITY_FIELD_NAMES, CITY_FIELDS, type CityField, resolveMapping } from "./format.js";
import { formatOf, readRows } from "./read.js";
import {
  countQueue,
  findImport,
  findMapping,
  findQueued,
  type IMPORT_COLUMNS,
  latestImports,
  linksOf,
  listSources,
  markPlaced,
  openQueue,
  problemsOfImport,
  saveMapping,
} from "./repository.js";
import { queueImport, runImport, unsealed } from "./run.js";

const BASE = "/api/integrations/12345";
const SourceName = Type.String({ minLength: 1, maxLength: 40, pattern: "^[^/\\\\]+$" });
const Header = Type.Optional(Type.String({ minLength: 1, maxLength: 60 }));
const Mapping = Type.Object(
  {
    workOrderNo: Header,
    callAt: Header,
    callerName: Header,
    phone: Header,
    content: Header,
    address: Header,
    type: Header,
    dueAt: Header,
    title: Header,
  } satisfies Record<CityField, typeof Header>,
  { additionalProperties: false, description: "our field → the source's column header" },
);
const Upload = {
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  content: Type.String({ contentEncoding: "base64", maxLength: 11_000_000, description: "the file, base64" }),
};
const Id = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,18}$" }) });
const access = { access: "integrations.manage" } as const;

/**
 * 12345 工单导入 For the district command centre and administrators: column mappings per export
 * source, imports (dry run or real) run as a job whose progress the page polls, and the queue of work
 * orders whose address the gazetteer could not place, which a person places on a grid.
 */
export const cityHotlineRoutes: Routes = async (app, { ctx }) => {
  const allowed = (actor: Actor) => requireWholeDistrict(actor, ctx.regions.root()?.code ?? "");

  app.get(
    `${BASE}/sources`,
    {
      config: access,
      schema: { tags: ["integrations"], summary: "Export sources with their saved column mappings" },
    },
    async (request) => {
      allowed(actorOf(request));
      const fields = CITY_FIELD_NAMES.map((name) => ({ name, ...CITY_FIELDS[name] }));
      return { fields, sources: await listSources(ctx.db) };
    },
  );

  app.put(
    `${BASE}/sources/:name`,
    {
      config: access,
      schema: {
        tags: ["integrations"],
        summary: "Save a source's column mapping (our field → its column header)",
        params: Type.Object({ name: SourceName }),
        body: Type.Object({ mapping: Mapping }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      allowed(actor);
      const { name } = request.params;
      const { mapping } = request.body;
      await recordChange(ctx.db, auditActor(request), ctx.now(), async (trx) => {
        const before = await findMapping(trx, name);
        await saveMapping(trx, name, mapping, actor.id);
        const change = changedFields(before, mapping);
        const entry = {
          action: "config.hotline_mapping",
          targetType: "city_source",
          targetId: name,
          ...change,
        } as const;
        return { result: null, entry };
      });
      return { name: request.params.name, mapping: request.body.mapping };
    },
  );

  app.post(
    `${BASE}/headers`,
    {
      config: access,
      schema: {
        tags: ["integrations"],
        summary: "A file's column headers and how the source's mapping reads them (before importing)",
        body: Type.Object({ ...Upload, source: SourceName }, { additionalProperties: false }),
      },
    },
    async (request) => {
      allowed(actorOf(request));
      const content = Buffer.from(request.body.content, "base64");
      const rows = await readRows(content, formatOf(request.body.fileName, content));
      const headers = rows[0] ?? [];
      const { mapping, missing } = resolveMapping(headers, await findMapping(ctx.db, request.body.source));
      return {
        headers,
        rows: rows.length - 1,
        mapping: Object.fromEntries(
          CITY_FIELD_NAMES.map((f) => [f, mapping[f] === null ? null : headers[mapping[f]]]),
        ),
        missing,
      };
    },
  );

  app.post(
    `${BASE}/imports`,
    {
      config: access,
      schema: {
        tags: ["integrations"],
        summary: "Import a 12345 export (XLSX or CSV); a dry run lists what would happen and every bad row",
        body: Type.Object(
          { ...Upload, source: SourceName, dryRun: Type.Boolean({ default: false }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      allowed(actor);
      const content = Buffer.from(request.body.content, "base64");
      const id = await queueImport(ctx, {
        source: request.body.source,
        fileName: request.body.fileName,
        format: formatOf(request.body.fileName, content),
        content,
        dryRun: request.body.dryRun,
        createdBy: actor.id,
      });
      // Started here at once; the job is there to resume it if this process dies.
      runImport(ctx, id).catch((error) => request.log.error({ err: error }, "12345 import failed"));
      return reply.status(202).send({ id });
    },
  );

  app.get(
    `${BASE}/imports`,
    { config: access, schema: { tags: ["integrations"], summary: "The latest imports with their progress" } },
    async (request) => {
      allowed(actorOf(request));
      const rows = await latestImports(ctx.db, 20);
      return { items: rows.map(presentImport) };
    },
  );

  app.get(
    `${BASE}/imports/:id`,
    {
      config: access,
      schema: {
        tags: ["integrations"],
        summary: "An import's progress, counts and problem rows",
        params: Id,
      },
    },
    async (request) => {
      allowed(actorOf(request));
      const run = await findImport(ctx.db, request.params.id);
      if (!run) throw fail("NOT_FOUND", { what: `import ${request.params.id}` });
      const problems = await problemsOfImport(ctx.db, run.id, 1000);
      return {
        ...presentImport(run),
        problems: problems.map((p) => ({
          rowNo: p.row_no,
          workOrderNo: p.work_order_no,
          kind: p.kind,
          reason: p.reason,
          detail: p.detail,
        })),
      };
    },
  );

  app.get(
    `${BASE}/queue`,
    {
      config: access,
      schema: {
        tags: ["integrations"],
        summary: "Work orders waiting for a person to place them on a grid",
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 0 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      allowed(actorOf(request));
      const [total, rows] = await Promise.all([
        countQueue(ctx.db),
        openQueue(ctx.db, request.query.limit, request.query.offset),
      ]);
      return {
        total,
        items: rows.map((row) => {
          const record = unsealed(ctx, row.record ?? {});
          return {
            id: row.id,
            importId: row.import_id,
            rowNo: row.row_no,
            workOrderNo: row.work_order_no,
            reason: row.reason,
            detail: row.detail,
            content: record.content,
            address: record.address,
            callerName: record.callerName,
            phone: record.phone ? maskPhone(record.phone) : null,
          };
        }),
      };
    },
  );

  app.post(
    `${BASE}/queue/:id/place`,
    {
      config: access,
      schema: {
        tags: ["integrations"],
        summary: "Place a queued work order on a grid: it is registered there through intake",
        params: Id,
        body: Type.Object(
          { gridCode: Type.String({ pattern: "^[0-9]{6,15}$" }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      allowed(actor);
      const grid = ctx.regions.get(request.body.gridCode);
      if (grid?.level !== "grid")
        throw fail("VALIDATION_FAILED", { detail: `not a grid: ${request.body.gridCode}` });
      const task = await findQueued(ctx.db, request.params.id);
      if (!task?.record || !task.work_order_no)
        throw fail("NOT_FOUND", { what: `queued work order ${request.params.id}` });
      const record = unsealed(ctx, task.record);
      const existing = (await linksOf(ctx.db, [record.workOrderNo])).get(record.workOrderNo);
      const orderId =
        existing?.orderId ??
        (await createFromRecord(ctx, await cityActor(ctx), record, { regionCode: grid.code }, "queue")).id;
      await markPlaced(ctx.db, task.id, { orderId, placedBy: actor.id, placedAt: ctx.now() });
      const order = await findOrder(ctx.db, orderId);
      if (!order) throw new Error(`order ${orderId} vanished`);
      return { orderId: order.id, orderNo: order.order_no };
    },
  );
};

function presentImport(
  row: {
    [K in (typeof IMPORT_COLUMNS)[number]]: unknown;
  },
) {
  return {
    id: row.id,
    source: row.source,
    fileName: row.file_name,
    format: row.format,
    dryRun: row.dry_run,
    state: row.state,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    unplaced: row.unplaced,
    invalid: row.invalid,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
