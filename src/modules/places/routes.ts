import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { auditActor } from "../audit/rules.js";
import { correctPlace, createPlace, retire } from "./admin.js";
import type { Gazetteer } from "./gazetteer.js";
import { geocode } from "./geocode.js";
import { LANDMARK_CATEGORIES, type PlaceEntry, type PlaceKind, STORED_PLACE_KINDS } from "./types.js";

const KINDS = ["street", "community", "grid", "compound", "building", "road", "landmark"] as const;
const Kinds = Type.String({
  pattern: `^(${KINDS.join("|")})(,(${KINDS.join("|")}))*$`,
  description: "comma-separated kinds",
});
const Point = Type.Tuple([
  Type.Number({ minimum: -180, maximum: 180 }),
  Type.Number({ minimum: -90, maximum: 90 }),
]);
const PlaceBody = Type.Object(
  {
    kind: Type.Union(STORED_PLACE_KINDS.map((k) => Type.Literal(k))),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
    category: Type.Optional(Type.Union([...LANDMARK_CATEGORIES.map((c) => Type.Literal(c)), Type.Null()])),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Type.Optional(Type.Union([Type.Literal("wgs84"), Type.Literal("gcj02"), Type.Literal("bd09")])),
    road: Type.Optional(
      Type.Union([
        Type.Object(
          {
            path: Type.Array(Point, { minItems: 2, maxItems: 500 }),
            from: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
            to: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    compoundId: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()]),
    ),
    extent: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 5000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** 地名地址库 Search, address placement (落格), map labels, and the administrator's corrections. */
export const placeRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/places/search",
    {
      config: { access: "places.read" },
      schema: {
        tags: ["places"],
        summary: "Gazetteer entries matching typed text, and where the text as an address would be placed",
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 200 }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
            kinds: Type.Optional(Kinds),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { q, limit, kinds } = request.query;
      const gazetteer = ctx.places;
      const hits = gazetteer.search(q, {
        limit: limit ?? 10,
        kinds: kinds?.split(",") as PlaceKind[] | undefined,
      });
      return {
        items: hits.map((hit) => ({ ...present(gazetteer, hit.entry), label: hit.label })),
        placement: geocode(gazetteer, q),
      };
    },
  );

  app.get(
    "/api/places/geocode",
    {
      config: { access: "places.read" },
      schema: {
        tags: ["places"],
        summary: "Place a written address on a grid, with a confidence (0..1) and the entries it rests on",
        querystring: Type.Object(
          { address: Type.String({ minLength: 1, maxLength: 300 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => geocode(ctx.places, request.query.address),
  );

  app.get(
    "/api/places/labels",
    {
      config: { access: "places.read" },
      schema: {
        tags: ["places"],
        summary: "Names to draw on a map (communities, compounds, landmarks…) inside a WGS-84 box",
        querystring: Type.Object(
          {
            bbox: Type.String({
              pattern: "^-?[0-9.]+(,-?[0-9.]+){3}$",
              description: "minLng,minLat,maxLng,maxLat",
            }),
            kinds: Type.Optional(Kinds),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { bbox, kinds } = request.query;
      const box = bbox.split(",").map(Number) as [number, number, number, number];
      if (box[2] - box[0] > 0.5 || box[3] - box[1] > 0.5)
        throw fail("VALIDATION_FAILED", { detail: "bbox larger than 0.5°" });
      const wanted = (kinds?.split(",") ?? ["community", "compound", "landmark"]) as PlaceKind[];
      return { items: ctx.places.within(box, wanted).map((entry) => present(ctx.places, entry)) };
    },
  );

  app.get(
    "/api/places/:id",
    {
      config: { access: "places.read" },
      schema: { tags: ["places"], summary: "One stored entry", params: Id },
    },
    async (request) => {
      const entry = ctx.places.get(`place:${request.params.id}`);
      if (!entry) throw fail("NOT_FOUND", { what: `place ${request.params.id}` });
      return present(ctx.places, entry);
    },
  );

  app.post(
    "/api/places",
    {
      config: { access: "places.manage" },
      schema: { tags: ["places"], summary: "Add a compound, building, road or landmark", body: PlaceBody },
    },
    async (request, reply) => {
      const id = await createPlace(ctx, actorOf(request), auditActor(request), request.body);
      return reply.status(201).send(present(ctx.places, ctx.places.get(`place:${id}`) as PlaceEntry));
    },
  );

  app.put(
    "/api/places/:id",
    {
      config: { access: "places.manage" },
      schema: {
        tags: ["places"],
        summary: "Correct an entry (name, aliases, point, numbering…)",
        params: Id,
        body: PlaceBody,
      },
    },
    async (request) => {
      const { id } = request.params;
      await correctPlace(ctx, actorOf(request), auditActor(request), id, request.body);
      return present(ctx.places, ctx.places.get(`place:${id}`) as PlaceEntry);
    },
  );

  app.delete(
    "/api/places/:id",
    {
      config: { access: "places.manage" },
      schema: { tags: ["places"], summary: "Retire an entry (a compound with its buildings)", params: Id },
    },
    async (request, reply) => {
      await retire(ctx, actorOf(request), auditActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

/** An entry as the API shows it: with the names of its grid, community and street. */
export function present(gazetteer: Gazetteer, entry: PlaceEntry) {
  const named = (code: string | null) =>
    code ? { code, name: gazetteer.regions.get(code)?.name ?? code } : null;
  return {
    key: entry.key,
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    aliases: entry.aliases,
    category: entry.category,
    lng: entry.lng,
    lat: entry.lat,
    bbox: entry.bbox,
    road: entry.road,
    extent: entry.extent,
    grid: named(entry.gridCode),
    community: named(entry.communityCode),
    street: named(entry.streetCode),
  };
}
