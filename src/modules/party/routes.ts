import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { coversRegion, seesRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { calendarDay, literals } from "../../platform/schema.js";
import { auditActor } from "../audit/rules.js";
import {
  findOrganisation,
  listMembers,
  listOrganisations,
  listReports,
  type OrganisationRow,
} from "./repository.js";
import { MEMBER_DUTIES, ORGANISATION_KINDS } from "./rules.js";
import {
  addMember,
  changeMember,
  changeOrganisation,
  createOrganisation,
  organisationToManage,
  readPrefix,
  recordReport,
} from "./service.js";

const RegionCode = Type.String({ pattern: "^[0-9]{6,15}$" });
const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const Day = calendarDay();
const Name = Type.String({ minLength: 1, maxLength: 80 });
const PersonName = Type.String({ minLength: 1, maxLength: 40 });

function present(row: OrganisationRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    regionCode: row.region_code,
    parentId: row.parent_id,
    placeId: row.place_id,
    placeName: row.place_name,
    secretary: row.secretary,
    foundedOn: row.founded_on,
    active: row.active,
    memberCount: row.member_count,
  };
}

/**
 * 党组织 on the region tree and 双报到: everyone on staff reads those of their jurisdiction; community
 * staff maintain their community's, street staff their street's, administrators all.
 */
export const partyRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/party/organisations",
    {
      config: { access: "party.read" },
      schema: {
        tags: ["party"],
        summary: "Party organisations inside the jurisdiction (a flat list the tree is built from)",
        querystring: Type.Object(
          {
            region: Type.Optional(RegionCode),
            kind: Type.Optional(Type.Array(literals(ORGANISATION_KINDS), { maxItems: 7 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const prefix = readPrefix(actorOf(request), request.query.region);
      const rows = await listOrganisations(ctx.db, { prefix, kinds: request.query.kind });
      return { items: rows.map(present) };
    },
  );

  app.get(
    "/api/party/organisations/:id",
    {
      config: { access: "party.read" },
      schema: { tags: ["party"], summary: "One organisation with its members", params: Id },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const organisation = await findOrganisation(ctx.db, id);
      if (!organisation || !seesRegion(actor, organisation.region_code))
        throw fail("NOT_FOUND", { what: `organisation ${id}` });
      const members = await listMembers(ctx.db, id);
      const [row] = (await listOrganisations(ctx.db, { prefix: organisation.region_code })).filter(
        (o) => o.id === id,
      );
      return {
        ...present(row),
        canManage: coversRegion(actor, organisation.region_code),
        members: members.map((m) => ({
          id: m.id,
          name: m.name,
          duty: m.duty,
          joinedOn: m.joined_on,
          active: m.active,
        })),
      };
    },
  );

  app.post(
    "/api/party/organisations",
    {
      config: { access: "party.manage" },
      schema: {
        tags: ["party"],
        summary: "Add an organisation where the four-level tree allows it, inside your jurisdiction",
        body: Type.Object(
          {
            kind: literals(ORGANISATION_KINDS),
            name: Name,
            regionCode: RegionCode,
            parentId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
            placeId: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: 2_147_483_647,
                description: "the building of a 楼栋党小组",
              }),
            ),
            secretary: Type.Optional(PersonName),
            foundedOn: Type.Optional(Day),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await createOrganisation(ctx, actorOf(request), auditActor(request), request.body);
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    "/api/party/organisations/:id",
    {
      config: { access: "party.manage" },
      schema: {
        tags: ["party"],
        summary: "Rename an organisation, change its secretary, or retire it",
        params: Id,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            secretary: Type.Optional(Type.Union([PersonName, Type.Null()])),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      await changeOrganisation(ctx, actorOf(request), auditActor(request), id, request.body);
      return { id };
    },
  );

  app.post(
    "/api/party/organisations/:id/members",
    {
      config: { access: "party.manage" },
      schema: {
        tags: ["party"],
        summary: "Add a member (or the secretary) to an organisation",
        params: Id,
        body: Type.Object(
          { name: PersonName, duty: literals(MEMBER_DUTIES), joinedOn: Type.Optional(Day) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await organisationToManage(ctx, actor, id);
      const { name, duty, joinedOn } = request.body;
      const memberId = await addMember(ctx, auditActor(request), {
        organisation_id: id,
        name,
        duty,
        joined_on: joinedOn ?? null,
        updated_by: actor.id,
        updated_at: ctx.now(),
      });
      return reply.status(201).send({ id: memberId });
    },
  );

  app.patch(
    "/api/party/members/:id",
    {
      config: { access: "party.manage" },
      schema: {
        tags: ["party"],
        summary: "Change a member's duty or retire them",
        params: Id,
        body: Type.Object(
          { duty: Type.Optional(literals(MEMBER_DUTIES)), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
      },
    },
    async (request) => {
      const { id } = request.params;
      await changeMember(ctx, actorOf(request), auditActor(request), id, request.body);
      return { id };
    },
  );

  app.get(
    "/api/party/reports",
    {
      config: { access: "party.read" },
      schema: {
        tags: ["party"],
        summary: "双报到: party members and organisations of other units reporting to communities",
        querystring: Type.Object({ region: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const rows = await listReports(ctx.db, readPrefix(actorOf(request), request.query.region));
      return {
        items: rows.map((r) => ({
          id: r.id,
          regionCode: r.region_code,
          kind: r.kind,
          name: r.name,
          homeUnit: r.home_unit,
          pledge: r.pledge,
          reportedOn: r.reported_on,
          active: r.active,
        })),
      };
    },
  );

  app.post(
    "/api/party/reports",
    {
      config: { access: "party.manage" },
      schema: {
        tags: ["party"],
        summary: "Record a 双报到: a member or organisation of another unit reporting to a community",
        body: Type.Object(
          {
            regionCode: RegionCode,
            kind: literals(["member", "organisation"]),
            name: Name,
            homeUnit: Name,
            pledge: Type.String({ minLength: 1, maxLength: 500, description: "the service pledged" }),
            reportedOn: Day,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await recordReport(ctx, actorOf(request), auditActor(request), request.body);
      return reply.status(201).send({ id });
    },
  );
};
