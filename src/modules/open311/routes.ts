import { randomBytes } from "node:crypto";
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { describeError, type Routes } from "../../http/plugin.js";
import { errorMessage, fail, languageOf } from "../../platform/errors.js";
import { literals } from "../../platform/schema.js";
import { listCategories } from "../categories/repository.js";
import type { AppContext } from "../context.js";
import { DEMAND_TYPES } from "../demands/demand-types.js";
import { type DemandSubmission, submitDemand } from "../demands/intake.js";
import { geocode } from "../places/geocode.js";
import { open311Actor } from "./account.js";
import { activeKeyId, findRequests, linkRequest, requestOfToken } from "./repository.js";
import {
  CHANGESET,
  DEFAULT_WINDOW_DAYS,
  definitionOf,
  type Format,
  formFields,
  parseW3DateTime,
  requestOf,
  SPECIFICATION,
  servicesOf,
} from "./rules.js";
import { toXml } from "./xml.js";

const BASE = "/open311/v2";
const FORMATS: readonly Format[] = ["json", "xml"];
const access = { access: "public" } as const;
const tags = ["open311"];

const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Jurisdiction = { jurisdiction_id: Type.Optional(text(64)) };
const ApiKey = { api_key: Type.Optional(text(100)) };
const Coordinate = Type.Union([
  Type.Number({ minimum: -180, maximum: 180 }),
  Type.String({ pattern: "^-?[0-9]{1,3}(\\.[0-9]{1,12})?$" }),
]);
const CodeList = (item: string) => Type.String({ maxLength: 2000, pattern: `^${item}(,${item}){0,199}$` });

const PostBody = Type.Object(
  {
    ...Jurisdiction,
    api_key: text(100),
    service_code: Type.String({ pattern: "^[0-9]{2,6}$" }),
    lat: Type.Optional(Coordinate),
    long: Type.Optional(Coordinate),
    address_string: Type.Optional(text(200)),
    address_id: Type.Optional(Type.String({ pattern: "^[0-9]{6,15}$" })),
    email: Type.Optional(Type.String({ maxLength: 200, format: "email" })),
    device_id: Type.Optional(text(100)),
    account_id: Type.Optional(text(100)),
    first_name: Type.Optional(text(40)),
    last_name: Type.Optional(text(40)),
    phone: Type.Optional(Type.String({ pattern: "^\\+?[0-9][0-9 -]{6,19}$" })),
    description: Type.String({ minLength: 5, maxLength: 4000 }),
    media_url: Type.Optional(Type.String({ maxLength: 2000, format: "uri" })),
    attribute: Type.Optional(
      Type.Object({ demand_type: Type.Optional(literals(DEMAND_TYPES)) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    ...Jurisdiction,
    ...ApiKey,
    service_request_id: Type.Optional(CodeList("[A-Za-z0-9-]{1,40}")),
    service_code: Type.Optional(CodeList("[0-9]{2,6}")),
    start_date: Type.Optional(text(40)),
    end_date: Type.Optional(text(40)),
    status: Type.Optional(Type.String({ pattern: "^(open|closed)(,(open|closed))?$" })),
  },
  { additionalProperties: false },
);
const PlainQuery = Type.Object(Jurisdiction, { additionalProperties: false });
const KeyQuery = Type.Object({ ...Jurisdiction, ...ApiKey }, { additionalProperties: false });
/** `{id}.{format}` as one path parameter: `01.json`, `BL2612060001.xml`. */
const FileParam = (item: string) =>
  Type.Object({ file: Type.String({ pattern: `^${item}\\.(json|xml)$` }) }, { additionalProperties: false });

/** `{id}.{format}` split, the pattern having checked both parts. */
function fileOf(value: string): { id: string; format: Format } {
  const dot = value.lastIndexOf(".");
  return { id: value.slice(0, dot), format: value.slice(dot + 1) as Format };
}

async function send(reply: FastifyReply, format: Format, root: string, value: unknown) {
  if (format === "xml") return reply.type("text/xml; charset=utf-8").send(await toXml(root, value));
  return reply.type("application/json; charset=utf-8").send(value);
}

/**
 * Open311 GeoReport v2 (开放接口): civic-tech clients list our categories as services, post demands
 * as service requests (with an API key an admin gave them) and follow them. JSON and XML; errors in
 * the spec's shape, `[{code, description}]`, with our error code in `X-Minhu-Error-Code`.
 */
export const open311Routes: Routes = async (app, { ctx }) => {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request, body, done) => {
      const fields = formFields(String(body));
      if (typeof fields === "string") done(fail("VALIDATION_FAILED", { detail: fields }), undefined);
      else done(null, fields);
    },
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = describeError(error, request);
    const description = errorMessage(appError, languageOf(request.headers["accept-language"]));
    const format: Format = request.url.split("?")[0].endsWith(".xml") ? "xml" : "json";
    // The spec's error is {code: HTTP status, description}; our own code travels in a header.
    reply.status(appError.status).header("x-minhu-error-code", appError.code);
    return send(reply, format, "errors", [{ code: appError.status, description }]);
  });
  const jurisdiction = ctx.regions.root()?.code ?? "";
  const checkJurisdiction = (id: string | undefined) => {
    if (id !== undefined && id !== jurisdiction) throw fail("NOT_FOUND", { what: `jurisdiction_id ${id}` });
  };
  const language = (request: FastifyRequest) => languageOf(request.headers["accept-language"]);

  for (const format of FORMATS) {
    app.get(
      `${BASE}/discovery.${format}`,
      { config: access, schema: { tags, summary: "Open311 service discovery", querystring: PlainQuery } },
      async (request, reply) =>
        send(reply, format, "discovery", {
          changeset: CHANGESET,
          contact: ctx.regions.root()?.name ?? "",
          key_service: "API keys are issued by the district's administrator (Minhu 系统管理 › 开放接口)",
          endpoints: [
            {
              specification: SPECIFICATION,
              url: `${request.protocol}://${request.host}${BASE}`,
              changeset: CHANGESET,
              type: "production",
              formats: ["text/xml", "application/json"],
            },
          ],
        }),
    );

    app.get(
      `${BASE}/services.${format}`,
      { config: access, schema: { tags, summary: "Open311 service list", querystring: PlainQuery } },
      async (request, reply) => {
        checkJurisdiction(request.query.jurisdiction_id);
        const categories = await listCategories(ctx.db, { activeOnly: true });
        return send(reply, format, "services", servicesOf(categories, language(request)));
      },
    );

    app.get(
      `${BASE}/requests.${format}`,
      { config: access, schema: { tags, summary: "Open311 service requests", querystring: ListQuery } },
      async (request, reply) => {
        const query = request.query;
        checkJurisdiction(query.jurisdiction_id);
        const keyId = await optionalKey(ctx, query.api_key);
        const rows = await findRequests(
          ctx.db,
          { ...listFilter(query, ctx.now()), keyId },
          language(request),
        );
        return send(reply, format, "service_requests", rows.map(requestOf));
      },
    );

    app.post(
      `${BASE}/requests.${format}`,
      { config: access, schema: { tags, summary: "Open311: post a service request", body: PostBody } },
      async (request, reply) => {
        const posted = await postRequest(ctx, request.body, language(request));
        return send(reply, format, "service_requests", [posted]);
      },
    );
  }

  app.get(
    `${BASE}/services/:file`,
    {
      config: access,
      schema: {
        tags,
        summary: "Open311 service definition",
        params: FileParam("[0-9]{2,6}"),
        querystring: PlainQuery,
      },
    },
    async (request, reply) => {
      checkJurisdiction(request.query.jurisdiction_id);
      const { id, format } = fileOf(request.params.file);
      const categories = await listCategories(ctx.db, { activeOnly: true });
      if (!servicesOf(categories, "zh-CN").some((service) => service.service_code === id))
        throw fail("NOT_FOUND", { what: `service_code ${id}` });
      return send(reply, format, "service_definition", definitionOf(id, language(request)));
    },
  );

  app.get(
    `${BASE}/requests/:file`,
    {
      config: access,
      schema: {
        tags,
        summary: "Open311 service request",
        params: FileParam("[A-Za-z0-9-]{1,40}"),
        querystring: KeyQuery,
      },
    },
    async (request, reply) => {
      checkJurisdiction(request.query.jurisdiction_id);
      const { id, format } = fileOf(request.params.file);
      const keyId = await optionalKey(ctx, request.query.api_key);
      const rows = await findRequests(ctx.db, { orderNos: [id], keyId }, language(request));
      if (rows.length === 0) throw fail("NOT_FOUND", { what: `service_request_id ${id}` });
      return send(reply, format, "service_requests", rows.map(requestOf));
    },
  );

  app.get(
    `${BASE}/tokens/:file`,
    {
      config: access,
      schema: {
        tags,
        summary: "Open311: the service request id of a token",
        params: FileParam("[A-Za-z0-9_-]{1,64}"),
        querystring: PlainQuery,
      },
    },
    async (request, reply) => {
      checkJurisdiction(request.query.jurisdiction_id);
      const { id: token, format } = fileOf(request.params.file);
      const orderNo = await requestOfToken(ctx.db, token);
      if (!orderNo) throw fail("NOT_FOUND", { what: `token ${token}` });
      return send(reply, format, "service_requests", [{ service_request_id: orderNo, token }]);
    },
  );
};

/** A key is optional when reading; one that is given must be valid. */
async function optionalKey(ctx: AppContext, key: string | undefined): Promise<number | null> {
  if (key === undefined) return null;
  const id = await activeKeyId(ctx.db, key);
  if (id === null) throw fail("API_KEY_INVALID");
  return id;
}

function listFilter(query: Static<typeof ListQuery>, now: Date) {
  const instant = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const at = parseW3DateTime(value);
    if (!at) throw fail("VALIDATION_FAILED", { detail: `${name} is not a w3 date-time with a zone` });
    return at;
  };
  if (query.service_request_id) return { orderNos: query.service_request_id.split(",") };
  const to = instant("end_date", query.end_date);
  const from =
    instant("start_date", query.start_date) ??
    new Date((to ?? now).getTime() - DEFAULT_WINDOW_DAYS * 24 * 3600_000);
  if (to && from > to) throw fail("VALIDATION_FAILED", { detail: "start_date is after end_date" });
  return {
    serviceCodes: query.service_code?.split(","),
    statuses: query.status?.split(",") as ("open" | "closed")[] | undefined,
    from,
    to,
  };
}

/** POST requests: the demand goes through intake like any online one, linked to the posting key. */
async function postRequest(ctx: AppContext, body: Static<typeof PostBody>, language: "zh-CN" | "en-US") {
  const keyId = await activeKeyId(ctx.db, body.api_key);
  if (keyId === null) throw fail("API_KEY_INVALID");
  if (body.jurisdiction_id !== undefined && body.jurisdiction_id !== ctx.regions.root()?.code)
    throw fail("NOT_FOUND", { what: `jurisdiction_id ${body.jurisdiction_id}` });
  const name = [body.last_name, body.first_name].filter(Boolean).join("");
  const submission: DemandSubmission = {
    channel: "online",
    channelFields: { client: "open311" },
    content: body.description,
    categoryCode: body.service_code,
    ...(body.attribute?.demand_type ? { type: body.attribute.demand_type } : {}),
    ...whereOf(ctx, body),
    ...(body.address_string ? { address: body.address_string } : {}),
    caller: { ...(name ? { name } : {}), ...(body.phone ? { phone: body.phone } : {}) },
  };
  const token = randomBytes(16).toString("base64url");
  const actor = await open311Actor(ctx);
  const { order } = await submitDemand(ctx, actor, submission, undefined, (trx, stored) =>
    linkRequest(trx, { orderId: stored.id, keyId, token, accountId: body.account_id ?? null }),
  );
  return {
    service_request_id: order.order_no,
    token,
    service_notice:
      language === "en-US"
        ? `Registered as ${order.order_no}; the command centre accepts it and sets its time limit`
        : `已登记，工单号 ${order.order_no}；指挥中心受理后按时限办理`,
    ...(body.account_id ? { account_id: body.account_id } : {}),
  };
}

/** Where: a point, else a grid code (address_id), else the address placed by the district gazetteer. */
function whereOf(
  ctx: AppContext,
  body: Static<typeof PostBody>,
): Pick<DemandSubmission, "location" | "regionCode"> {
  if (body.lat !== undefined || body.long !== undefined) {
    const lat = Number(body.lat);
    const lng = Number(body.long);
    if (body.lat === undefined || body.long === undefined || !Number.isFinite(lat) || !Number.isFinite(lng))
      throw fail("VALIDATION_FAILED", { detail: "lat and long go together" });
    return { location: { lng, lat, crs: "wgs84" } };
  }
  if (body.address_id) return { regionCode: body.address_id };
  if (!body.address_string)
    throw fail("VALIDATION_FAILED", { detail: "lat/long, address_string or address_id is required" });
  const placement = geocode(ctx.places, body.address_string);
  if (!placement.placed || !placement.point)
    throw fail("VALIDATION_FAILED", { detail: "address_string could not be located in the district" });
  return { location: placement.point };
}
