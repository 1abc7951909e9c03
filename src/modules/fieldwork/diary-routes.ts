import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/access.js";
import type { Routes } from "../../http/plugin.js";
import { fail } from "../../platform/errors.js";
import { literals } from "../../platform/schema.js";
import { campaignGrids, findCampaign, listCampaigns } from "./campaign-repository.js";
import { createCampaign, raiseFromDiary, writeDiaryEntry } from "./diary-service.js";
import { listDiaryEntries } from "./repository.js";
import { MOODS, progressOf } from "./rules.js";
import { BigId, Day, FieldDemandBody, IntId, RegionCode, raised } from "./schemas.js";
import { readPrefix } from "./service.js";

/** 民情日记 and 大走访: diary entries, the demand raised from one, campaigns and their progress per grid. */
export const diaryRoutes: Routes = async (app, { ctx }) => {
  app.get(
    "/api/fieldwork/diary",
    {
      config: { access: "fieldwork.read" },
      schema: {
        tags: ["fieldwork"],
        summary: "民情日记 entries inside the jurisdiction, newest first",
        querystring: Type.Object(
          { region: Type.Optional(RegionCode), mine: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const prefix = readPrefix(actor, request.query.region);
      const authorId = request.query.mine ? actor.id : undefined;
      const rows = await listDiaryEntries(ctx.db, { prefix, authorId, limit: 200 });
      return {
        items: rows.map((r) => ({
          id: r.id,
          authorName: r.author_name,
          regionCode: r.region_code,
          regionName: r.region_name,
          writtenOn: r.written_on,
          household: r.household,
          heard: r.heard,
          mood: r.mood,
          followUp: r.follow_up,
          campaignId: r.campaign_id,
          campaignName: r.campaign_name,
          order: r.order_id ? { id: r.order_id, orderNo: r.order_no, state: r.order_state } : null,
        })),
      };
    },
  );

  app.post(
    "/api/fieldwork/diary",
    {
      config: { access: "diary.write" },
      schema: {
        tags: ["fieldwork"],
        summary:
          "Write a 民情日记 entry in one's jurisdiction (it enters the 走访清单); an Idempotency-Key header makes resending safe",
        headers: Type.Object({
          "idempotency-key": Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
        }),
        body: Type.Object(
          {
            writtenOn: Day,
            household: Type.String({
              minLength: 1,
              maxLength: 100,
              description: "household or place (门牌/户主/地点)",
            }),
            placeId: Type.Optional(IntId),
            heard: Type.String({ minLength: 1, maxLength: 2000 }),
            mood: literals(MOODS),
            followUp: Type.Optional(Type.String({ maxLength: 1000 })),
            campaignId: Type.Optional(IntId),
            regionCode: Type.Optional(RegionCode),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const key = request.headers["idempotency-key"] as string | undefined;
      const { id, replayed } = await writeDiaryEntry(ctx, actorOf(request), request.body, key);
      if (replayed) reply.header("idempotent-replayed", "true");
      return reply.code(201).send({ id });
    },
  );

  app.post(
    "/api/fieldwork/diary/:id/demand",
    {
      config: { access: "diary.write" },
      schema: {
        tags: ["fieldwork"],
        summary: "Raise the demand heard in an entry (入户访), linked to it; once per entry",
        params: BigId,
        body: FieldDemandBody,
      },
    },
    async (request, reply) => {
      const result = await raiseFromDiary(ctx, actorOf(request), request.params.id, request.body);
      return reply.code(201).send(raised(result));
    },
  );

  app.get(
    "/api/fieldwork/campaigns",
    {
      config: { access: "fieldwork.read" },
      schema: {
        tags: ["fieldwork"],
        summary: "大走访 campaigns reaching the jurisdiction, each with its progress per grid",
        querystring: Type.Object({ region: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const prefix = readPrefix(actorOf(request), request.query.region);
      const campaigns = await listCampaigns(ctx.db, prefix);
      const items = [];
      for (const c of campaigns.slice(0, 20)) items.push(await presentCampaign(c, prefix));
      return { items };
    },
  );

  app.get(
    "/api/fieldwork/campaigns/:id",
    {
      config: { access: "fieldwork.read" },
      schema: {
        tags: ["fieldwork"],
        summary: "One campaign's progress per grid",
        params: Type.Object({ id: IntId }),
      },
    },
    async (request) => {
      const prefix = readPrefix(actorOf(request));
      const campaign = await findCampaign(ctx.db, request.params.id);
      if (!campaign || !(campaign.region_code.startsWith(prefix) || prefix.startsWith(campaign.region_code)))
        throw fail("NOT_FOUND", { what: `campaign ${request.params.id}` });
      return presentCampaign(campaign, prefix);
    },
  );

  app.post(
    "/api/fieldwork/campaigns",
    {
      config: { access: "campaigns.manage" },
      schema: {
        tags: ["fieldwork"],
        summary: "Start a 大走访 campaign with target households and buildings per grid",
        body: Type.Object(
          {
            regionCode: RegionCode,
            name: Type.String({ minLength: 1, maxLength: 80 }),
            startsOn: Day,
            endsOn: Day,
            targets: Type.Array(
              Type.Object(
                {
                  gridCode: RegionCode,
                  households: Type.Integer({ minimum: 0, maximum: 100000 }),
                  buildings: Type.Integer({ minimum: 0, maximum: 10000 }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const id = await createCampaign(ctx, actorOf(request), request.body);
      return reply.code(201).send({ id });
    },
  );

  async function presentCampaign(
    c: { id: number; region_code: string; name: string; starts_on: string; ends_on: string },
    prefix: string,
  ) {
    const grids = await campaignGrids(ctx.db, c.id, prefix);
    return {
      id: c.id,
      regionCode: c.region_code,
      name: c.name,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      grids: grids.map((g) => {
        const done = { households: g.visited_households, buildings: g.visited_buildings };
        return {
          gridCode: g.grid_code,
          gridName: g.grid_name,
          target: { households: g.households, buildings: g.buildings },
          done,
          percent: progressOf({ households: g.households, buildings: g.buildings }, done),
        };
      }),
    };
  }
};
