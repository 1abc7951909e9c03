import { createHash } from "node:crypto";
import { Value } from "@sinclair/typebox/value";
import type { Transaction } from "kysely";
import type { DB, Order } from "../../db/schema.js";
import { orderRegionScope } from "../../platform/auth/order-visibility.js";
import { type Actor, coversRegion } from "../../platform/auth/permissions.js";
import { fail } from "../../platform/errors.js";
import { type Crs, toWgs84 } from "../../platform/geo/coordinates.js";
import { maskPhone } from "../../platform/privacy/phone.js";
import type { AppContext } from "../context.js";
import { applyAction } from "../orders/commands/perform.js";
import { orderTx } from "../orders/commands/types.js";
import { findOrder } from "../orders/repository.js";
import { holderAt, type Placement } from "../routing/catalogue.js";
import { recordLabel } from "../routing/labels.js";
import type { DemandType } from "../time-limits/rules.js";
import { checkAttachments, type IncomingAttachment, identify } from "./attachments.js";
import { CHANNELS, type Channel } from "./channels.js";
import { classifyDemand } from "./classification.js";
import type { DuplicateSuggestion } from "./duplicate-search.js";
import { termsOf } from "./duplicates.js";
import type { PendingIntake } from "./intake-writer.js";

/** A demand as submitted through any channel (群众呼声全收集). */
export interface DemandSubmission {
  channel: Channel;
  channelFields?: Record<string, unknown>;
  content: string;
  title?: string;
  type?: DemandType;
  categoryCode?: string;
  urgent?: boolean;
  location?: { lng: number; lat: number; crs?: Crs };
  address?: string;
  regionCode?: string;
  caller?: { name?: string; phone?: string; confidential?: boolean };
  attachments?: IncomingAttachment[];
  /** 就地办结: a grid worker registers and solves a grid-level matter in one step. */
  solveOnSpot?: { disposition: "solved" | "explained" | "handled_by_law"; text: string };
}

export interface IntakeResult {
  order: Order;
  /** The order's category name (null on a replay, where the caller reloads the order). */
  categoryName: string | null;
  replayed: boolean;
  categoryCandidates: { code: string; name: string; score: number }[];
  duplicates: DuplicateSuggestion[];
}

/**
 * 受理 intake: checks everything first (channel, fields, place, category, files), then hands the
 * order, its first event, its files and its idempotency key to the intake writer, which stores them
 * in one transaction: a failed submit leaves nothing and an acknowledged one is never lost.
 */
export async function submitDemand(
  ctx: AppContext,
  actor: Actor,
  submission: DemandSubmission,
  idempotencyKey?: string,
  /** Stores what belongs with the order in its transaction (the 12345 work-order link). */
  alsoStore?: (trx: Transaction<DB>, order: Order) => Promise<void>,
): Promise<IntakeResult> {
  const requestHash = createHash("sha256").update(JSON.stringify(submission)).digest("hex");
  if (idempotencyKey) {
    const replay = await replayed(ctx, actor, idempotencyKey, requestHash);
    if (replay) return replay;
  }
  checkChannel(actor, submission);
  const placement = place(ctx, submission);
  if (actor.role !== "resident" && !coversRegion(actor, placement.regionCode)) throw fail("OUTSIDE_SCOPE");
  const classified = classifyDemand(ctx, submission);
  const attachments = checkAttachments(submission.attachments ?? []);
  const caller = await callerOf(ctx, actor, submission);
  const route = ctx.catalogue.route(classified.categoryCode, placement.regionCode);
  const holder = holderAt(route.handlingLevel, placement.placement);
  // 小事不出格: only what the catalogue leaves at grid level may be solved on the spot; say why, before storing.
  if (submission.solveOnSpot && holder.level !== "grid") {
    throw fail("NOT_SOLVABLE_ON_SPOT", {
      category: classified.categoryName ?? "—",
      holder: ctx.regions.get(holder.regionCode)?.name ?? holder.regionCode,
    });
  }
  const terms = termsOf(submission.content);
  // Suggestions show other callers' demands: only those the submitter may read anyway.
  const suggestionScope = orderRegionScope(actor);
  const duplicates =
    suggestionScope === null
      ? []
      : await ctx.duplicates.find({
          words: terms,
          lng: placement.lng,
          lat: placement.lat,
          gridCode: placement.placement.gridCode,
          scopePrefix: suggestionScope,
        });
  const now = ctx.now();
  // A category an operator or grid worker picked is a label the routing model learns from.
  const chosenByStaff = submission.categoryCode !== undefined && actor.role !== "resident";
  const pending: PendingIntake = {
    actor,
    catalogueId: route.catalogueId,
    attachments: identify(attachments),
    idempotency: idempotencyKey ? { key: idempotencyKey, requestHash } : undefined,
    order: {
      channel: submission.channel,
      channel_fields: JSON.stringify(submission.channelFields ?? {}),
      demand_type: classified.type,
      category_code: classified.categoryCode,
      urgent: classified.urgent,
      title: submission.title?.trim() || titleFrom(submission.content),
      content: submission.content,
      terms: terms.join(" "),
      address: submission.address ?? null,
      lng: placement.lng,
      lat: placement.lat,
      region_code: placement.regionCode,
      grid_code: placement.placement.gridCode,
      community_code: placement.placement.communityCode,
      street_code: placement.placement.streetCode,
      caller_name: caller.name,
      caller_phone_cipher: caller.phone ? ctx.vault.encrypt(caller.phone) : null,
      caller_phone_hash: caller.phone ? ctx.vault.lookupHash(caller.phone) : null,
      caller_phone_masked: caller.phone ? maskPhone(caller.phone) : null,
      confidential: submission.caller?.confidential ?? false,
      submitted_by: actor.id,
      resident_id: actor.role === "resident" ? actor.id : null,
      state: "registered",
      handling_level: holder.level,
      holder_region_code: holder.regionCode,
      route: JSON.stringify({ ...route, holder: holder.regionCode, at: now }),
    },
    afterStore:
      submission.solveOnSpot || chosenByStaff || alsoStore
        ? async (trx, order) => {
            await alsoStore?.(trx, order);
            if (chosenByStaff)
              await recordLabel(trx, {
                orderId: order.id,
                text: order.content,
                categoryCode: classified.categoryCode as string,
                suggestedCode: classified.suggestedCode,
                modelVersion: classified.modelVersion,
                source: "intake",
                labelledBy: actor.id,
                regionCode: order.region_code,
              });
            if (!submission.solveOnSpot) return order;
            return (
              await applyAction(
                orderTx(trx, ctx),
                { kind: "actor", actor },
                order,
                "solve_on_spot",
                submission.solveOnSpot,
              )
            ).order;
          }
        : undefined,
  };
  try {
    const order = await ctx.intake.write(pending);
    ctx.duplicates.registered({
      id: order.id,
      gridCode: order.grid_code,
      lng: order.lng,
      lat: order.lat,
      words: terms,
      createdAt: order.created_at,
    });
    return {
      order,
      categoryName: classified.categoryName,
      replayed: false,
      categoryCandidates: classified.candidates,
      duplicates,
    };
  } catch (error) {
    // Two concurrent retries with one key: the loser answers with the winner's order.
    if (idempotencyKey && isUniqueViolation(error)) {
      const replay = await replayed(ctx, actor, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
}

async function replayed(
  ctx: AppContext,
  actor: Actor,
  key: string,
  requestHash: string,
): Promise<IntakeResult | null> {
  const previous = await ctx.db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("user_id", "=", actor.id)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!previous) return null;
  if (previous.request_hash !== requestHash) throw fail("IDEMPOTENCY_MISMATCH");
  const order = await findOrder(ctx.db, previous.order_id);
  if (!order) return null;
  return { order, categoryName: null, replayed: true, categoryCandidates: [], duplicates: [] };
}

function checkChannel(actor: Actor, submission: DemandSubmission): void {
  const channel = CHANNELS[submission.channel];
  if (!(channel.roles as readonly string[]).includes(actor.role)) throw fail("FORBIDDEN");
  const fields = submission.channelFields ?? {};
  if (!Value.Check(channel.fields, fields)) {
    const first = [...Value.Errors(channel.fields, fields)][0];
    throw fail("VALIDATION_FAILED", {
      detail: `channelFields${first?.path ?? ""} ${first?.message ?? ""}`.trim(),
    });
  }
}

/** Where the demand is: a located point (converted to WGS-84), or a picked region. */
function place(ctx: AppContext, submission: DemandSubmission) {
  if (submission.location) {
    const { lng, lat, crs = "wgs84" } = submission.location;
    const location = ctx.regions.locate(lng, lat, crs);
    if (!location) throw fail("OUTSIDE_JURISDICTION");
    const [x, y] = toWgs84(lng, lat, crs);
    return {
      lng: x,
      lat: y,
      regionCode: location.grid.code,
      placement: {
        districtCode: location.district.code,
        streetCode: location.street.code,
        communityCode: location.community.code,
        gridCode: location.grid.code,
      },
    };
  }
  if (!submission.regionCode)
    throw fail("VALIDATION_FAILED", { detail: "location or regionCode is required" });
  const lineage = ctx.regions.lineage(submission.regionCode);
  if (lineage.length === 0)
    throw fail("VALIDATION_FAILED", { detail: `unknown regionCode ${submission.regionCode}` });
  const at = (level: string) => lineage.find((r) => r.level === level)?.code ?? null;
  const placement: Placement = {
    districtCode: lineage[0].code,
    streetCode: at("street"),
    communityCode: at("community"),
    gridCode: at("grid"),
  };
  return { lng: null, lat: null, regionCode: submission.regionCode, placement };
}

/** Residents speak for themselves: their account's name and phone unless they give others. */
async function callerOf(
  ctx: AppContext,
  actor: Actor,
  submission: DemandSubmission,
): Promise<{ name: string | null; phone: string | null }> {
  if (actor.role !== "resident")
    return { name: submission.caller?.name ?? null, phone: submission.caller?.phone ?? null };
  const me = await ctx.db
    .selectFrom("users")
    .select(["display_name", "phone_cipher"])
    .where("id", "=", actor.id)
    .executeTakeFirstOrThrow();
  return {
    name: submission.caller?.name ?? me.display_name,
    phone: submission.caller?.phone ?? (me.phone_cipher ? ctx.vault.decrypt(me.phone_cipher) : null),
  };
}

function titleFrom(content: string): string {
  const firstSentence = content.trim().split(/[。！？!?\n]/)[0] ?? content;
  return [...firstSentence].slice(0, 30).join("");
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}
