import { createHash } from "node:crypto";
import type { Actor } from "../../platform/auth/permissions.js";
import { coversRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import type { AppContext } from "../context.js";
import { type DemandSubmission, submitDemand } from "../demands/intake.js";
import { type CampaignTarget, findCampaign, hasTarget, insertCampaign } from "./campaign-repository.js";
import {
  findDiaryEntry,
  findDiaryEntryByKey,
  insertDiaryEntry,
  insertFieldVisit,
  setDiaryOrder,
} from "./repository.js";
import type { Mood } from "./rules.js";
import { type FieldDemand, pastDay } from "./service.js";

export interface DiaryInput {
  writtenOn: string;
  household: string;
  placeId?: number;
  heard: string;
  mood: Mood;
  followUp?: string;
  campaignId?: number;
  /** Where the entry belongs; by default the writer's own region (a grid worker's grid). */
  regionCode?: string;
}

/**
 * 民情日记: an entry in the writer's jurisdiction (a grid worker only in their grid). A building from
 * the gazetteer places it in that building's grid. Each entry is a household visit and writes the
 * field visit the 走访清单 lists, in one transaction.
 */
export async function writeDiaryEntry(
  ctx: AppContext,
  actor: Actor,
  input: DiaryInput,
  idempotencyKey?: string,
): Promise<{ id: string; replayed: boolean }> {
  // A queued entry sent again (the phone lost the answer) gets the entry already written.
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const replay = idempotencyKey ? await replayedEntry(ctx, actor, idempotencyKey, requestHash) : null;
  if (replay) return replay;
  try {
    return {
      id: await storeDiaryEntry(ctx, actor, input, idempotencyKey ? { idempotencyKey, requestHash } : null),
      replayed: false,
    };
  } catch (error) {
    const raced = idempotencyKey && isUniqueViolation(error);
    const again = raced ? await replayedEntry(ctx, actor, idempotencyKey, requestHash) : null;
    if (again) return again;
    throw error;
  }
}

async function replayedEntry(ctx: AppContext, actor: Actor, key: string, requestHash: string) {
  const previous = await findDiaryEntryByKey(ctx.db, actor.id, key);
  if (!previous) return null;
  if (previous.request_hash !== requestHash) throw fail("IDEMPOTENCY_MISMATCH");
  return { id: previous.id, replayed: true };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

async function storeDiaryEntry(
  ctx: AppContext,
  actor: Actor,
  input: DiaryInput,
  idempotency: { idempotencyKey: string; requestHash: string } | null,
): Promise<string> {
  const writtenOn = pastDay(ctx, input.writtenOn);
  let regionCode = input.regionCode ?? actor.regionCode;
  if (input.placeId !== undefined) {
    const place = ctx.places.get(`place:${input.placeId}`);
    if (!place?.gridCode) throw fail("VALIDATION_FAILED", { detail: `unknown place ${input.placeId}` });
    if (input.regionCode !== undefined && !place.gridCode.startsWith(input.regionCode))
      throw fail("VALIDATION_FAILED", { detail: `place ${input.placeId} is not in ${input.regionCode}` });
    regionCode = place.gridCode;
  }
  if (!regionCode || !ctx.regions.get(regionCode)) throw fail("VALIDATION_FAILED", { detail: "regionCode" });
  if (!coversRegion(actor, regionCode)) throw fail("OUTSIDE_SCOPE");
  if (input.campaignId !== undefined) {
    const campaign = await findCampaign(ctx.db, input.campaignId);
    const grid = ctx.regions.get(regionCode)?.level === "grid" ? regionCode : null;
    if (!campaign || !grid || !(await hasTarget(ctx.db, campaign.id, grid)))
      throw fail("VALIDATION_FAILED", { detail: `campaign ${input.campaignId} has no target here` });
    if (writtenOn < campaign.starts_on || writtenOn > campaign.ends_on)
      throw fail("VALIDATION_FAILED", {
        detail: `campaign ${input.campaignId} does not run on ${writtenOn}`,
      });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const fieldVisitId = await insertFieldVisit(trx, {
      visitorId: actor.id,
      regionCode,
      visitedOn: writtenOn,
      households: 1,
      // The 走访清单 shows it came from the diary (its source); the summary is what was written.
      summary: `${input.household}；${input.heard}`.slice(0, 1000),
    });
    return insertDiaryEntry(trx, {
      authorId: actor.id,
      regionCode,
      writtenOn,
      household: input.household,
      placeId: input.placeId ?? null,
      heard: input.heard,
      mood: input.mood,
      followUp: input.followUp ?? "",
      campaignId: input.campaignId ?? null,
      fieldVisitId,
      idempotencyKey: idempotency?.idempotencyKey ?? null,
      requestHash: idempotency?.requestHash ?? null,
    });
  });
}

/** An entry its reader may act on: one in their jurisdiction; elsewhere it is "not found". */
export async function diaryEntryInScope(ctx: AppContext, actor: Actor, id: string) {
  const entry = await findDiaryEntry(ctx.db, id);
  if (!entry || !coversRegion(actor, entry.region_code))
    throw fail("NOT_FOUND", { what: `diary entry ${id}` });
  return entry;
}

/**
 * What was heard becomes a demand in one step: through intake as 入户访 (household visit) with the
 * entry's household and date, placed in the entry's region, and linked to the entry (one per entry).
 */
export async function raiseFromDiary(ctx: AppContext, actor: Actor, entryId: string, demand: FieldDemand) {
  const entry = await diaryEntryInScope(ctx, actor, entryId);
  if (entry.order_id !== null)
    throw fail("CONFLICT", { detail: "a demand was raised from this entry already" });
  const submission: DemandSubmission = {
    ...demand,
    channel: "household_visit",
    channelFields: { household: entry.household, visitedOn: entry.written_on },
    regionCode: demand.location ? undefined : entry.region_code,
  };
  return submitDemand(ctx, actor, submission, undefined, async (trx, order) => {
    await setDiaryOrder(trx, entry.id, order.id);
  });
}

/** 大走访: a campaign in the actor's jurisdiction with targets in grids inside it. */
export async function createCampaign(
  ctx: AppContext,
  actor: Actor,
  input: { regionCode: string; name: string; startsOn: string; endsOn: string; targets: CampaignTarget[] },
): Promise<number> {
  if (!ctx.regions.get(input.regionCode)) throw fail("VALIDATION_FAILED", { detail: "regionCode" });
  if (!coversRegion(actor, input.regionCode)) throw fail("OUTSIDE_SCOPE");
  if (input.endsOn < input.startsOn) throw fail("VALIDATION_FAILED", { detail: "endsOn before startsOn" });
  const seen = new Set<string>();
  for (const t of input.targets) {
    const grid = ctx.regions.get(t.gridCode);
    if (!grid || grid.level !== "grid" || !t.gridCode.startsWith(input.regionCode) || seen.has(t.gridCode))
      throw fail("VALIDATION_FAILED", { detail: `target grid ${t.gridCode}` });
    seen.add(t.gridCode);
  }
  return ctx.db
    .transaction()
    .execute((trx) => insertCampaign(trx, { ...input, by: actor.id }, input.targets));
}
